/**
 * The version history of everything Rehearse keeps or exports, as two ordered lists in code (as tldraw keeps
 * its migration sequences): the IndexedDB database's versions and the session bundle's format versions.
 * Append, never edit: an entry says what its version changed and how data of the version before is read.
 *
 * The lists are the source of truth. The database version storage/db.ts opens, and the stores each upgrade
 * creates, come from DATABASE_VERSIONS; the bundle's current and readable format versions come from
 * BUNDLE_FORMATS; MIGRATIONS.md beside this file is rendered from both (migrationsDoc.ts; a unit test keeps
 * it exactly so, `npm run docs:migrations` rewrites it). The pure transforms named here are in migrations.ts.
 */

import type { Language } from '../languages/registry';
import type { SessionEvent } from '../session/types';
import { pythonCodeOfOldLog } from './migrations';

/** An object store a database version creates: its name, key path and indexes, exactly as IndexedDB takes them. */
export interface StoreSpec {
  readonly name: string;
  readonly keyPath: string | readonly string[];
  readonly indexes?: readonly { readonly name: string; readonly keyPath: string }[];
}

export interface DatabaseVersion {
  readonly version: number;
  readonly title: string;
  /** What the version added or changed, in Markdown (one table cell). */
  readonly changes: string;
  /** How records written before it are read, in Markdown (one table cell). */
  readonly migration: string;
  /** The stores its upgrade creates (storage/db.ts creates them for every version above the one found). */
  readonly stores: readonly StoreSpec[];
}

export interface BundleFormat {
  readonly version: number;
  readonly title: string;
  /** What the format added or changed, in Markdown (one table cell). */
  readonly changes: string;
  /** How a bundle of the version before is read as this one, in Markdown (one table cell). */
  readonly migration: string;
  /** The same as a pure transform of the log read from an older bundle (absent: the identity). */
  readonly upgradeLog?: (session: { language?: Language }, events: SessionEvent[]) => SessionEvent[];
}

const keyedBySession = ['sessionId', 'segment', 'seq'] as const;

export const DATABASE_VERSIONS = [
  {
    version: 1,
    title: 'Drafts and practice',
    changes: '`drafts` (the code per problem, keyed by problem id), `practice` (status, phase clock, last Submit per problem).',
    migration: '— (first version)',
    stores: [
      { name: 'drafts', keyPath: 'problemId' },
      { name: 'practice', keyPath: 'problemId' },
    ],
  },
  {
    version: 2,
    title: 'Recorded sessions',
    changes:
      'adds `sessions` (one record per session, indexed by problem), `sessionEvents` (the event log in batches, keyed `[sessionId, seq]`), `audioChunks` (MediaRecorder chunks, keyed `[sessionId, segment, seq]`), `levels` (loudness per frame, same keys). Drafts of other files than the solution are keyed `<problemId>/<file>`.',
    migration: 'nothing is moved: version 1 stores are untouched.',
    stores: [
      { name: 'sessions', keyPath: 'id', indexes: [{ name: 'byProblem', keyPath: 'problemId' }] },
      { name: 'sessionEvents', keyPath: ['sessionId', 'seq'] },
      { name: 'audioChunks', keyPath: keyedBySession },
      { name: 'levels', keyPath: keyedBySession },
    ],
  },
  {
    version: 3,
    title: 'Reviews and protocols',
    changes:
      'adds `reviews` (rubric scores and learnings, keyed by session id) and `protocols` (custom protocols). Session records carry their `phases`.',
    migration:
      'a session record without `phases` gets the phases of the built-in protocol named by its `protocolId` (`phasesOfOldSessionRecord`), or none.',
    stores: [
      { name: 'reviews', keyPath: 'sessionId' },
      { name: 'protocols', keyPath: 'id' },
    ],
  },
  {
    version: 4,
    title: 'Attempts',
    changes:
      "adds `attempts` (each attempt a New attempt replaced: its code, notes, Submits and sessions, keyed `[problemId, number]`); practice records may carry the current attempt's `attempt`, `attemptStartedAt`, `submitsUntilAllPass`, `firstAllPassAt`, `sessionIds`.",
    migration: 'a practice record without them is attempt 1.',
    stores: [{ name: 'attempts', keyPath: ['problemId', 'number'] }],
  },
  {
    version: 5,
    title: 'Plan and spaced re-dos',
    changes:
      "adds `plans` (the plan towards an interview: dates as local `YYYY-MM-DD`, its days' items, the items done and by which session; one record, id `current`) and `reviewCards` (per problem, the graded attempts its next re-do is computed from; keyed by problem id).",
    migration: 'none: no plan and no graded attempts. Sessions recorded before version 5 are not graded after the fact.',
    stores: [
      { name: 'plans', keyPath: 'id' },
      { name: 'reviewCards', keyPath: 'problemId' },
    ],
  },
] as const satisfies readonly DatabaseVersion[];

