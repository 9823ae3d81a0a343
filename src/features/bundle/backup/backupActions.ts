/**
 * Back up everything and restore it. Loaded on first use (fflate, ajv and the schemas with it). The backup
 * holds each session as the bundle Export makes; the restore checks the whole file (core/backup/
 * parseBackup.ts: sizes, checksums, schemas, guards, each session's own checks) before anything is
 * written, then writes what the person chose in one transaction (storage/backup.ts).
 */
import { version as appVersion } from '../../../../package.json';
import { backupFileName, buildBackup } from '../../../core/backup/buildBackup';
import { BACKUP_LIMITS } from '../../../core/backup/format';
import { parseBackup, type BackupProgress, type ParsedBackup } from '../../../core/backup/parseBackup';
import {
  resolveRestore,
  restoreItems,
  type ExistingProfile,
  type RestoreChoice,
  type RestoreItem,
} from '../../../core/backup/restoreChoices';
import { BundleError, formatMiB } from '../../../core/bundle/errors';
import { findEntry } from '../../../problems/catalog';
import { readExistingProfile, readProfile, RestoreWriteError, writeRestore } from '../../../storage/backup';
import { listSessions } from '../../../storage/sessions';
import { sessionBundleBytes } from '../bundleActions';

export interface BackupFile {
  fileName: string;
  blob: Blob;
  sessions: number;
}

/** Packs every session and record; `onSession(done, total)` as each session is packed. */
export async function buildFullBackup(onSession: (done: number, total: number) => void): Promise<BackupFile> {
  const [profile, sessions] = await Promise.all([readProfile(), listSessions()]);
  const bundles: { id: string; bundle: Uint8Array }[] = [];
  for (const [i, s] of sessions.entries()) {
    const built = await sessionBundleBytes(s.id);
    if (built) bundles.push({ id: s.id, bundle: built.bytes });
    onSession(i + 1, sessions.length);
  }
  const now = new Date();
  const bytes = await buildBackup({ profile, sessions: bundles, appVersion, now });
  return {
    fileName: backupFileName(now),
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    sessions: bundles.length,
  };
}

export interface CheckedBackup {
  parsed: ParsedBackup;
  existing: ExistingProfile;
  items: RestoreItem[];
}

/** Checks a chosen backup file completely; throws a BundleError saying why it is refused. Writes nothing. */
export async function checkBackupFile(file: Blob, onProgress: (p: BackupProgress) => void): Promise<CheckedBackup> {
  if (file.size > BACKUP_LIMITS.maxFileBytes) {
    throw new BundleError(
      'file-too-large',
      `This file is ${formatMiB(file.size)}; a backup may be at most ${formatMiB(BACKUP_LIMITS.maxFileBytes)}.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseBackup(bytes, { knowsProblem: (id) => findEntry(id) !== undefined, onProgress });
  const existing = await readExistingProfile();
  return { parsed, existing, items: restoreItems(parsed, existing) };
}

export interface RestoreSummary {
  sessions: number;
  records: number;
}

export async function applyRestore(
  checked: CheckedBackup,
  choices: ReadonlyMap<string, RestoreChoice>,
  onProgress: (fraction: number) => void,
): Promise<RestoreSummary> {
  const writes = resolveRestore(checked.parsed, checked.existing, { choices, newId: () => crypto.randomUUID() });
  await writeRestore(writes, onProgress);
  const records = [
    writes.drafts,
    writes.practice,
    writes.attempts,
    writes.protocols,
    writes.plans,
    writes.reviewCards,
    writes.settings,
  ].reduce((n, list) => n + list.length, 0);
  return { sessions: writes.sessions.length, records };
}

export function describeBackupError(e: unknown): string {
  if (e instanceof BundleError || e instanceof RestoreWriteError) return e.message;
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}
