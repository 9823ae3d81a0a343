/**
 * Back up: the profile and every session's bundle (built by core/bundle/buildBundle.ts) → one .zip.
 * Pure: the caller reads storage and saves the bytes.
 */
import { strToU8 } from 'fflate';
import { manifestFiles, zipFiles } from '../bundle/buildBundle';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_FILE,
  PROFILE_FILE,
  sessionFileName,
  type BackupManifest,
  type ProfileJson,
} from './format';

export interface BackupSource {
  profile: ProfileJson;
  /** Each session's bundle (.zip bytes). */
  sessions: { id: string; bundle: Uint8Array }[];
  appVersion: string;
  now: Date;
}

export async function buildBackup(source: BackupSource): Promise<Uint8Array> {
  const content = new Map<string, Uint8Array>([[PROFILE_FILE, strToU8(JSON.stringify(source.profile))]]);
  for (const s of source.sessions) content.set(sessionFileName(s.id), s.bundle);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: source.appVersion,
    createdAt: source.now.toISOString(),
    files: await manifestFiles(content),
  };
  const files = new Map<string, Uint8Array>([[BACKUP_MANIFEST_FILE, strToU8(JSON.stringify(manifest, null, 2))], ...content]);
  // Session bundles are zips already: stored as they are.
  return zipFiles(files, source.now, (path) => path !== PROFILE_FILE && path !== BACKUP_MANIFEST_FILE);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `rehearse-backup-YYYY-MM-DD.zip`, today in local time. */
export function backupFileName(now: Date): string {
  return `rehearse-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`;
}
