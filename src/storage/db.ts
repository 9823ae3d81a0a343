/**
 * The one owner of IndexedDB. The schema and its versioned upgrades live here; the rest of the app
 * calls the typed functions in this folder and never touches `idb` directly.
 *
 * Version history (append, never edit):
 *   1 — `drafts` (the code per problem) and `practice` (status and phase clock per problem).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'rehearse';
export const DB_VERSION = 1;

export interface DraftRecord {
  problemId: string;
  code: string;
  updatedAt: number;
}

export type PracticeStatus = 'in-progress' | 'solved';

export interface PracticeRecord {
  problemId: string;
  status: PracticeStatus;
  /** The phase clock (see core/timer/phaseClock.ts), or null before Start. Restored defensively. */
  clock: unknown;
  /** Summary of the last Submit, for the catalog and for the review. */
  lastSubmit: { passed: number; total: number; at: number } | null;
  submits: number;
  updatedAt: number;
  /** Staged problems: how many stages the statement shows (1 until stage 1's hidden tests all pass). */
  unlockedStages?: number;
  /** Staged problems: when each stage (1-based, by index) was unlocked and first fully passed. */
  stageTimes?: { unlockedAt: number | null; passedAt: number | null }[];
  /** Design problems: clarifying questions whose sample answers the user revealed, and when. */
  revealed?: { question: string; at: number }[];
}

interface RehearseDB extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  practice: { key: string; value: PracticeRecord };
}

let dbPromise: Promise<IDBPDatabase<RehearseDB>> | null = null;

export function openRehearseDB(): Promise<IDBPDatabase<RehearseDB>> {
  dbPromise ??= openDB<RehearseDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'problemId' });
        db.createObjectStore('practice', { keyPath: 'problemId' });
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

/** Asks the browser not to evict our data under storage pressure; harmless if refused. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
