/**
 * The one owner of IndexedDB. The schema and its versioned upgrades live here; the rest of the app
 * calls the typed functions in this folder and never touches `idb` directly.
 *
 * The version history is a list in code, `DATABASE_VERSIONS` (src/core/records/versions.ts; in words in
 * src/core/records/MIGRATIONS.md): the version opened is its last entry's, and an upgrade from any older
 * version creates the stores of every entry above it, in order. Append a version there, never edit one.
 *
 * Keys are arrays so one session's rows are a contiguous key range: `sessionRange(id)` below.
 */
import { openDB, type DBSchema, type IDBPDatabase, type StoreNames } from 'idb';
import { DATABASE_VERSIONS, DB_VERSION, type StoreSpec } from '../core/records/versions';
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
export { DB_VERSION };

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

/** The stores the version list creates are exactly RehearseDB's (checked by the compiler, both ways). */
type ListedStore = (typeof DATABASE_VERSIONS)[number]['stores'][number]['name'];
const storesMatch: [ListedStore] extends [StoreNames<RehearseDB>]
  ? [StoreNames<RehearseDB>] extends [ListedStore]
    ? true
    : never
  : never = true;
void storesMatch;

/** What an upgrade needs of the database being upgraded (an IDBDatabase, or a fake in the unit test). */
export interface UpgradableDatabase {
  createObjectStore(name: string, options: { keyPath: string | string[] }): { createIndex(name: string, keyPath: string): unknown };
}

/** Creates the stores (and their indexes) of every database version above `oldVersion`, oldest first. */
export function upgradeDatabase(db: UpgradableDatabase, oldVersion: number): void {
  for (const version of DATABASE_VERSIONS) {
    if (version.version <= oldVersion) continue;
    for (const store of version.stores as readonly StoreSpec[]) {
      const keyPath = typeof store.keyPath === 'string' ? store.keyPath : [...store.keyPath];
      const created = db.createObjectStore(store.name, { keyPath });
      for (const index of store.indexes ?? []) created.createIndex(index.name, index.keyPath);
    }
  }
}

let dbPromise: Promise<IDBPDatabase<RehearseDB>> | null = null;

export function openRehearseDB(): Promise<IDBPDatabase<RehearseDB>> {
  dbPromise ??= openDB<RehearseDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      upgradeDatabase(db, oldVersion);
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
