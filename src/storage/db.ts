/**
 * The one owner of IndexedDB. The schema and its versioned upgrades live here; the rest of the app
 * calls the typed functions in this folder and never touches `idb` directly.
 *
 * Version history (append, never edit):
 *   1 — `drafts` (the code per problem) and `practice` (status and phase clock per problem).
 *   2 — recorded sessions: `sessions` (one record per session, indexed by problem), `sessionEvents`
 *       (the event log in batches, keyed [sessionId, seq]), `audioChunks` (MediaRecorder's chunks as
 *       they arrive, keyed [sessionId, segment, seq]) and `levels` (loudness per frame in batches, keyed
 *       [sessionId, segment, seq]). Version 1 stores are untouched; nothing is migrated, only added.
 *
 *   3 — `reviews`: the candidate's review of a session (rubric scores, learnings), keyed by session id;
 *       `protocols`: the user's custom protocols (phases with their minutes and goals), keyed by id.
 *
 * Keys are arrays so one session's rows are a contiguous key range: `sessionRange(id)` below.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SessionEvent, SessionRecord } from '../core/session/types';
import type { ReviewRecord } from '../core/review/types';
import type { Protocol } from '../core/timer/protocols';

export const DB_NAME = 'rehearse';
export const DB_VERSION = 3;

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
  /** The protocol chosen for this problem (built-in or custom id); absent means the problem's default. */
  protocolId?: string;
  /** Design problems: clarifying questions whose sample answers the user revealed, and when. */
  revealed?: { question: string; at: number }[];
}

/** A batch of events written together (one flush of the recorder's buffer). */
export interface SessionEventBatch {
  sessionId: string;
  seq: number;
  events: SessionEvent[];
}

/** One MediaRecorder chunk, or (after Finish) a segment's whole audio with its duration fixed (`final`). */
export interface AudioChunkRecord {
  sessionId: string;
  segment: number;
  seq: number;
  /** Session time (ms) when the chunk arrived: its audio ends about then. */
  t: number;
  blob: Blob;
  final?: boolean;
}

/**
 * Loudness of consecutive frames, `db[i]` being frame `startFrame + i` of the segment: frame k covers
 * [k × levelFrameMs, (k + 1) × levelFrameMs) of the segment's audio. Frames are placed by the audio clock, so
 * a frame lost under load leaves a gap between batches (read as unknown), never a shift.
 */
export interface LevelBatch {
  sessionId: string;
  segment: number;
  seq: number;
  startFrame: number;
  db: number[];
  /**
   * The frames' voice levels (what silence detection judges; see core/audio/levels.ts), parallel to `db`.
   * Optional, no version bump: batches written before it existed are analysed by `db`.
   */
  voiceDb?: number[];
  /** The frames' periodicity, 0–1 (core/audio/levels.ts), parallel to `db`; optional like `voiceDb`. */
  periodicity?: number[];
}

export interface RehearseDB extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  practice: { key: string; value: PracticeRecord };
  sessions: { key: string; value: SessionRecord; indexes: { byProblem: string } };
  sessionEvents: { key: [string, number]; value: SessionEventBatch };
  audioChunks: { key: [string, number, number]; value: AudioChunkRecord };
  levels: { key: [string, number, number]; value: LevelBatch };
  reviews: { key: string; value: ReviewRecord };
  protocols: { key: string; value: CustomProtocolRecord };
}

/** A protocol the user saved (a copy of a built-in one with changed minutes, or their own). */
export interface CustomProtocolRecord extends Protocol {
  /** The built-in protocol it started from, if any. */
  basedOn: string | null;
  updatedAt: number;
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
