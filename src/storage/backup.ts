/**
 * The full backup's reads and its restore write. Reading: every record that is not a session, through the
 * usual restore guards (sessions are exported one by one by exportSession.ts). Writing: everything the
 * restore decided (core/backup/restoreChoices.ts) in ONE readwrite transaction over every store, sessions
 * included, in slices like a session import: a failure anywhere leaves the profile as it was.
 */
import type { ExistingProfile, RestoreWrites } from '../core/backup/restoreChoices';
import type { ProfileJson } from '../core/backup/format';
import { restoreDraft } from '../core/records/restoreDraft';
import { restorePlan, restoreReviewCard } from '../core/records/restorePlan';
import { restorePracticeRecord } from '../core/records/restorePractice';
import { isCustomProtocolRecord } from '../core/records/restoreProtocol';
import { isAttemptRecord } from '../core/records/restoreAttempt';
import { openRehearseDB } from './db';
import { runSlicedWrites, sessionWrites, type Write } from './importSession';
import { isQuotaError } from './quota';
import { loadAllSettings, saveSettingEntries } from './settings';

const notNull = <T>(v: T | null): v is T => v !== null;

/** Everything but the sessions, as stored. */
export async function readProfile(): Promise<ProfileJson> {
  const db = await openRehearseDB();
  const [drafts, practice, attempts, protocols, plans, cards] = await Promise.all([
    db.getAll('drafts'),
    db.getAll('practice'),
    db.getAll('attempts'),
    db.getAll('protocols'),
    db.getAll('plans'),
    db.getAll('reviewCards'),
  ]);
  return {
    drafts: drafts.map(restoreDraft).filter(notNull),
    practice: practice.map(restorePracticeRecord).filter(notNull),
    attempts: attempts.filter(isAttemptRecord),
    protocols: protocols.filter(isCustomProtocolRecord),
    plans: plans.map(restorePlan).filter(notNull),
    reviewCards: cards.map(restoreReviewCard).filter(notNull),
    settings: loadAllSettings(),
  };
}

/** What a restore compares the backup with. */
export async function readExistingProfile(): Promise<ExistingProfile> {
  const [profile, sessionIds] = await Promise.all([readProfile(), openRehearseDB().then((db) => db.getAllKeys('sessions'))]);
  return { ...profile, sessionIds: new Set(sessionIds) };
}

const RESTORE_STORES = [
  'sessions',
  'sessionEvents',
  'audioChunks',
  'levels',
  'reviews',
  'drafts',
  'practice',
  'attempts',
  'protocols',
  'plans',
  'reviewCards',
] as const;

export class RestoreWriteError extends Error {
  override readonly name = 'RestoreWriteError';
}

/** Writes the restore, all or nothing; settings (localStorage) after the database has committed. */
export async function writeRestore(writes: RestoreWrites, onProgress?: (fraction: number) => void): Promise<void> {
  const planned: Write[] = writes.sessions.flatMap(({ data, mode }) => {
    // The page holds the audio as a Blob from here on, as a recording would.
    const audio = data.audio.map((a) => ({
      index: a.index,
      mimeType: a.mimeType,
      blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }),
    }));
    return sessionWrites({ ...data, audio }, mode).writes;
  });
  type ProfileStore = 'drafts' | 'practice' | 'attempts' | 'protocols' | 'plans' | 'reviewCards';
  const put =
    (store: ProfileStore) =>
    (value: unknown): Write =>
    (tx) =>
      tx.objectStore(store).put(value as never);
  planned.push(
    ...writes.drafts.map(put('drafts')),
    ...writes.practice.map(put('practice')),
    ...writes.attempts.map(put('attempts')),
    ...writes.protocols.map(put('protocols')),
    ...writes.plans.map(put('plans')),
    ...writes.reviewCards.map(put('reviewCards')),
  );
  const db = await openRehearseDB();
  try {
    if (planned.length > 0) await runSlicedWrites(db.transaction([...RESTORE_STORES], 'readwrite'), planned, onProgress);
  } catch (e) {
    throw new RestoreWriteError(
      isQuotaError(e)
        ? 'There is not enough storage space for this backup. Nothing was restored; free some space (delete old sessions) and try again.'
        : `The backup could not be written, so nothing was restored (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  saveSettingEntries(writes.settings);
  onProgress?.(1);
}
