/**
 * The export and import actions behind the buttons. Loaded only by a dynamic import from
 * ExportButton / ImportDropZone, so fflate, ajv and the schemas stay out of the entry chunk.
 */
import { version as appVersion } from '../../../package.json';
import { buildBundle, bundleFileName } from '../../core/bundle/buildBundle';
import { BundleError, formatMiB } from '../../core/bundle/errors';
import { BUNDLE_LIMITS } from '../../core/bundle/format';
import { parseBundle, type ParsedBundle } from '../../core/bundle/parseBundle';
import { findEntry, problemTitle } from '../../problems/catalog';
import { loadSessionForExport } from '../../storage/exportSession';
import { importSession, ImportWriteError, sessionExists, type ImportMode } from '../../storage/importSession';

export interface ExportedBundle {
  fileName: string;
  blob: Blob;
}

export async function exportSessionBundle(sessionId: string): Promise<ExportedBundle> {
  const stored = await loadSessionForExport(sessionId);
  if (!stored) throw new Error('This session no longer exists, so there is nothing to export.');
  const audio = await Promise.all(stored.audio.map(async (a) => ({ index: a.index, mimeType: a.mimeType, bytes: new Uint8Array(await a.blob.arrayBuffer()) })));
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
  return { fileName: bundleFileName(stored.session.problemId, stored.session.startedAt), blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) };
}

/** Reads and checks a chosen file; throws a BundleError with the reason it cannot be imported. */
export async function readBundleFile(file: Blob): Promise<ParsedBundle> {
  // Checked before reading: a huge file is refused without loading it into memory.
  if (file.size > BUNDLE_LIMITS.maxFileBytes) {
    throw new BundleError('file-too-large', `This file is ${formatMiB(file.size)}; a bundle may be at most ${formatMiB(BUNDLE_LIMITS.maxFileBytes)}.`);
  }
  return parseBundle(new Uint8Array(await file.arrayBuffer()), { knowsProblem: (id) => findEntry(id) !== undefined });
}

export { sessionExists };

export async function saveImportedBundle(bundle: ParsedBundle, mode: ImportMode): Promise<string> {
  return importSession(bundle, mode);
}

/** A message for anything the import or export threw: our own errors say it already. */
export function describeError(e: unknown, doing: 'import' | 'export'): string {
  if (e instanceof BundleError || e instanceof ImportWriteError) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return doing === 'import' ? `The bundle could not be imported: ${detail}` : `The session could not be exported: ${detail}`;
}
