/**
 * The export and import actions behind the buttons. Loaded only by a dynamic import from
 * ExportButton / ImportDropZone, so fflate stays out of the entry chunk; the import's checks (ajv, the
 * schemas, inflating) run in the import worker (worker/), never on the page's thread.
 */
import { version as appVersion } from '../../../package.json';
import { buildBundle, bundleFileName } from '../../core/bundle/buildBundle';
import { BundleError, formatMiB } from '../../core/bundle/errors';
import { BUNDLE_LIMITS } from '../../core/bundle/format';
import type { ImportProgress } from '../../core/bundle/progress';
import type { SessionRecord } from '../../core/session/types';
import { CATALOG, findEntry, problemTitle } from '../../problems/catalog';
import { loadSessionForExport } from '../../storage/exportSession';
import { ImportWriteError, type ImportMode } from '../../storage/importSession';
import { loadSession } from '../../storage/sessions';
import { ImportClient, type CheckedSummary } from './worker/importClient';

export interface ExportedBundle {
  fileName: string;
  blob: Blob;
}

export async function exportSessionBundle(sessionId: string): Promise<ExportedBundle> {
  const built = await sessionBundleBytes(sessionId);
  if (!built) throw new Error('This session no longer exists, so there is nothing to export.');
  return {
    fileName: bundleFileName(built.session.problemId, built.session.startedAt),
    blob: new Blob([built.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  };
}

/** One session's bundle (.zip bytes), as Export makes it; the full backup holds one per session. Null: no such session. */
export async function sessionBundleBytes(sessionId: string): Promise<{ session: SessionRecord; bytes: Uint8Array } | null> {
  const stored = await loadSessionForExport(sessionId);
  if (!stored) return null;
  const audio = await Promise.all(
    stored.audio.map(async (a) => ({ index: a.index, mimeType: a.mimeType, bytes: new Uint8Array(await a.blob.arrayBuffer()) })),
  );
  const bytes = await buildBundle({
    session: stored.session,
    problemTitle: problemTitle(stored.session.problemId),
    problemKind: findEntry(stored.session.problemId)?.kind ?? null,
    events: stored.events,
    review: stored.review,
    levels: stored.levels,
    audio,
    appVersion,
    now: new Date(),
  });
  return { session: stored.session, bytes };
}

const importClient = new ImportClient();

/** Checks a chosen file in the import worker; throws a BundleError with the reason it cannot be imported. */
export async function readBundleFile(file: Blob, onProgress?: (p: ImportProgress) => void): Promise<CheckedSummary> {
  // Checked before anything is read: a huge file is refused without loading it into memory.
  if (file.size > BUNDLE_LIMITS.maxFileBytes) {
    throw new BundleError(
      'file-too-large',
      `This file is ${formatMiB(file.size)}; a bundle may be at most ${formatMiB(BUNDLE_LIMITS.maxFileBytes)}.`,
    );
  }
  return importClient.check(
    file,
    CATALOG.map((entry) => entry.id),
    onProgress,
  );
}

/** What the library already holds under a bundle's session id, for the Replace dialog; null when nothing. */
export async function existingSession(sessionId: string): Promise<{ title: string; startedAt: number } | null> {
  const session = await loadSession(sessionId);
  return session ? { title: problemTitle(session.problemId), startedAt: session.startedAt } : null;
}

/** Writes a checked bundle; the worker that checked it writes it (one IndexedDB transaction). */
export function saveImportedBundle(bundle: CheckedSummary, mode: ImportMode, onProgress?: (p: ImportProgress) => void): Promise<string> {
  return importClient.save(bundle.checkId, mode, onProgress);
}

/** The person cancelled the Replace dialog: nothing is written, and the worker drops the bundle. */
export function discardImportedBundle(bundle: CheckedSummary): void {
  importClient.discard(bundle.checkId);
}

/** A message for anything the import or export threw: our own errors say it already. */
export function describeError(e: unknown, doing: 'import' | 'export'): string {
  if (e instanceof BundleError || e instanceof ImportWriteError) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return doing === 'import' ? `The bundle could not be imported: ${detail}` : `The session could not be exported: ${detail}`;
}
