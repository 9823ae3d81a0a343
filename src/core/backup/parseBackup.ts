/**
 * Restore, step one: untrusted bytes → a typed backup, or a BundleError saying what is wrong; nothing is
 * written here. The same pipeline as a session bundle, cheapest checks first: the zip's directory with the
 * backup's names and limits (core/bundle/zipDirectory.ts), the manifest, every file inflated within its
 * declared size and matched against its SHA-256, profile.json through the restore guards, and each session
 * bundle through parseBundle (its own sizes, checksums, schemas, guards, times and audio).
 */
import { strFromU8 } from 'fflate';
import { BundleError, fail } from '../bundle/errors';
import { inflateEntry } from '../bundle/inflateEntry';
import { checkListedFiles, inflateListedFiles, type ArchiveWords } from '../bundle/listedFiles';
import { parseBundle, type ParsedBundle } from '../bundle/parseBundle';
import { SESSION_FILE } from '../bundle/format';
import { readZipDirectory, type ZipEntry } from '../bundle/zipDirectory';
import { isFiniteNumber, isNonEmptyString, isObject } from '../records/guards';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_FILE,
  BACKUP_ZIP_RULES,
  PROFILE_FILE,
  sessionIdOfFile,
  type BackupManifest,
  type ProfileJson,
} from './format';
import { restoreProfile } from './restoreProfile';

export interface ParsedBackup {
  manifest: BackupManifest;
  profile: ProfileJson;
  sessions: ParsedBundle[];
}

/** How far the check has got: `files` (checksums), then `sessions` (each bundle's own checks). */
export interface BackupProgress {
  stage: 'files' | 'sessions';
  done: number;
  total: number;
}

export interface ParseBackupOptions {
  knowsProblem?: (problemId: string) => boolean;
  onProgress?: (p: BackupProgress) => void;
}

function json(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return fail('invalid-json', `“${name}” in this backup is not valid JSON.`);
  }
}

function readManifest(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): BackupManifest {
  const entry = entries.get(BACKUP_MANIFEST_FILE);
  if (!entry) fail('missing-manifest', 'This file is not a Rehearse backup: it has no manifest.json.');
  const raw = json(BACKUP_MANIFEST_FILE, inflateEntry(bytes, entry, true));
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT)
    fail('wrong-format', 'This file is not a Rehearse backup: its manifest.json does not name the backup format.');
  if (raw.formatVersion !== BACKUP_FORMAT_VERSION) {
    fail(
      'unsupported-version',
      typeof raw.formatVersion === 'number' && raw.formatVersion > BACKUP_FORMAT_VERSION
        ? `This backup was made by a newer version of Rehearse (backup format ${raw.formatVersion}). Reload Rehearse to update it, then restore again.`
        : `This backup's format version (${JSON.stringify(raw.formatVersion)}) is not one Rehearse knows.`,
    );
  }
  const files = Array.isArray(raw.files) ? raw.files : null;
  const wellFormed =
    files?.every(
      (f) =>
        isObject(f) &&
        isNonEmptyString(f.path) &&
        isFiniteNumber(f.bytes) &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256),
    ) ?? false;
  if (!wellFormed || typeof raw.appVersion !== 'string' || typeof raw.createdAt !== 'string') {
    fail('schema-violation', "This backup's manifest.json is malformed.");
  }
  return raw as unknown as BackupManifest;
}

/** The backup's zip directory; a session bundle picked by mistake is named as one. */
function readBackupDirectory(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZipDirectory(bytes, BACKUP_ZIP_RULES);
  } catch (e) {
    if (e instanceof BundleError && e.code === 'unexpected-file' && isSessionBundle(bytes)) {
      fail('wrong-format', 'This file is one session’s bundle, not a backup: import it on the Sessions page instead.');
    }
    throw e;
  }
}

function isSessionBundle(bytes: Uint8Array): boolean {
  try {
    return readZipDirectory(bytes).some((e) => e.name === SESSION_FILE);
  } catch {
    return false;
  }
}

const BACKUP_WORDS: ArchiveWords = { noun: 'backup', madeAt: 'it was made', manifestFile: BACKUP_MANIFEST_FILE };

export async function parseBackup(bytes: Uint8Array, options: ParseBackupOptions = {}): Promise<ParsedBackup> {
  const progress = options.onProgress ?? (() => undefined);
  const entries = new Map(readBackupDirectory(bytes).map((e) => [e.name, e]));
  const manifest = readManifest(bytes, entries);
  if (!checkListedFiles(manifest.files, entries, BACKUP_WORDS).has(PROFILE_FILE))
    fail('missing-file', 'This backup is incomplete: it has no profile.json.');
  let checked = 0;
  const files = await inflateListedFiles(bytes, manifest.files, entries, BACKUP_WORDS, () =>
    progress({ stage: 'files', done: ++checked, total: manifest.files.length }),
  );
  const profile = restoreProfile(json(PROFILE_FILE, files.get(PROFILE_FILE)!));
  const sessionFiles = [...files.keys()].filter((name) => sessionIdOfFile(name) !== null);
  const sessions: ParsedBundle[] = [];
  for (const [i, name] of sessionFiles.entries()) {
    sessions.push(await parseSession(name, files.get(name)!, options));
    progress({ stage: 'sessions', done: i + 1, total: sessionFiles.length });
  }
  return { manifest, profile, sessions };
}

/** One session bundle inside the backup, refused with the backup if it is refused. */
async function parseSession(name: string, bytes: Uint8Array, options: ParseBackupOptions): Promise<ParsedBundle> {
  let parsed: ParsedBundle;
  try {
    parsed = await parseBundle(bytes, { knowsProblem: options.knowsProblem });
  } catch (e) {
    if (e instanceof BundleError) throw new BundleError(e.code, `The session in “${name}” is refused: ${e.message}`);
    throw e;
  }
  if (parsed.session.id !== sessionIdOfFile(name))
    fail('inconsistent', `“${name}” in this backup holds a different session (${parsed.session.id}).`);
  return parsed;
}
