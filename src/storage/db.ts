/**
 * The one owner of IndexedDB. The schema and its versioned upgrades live here; the rest of the app
 * calls the typed functions in this folder and never touches `idb` directly.
 *
 * Version history (append, never edit; the full history of databases and bundles is in
 * src/core/records/MIGRATIONS.md):
 *   1 — `drafts` (the code per problem) and `practice` (status and phase clock per problem).
 *   2 — recorded sessions: `sessions` (one record per session, indexed by problem), `sessionEvents`
 *       (the event log in batches, keyed [sessionId, seq]), `audioChunks` (MediaRecorder's chunks as
 *       they arrive, keyed [sessionId, segment, seq]) and `levels` (loudness per frame in batches, keyed
 *       [sessionId, segment, seq]). Version 1 stores are untouched; nothing is migrated, only added.
 *
 *   3 — `reviews`: the candidate's review of a session (rubric scores, learnings), keyed by session id;
 *       `protocols`: the user's custom protocols (phases with their minutes and goals), keyed by id.
 *
 *   4 — `attempts`: the attempts a New attempt replaced (code, notes, Submits, sessions), keyed
 *       [problemId, number]. The current attempt stays in `practice` (its new optional fields `attempt`,
 *       `attemptStartedAt`, `submitsUntilAllPass`, `firstAllPassAt`, `sessionIds`; absent means attempt 1).
 *
 *   5 — `plans`: the plan towards an interview with its progress (keyed by id, one 'current'), and
 *       `reviewCards`: each problem's graded attempts, from which its next re-do is computed (keyed by
 *       problem id). Nothing older is touched.
 *
 * Keys are arrays so one session's rows are a contiguous key range: `sessionRange(id)` below.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  AttemptRecord,
  AudioChunkRecord,
  CustomProtocolRecord,
  DraftRecord,
  LevelBatch,
  PlanRecord,
  PracticeRecord,
  ReviewCardRecord,
  ReviewRecord,
  SessionEventBatch,
  SessionRecord,
} from '../core/records/types';

export const DB_NAME = 'rehearse';
export const DB_VERSION = 5;

// The record shapes live below storage, beside their restore guards (core/records); re-exported for storage's callers.
export type {
  AudioChunkRecord,
  CustomProtocolRecord,
  DraftRecord,
  LevelBatch,
  PracticeRecord,
  PracticeStatus,
  SessionEventBatch,
} from '../core/records/types';

export interface RehearseDB extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  practice: { key: string; value: PracticeRecord };
  sessions: { key: string; value: SessionRecord; indexes: { byProblem: string } };
  sessionEvents: { key: [string, number]; value: SessionEventBatch };
  audioChunks: { key: [string, number, number]; value: AudioChunkRecord };
  levels: { key: [string, number, number]; value: LevelBatch };
  reviews: { key: string; value: ReviewRecord };
  protocols: { key: string; value: CustomProtocolRecord };
  attempts: { key: [string, number]; value: AttemptRecord };
  plans: { key: string; value: PlanRecord };
  reviewCards: { key: string; value: ReviewCardRecord };
}

export type SessionStoreName = 'sessionEvents' | 'audioChunks' | 'levels';

/**
 * Every key of one session's rows in a store keyed [sessionId, …]: arrays sort after numbers in
 * IndexedDB's key order, so [id, []] is above every [id, n, …].
 */
export function sessionRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId], [sessionId, []]);
}

/** One segment's rows in a store keyed [sessionId, segment, seq]. */
export function segmentRange(sessionId: string, segment: number): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, segment], [sessionId, segment, []]);
}

let dbPromise: Promise<IDBPDatabase<RehearseDB>> | null = null;

export function openRehearseDB(): Promise<IDBPDatabase<RehearseDB>> {
  dbPromise ??= openDB<RehearseDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'problemId' });
        db.createObjectStore('practice', { keyPath: 'problemId' });
      }
      if (oldVersion < 2) {
        const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
        sessions.createIndex('byProblem', 'problemId');
        db.createObjectStore('sessionEvents', { keyPath: ['sessionId', 'seq'] });
        db.createObjectStore('audioChunks', { keyPath: ['sessionId', 'segment', 'seq'] });
        db.createObjectStore('levels', { keyPath: ['sessionId', 'segment', 'seq'] });
      }
      if (oldVersion < 3) {
        db.createObjectStore('reviews', { keyPath: 'sessionId' });
        db.createObjectStore('protocols', { keyPath: 'id' });
      }
      if (oldVersion < 4) {
        db.createObjectStore('attempts', { keyPath: ['problemId', 'number'] });
      }
      if (oldVersion < 5) {
        db.createObjectStore('plans', { keyPath: 'id' });
        db.createObjectStore('reviewCards', { keyPath: 'problemId' });
      }
    },
    blocked() {
      // Another tab holds an older version open; it will close on its `versionchange`.
    },
    terminated() {
      dbPromise = null;
    },
  }).then((db) => {
    // Let a newer tab upgrade the schema instead of being blocked by this one.
    db.addEventListener('versionchange', () => {
      db.close();
      dbPromise = null;
    });
    return db;
  });
  return dbPromise;
}

/** Asks the browser not to evict our data under storage pressure; harmless if refused. Null: no such API. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/** Whether the browser already keeps our data persistently (null: it cannot say). */
export async function isStoragePersisted(): Promise<boolean | null> {
  try {
    return navigator.storage?.persisted ? await navigator.storage.persisted() : null;
  } catch {
    return null;
  }
}