export const BUNDLE_FORMATS = [
  {
    version: 1,
    title: 'First format',
    changes:
      'manifest with SHA-256 per file; `session.json` (problem, session record with phases, review, facts, readiness); `events.jsonl`; `levels.json`; `solution.ts`, `notes.md`, `report.md`; audio per segment under `audio/`.',
    migration: '— (first version)',
  },
  {
    version: 2,
    title: 'Design sessions',
    changes:
      "`events.jsonl` may hold `board` events (whiteboard changes: the elements added or changed, or the `full` board) and `scratchpad-run` events (a design scratchpad's output); `whiteboard.svg` holds the final board; `report.md` shows it with the design facts. Like `report.md`, `whiteboard.svg` is derived and only checksummed on import.",
    migration: 'identity: a format 1 bundle has none of these, and reads as it is.',
  },
  {
    version: 3,
    title: 'Python',
    changes:
      "the session record may carry `language` (`typescript` or `python`); a Python session's final code is `solution.py` instead of `solution.ts` (a bundle holds exactly the one its language names); `report.md` says the language.",
    migration: 'identity: a format 1 or 2 bundle has no `language`, keeps `solution.ts`, and reads as TypeScript.',
  },
  {
    version: 4,
    title: 'The reference, seen',
    changes:
      '`events.jsonl` may hold `reference-opened` events (the reference solution opened during a recorded session, at its time: the review and the checklist say it was seen); an older Rehearse says the bundle is from a newer version instead of refusing an unknown event.',
    migration: 'identity: a format 1–3 bundle has no such event (the reference was not seen, as far as the log knows).',
  },
  {
    version: 5,
    title: 'Every file',
    changes:
      "the bundle holds every file of the session's project as it was at the end, each under `files/<path>` (paths as `src/core/files/paths.ts` allows them, at most 100 files), instead of one `solution.ts` or `solution.py`; `notes.md` stays; `events.jsonl` may name any project path and hold `file-open`, `file-create`, `file-rename` and `file-delete` events; the session record may carry `features` (the Requirement-2 features chosen at Start); `report.md` lists the files; a bundle may hold 256 entries.",
    migration:
      "a format 1–4 bundle keeps its code in `solution.ts` (or `solution.py`), which the log must still replay to; its log names a Python session's code `solution.ts`, renamed `solution.py` (`pythonCodeOfOldLog`).",
    upgradeLog: pythonCodeOfOldLog,
  },
  {
    version: 6,
    title: 'Questions in your own words; API requests',
    changes:
      "`events.jsonl` may hold `typed-question` events (a question the candidate typed on a design problem, before or instead of revealing a listed one), `request` events (an API scenario's Send from the Requests pane, at its time: the request — method, path, headers, body — and its outcome, a response with status, headers and a body of at most 64 KiB, a time-out or an error) and `service-restart` events; `whiteboard.excalidraw` holds the final board as an Excalidraw scene (derived, like `whiteboard.svg`: only checksummed on import); a design session's `session.json` carries its design facts and checklist (`kind: 'design'`) instead of a coding session's; `report.md` lists an API scenario's requests; an older Rehearse says the bundle is from a newer version instead of refusing an unknown event.",
    migration: 'identity: a format 1–5 bundle has no typed question and no request (none was sent, as far as the log knows).',
  },
] as const satisfies readonly BundleFormat[];

/** The database version storage/db.ts opens: the last entry's. */
export const DB_VERSION: number = DATABASE_VERSIONS[DATABASE_VERSIONS.length - 1]!.version;

/** The format version an export writes: the last entry's. */
export const BUNDLE_FORMAT_VERSION: number = BUNDLE_FORMATS[BUNDLE_FORMATS.length - 1]!.version;

/** Every format version this app reads, each older one through its entries' migrations. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = BUNDLE_FORMATS.map((f) => f.version);

/** The log of a bundle of format `fromVersion`, brought to the current format by every later entry's transform. */
export function upgradeBundleLog(fromVersion: number, session: { language?: Language }, events: SessionEvent[]): SessionEvent[] {
  return (BUNDLE_FORMATS as readonly BundleFormat[]).reduce(
    (log, format) => (format.version > fromVersion && format.upgradeLog ? format.upgradeLog(session, log) : log),
    events,
  );
}
