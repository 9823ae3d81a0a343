/**
 * The full backup, format version 1: one .zip holding every session as its own session bundle (the
 * format of core/bundle, audio included, checked on restore by the same parseBundle), and the rest of the
 * profile in profile.json (drafts, practice, attempts, custom protocols, the plan, the review cards and
 * the settings). A manifest lists every file with its SHA-256. Documented in schemas/README.md.
 */
import { BUNDLE_LIMITS, type ManifestFile } from '../bundle/format';
import { isSessionId } from '../bundle/sessionId';
import type { ZipRules } from '../bundle/zipDirectory';
import type { AttemptRecord } from '../records/types';
import type { CustomProtocolRecord, DraftRecord, PlanRecord, PracticeRecord, ReviewCardRecord } from '../records/types';

export const BACKUP_FORMAT = 'rehearse-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MANIFEST_FILE = 'manifest.json';
export const PROFILE_FILE = 'profile.json';

const SESSION_FILE = /^sessions\/([0-9a-f-]{36})\.zip$/;

export const sessionFileName = (sessionId: string) => `sessions/${sessionId}.zip`;

/** The session id a `sessions/<id>.zip` name carries, or null. */
export function sessionIdOfFile(name: string): string | null {
  const m = SESSION_FILE.exec(name);
  return m && isSessionId(m[1]) ? m[1]! : null;
}

const MIB = 1024 * 1024;

/**
 * What a restore accepts, checked on the zip's directory before anything is inflated. The file is read
 * into memory whole, so its size is bounded well below what a tab can hold; each session inside is
 * bounded like an imported bundle.
 */
export const BACKUP_LIMITS = {
  maxFileBytes: 1024 * MIB,
  maxTotalBytes: 1024 * MIB,
  /** A thousand sessions, the manifest and profile.json. */
  maxEntries: 1002,
  maxProfileBytes: 64 * MIB,
  maxManifestBytes: 1 * MIB,
  maxSessionBytes: BUNDLE_LIMITS.maxFileBytes,
} as const;

export const BACKUP_ZIP_RULES: ZipRules = {
  noun: 'backup',
  notOurs: 'This file is not a Rehearse backup:',
  remake: 'Back up again and restore the new file.',
  maxFileBytes: BACKUP_LIMITS.maxFileBytes,
  maxTotalBytes: BACKUP_LIMITS.maxTotalBytes,
  maxEntries: BACKUP_LIMITS.maxEntries,
  isAllowedName: (name) => name === BACKUP_MANIFEST_FILE || name === PROFILE_FILE || sessionIdOfFile(name) !== null,
  entryLimit: (name) =>
    name === BACKUP_MANIFEST_FILE
      ? BACKUP_LIMITS.maxManifestBytes
      : name === PROFILE_FILE
        ? BACKUP_LIMITS.maxProfileBytes
        : BACKUP_LIMITS.maxSessionBytes,
};

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  files: ManifestFile[];
}

/** profile.json: every record that is not a session, as the app stores them, and the settings. */
export interface ProfileJson {
  drafts: DraftRecord[];
  practice: PracticeRecord[];
  attempts: AttemptRecord[];
  protocols: CustomProtocolRecord[];
  plans: PlanRecord[];
  reviewCards: ReviewCardRecord[];
  /** The app's small preferences (localStorage keys `rehearse.*`), as stored text. */
  settings: Record<string, string>;
}

/** A setting a backup may carry: one of our own keys, a short text. */
export const SETTING_KEY = /^rehearse\.[A-Za-z0-9._-]{1,64}$/;
export const MAX_SETTING_CHARS = 10_000;
