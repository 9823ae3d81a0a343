/**
 * A recorded practice session, as kept in IndexedDB and (later) exported in a bundle.
 * Times inside a session are milliseconds since the session started (`t`), so a log replays the same
 * on any machine. Shared by the recorder (writes), the replay (reads) and the bundle (validates).
 */
import type { HttpRequest, RequestOutcome } from '../api/http';
import type { BoardChange } from '../whiteboard/types';

// The session record's shape lives with the other stored records (core/records/session.ts); re-exported here
// for the fifty modules that read a session beside its log.
export type { AudioSegmentInfo, SessionRecord, SessionStatus, SilenceInterval } from '../records/session';

/**
 * A file a session records, named by its path in the problem's project ('solution.ts', 'solution.py',
 * 'chat/hub.ts', …) or 'notes.md' (the plan notes). Paths obey core/files/paths.ts. Logs written before
 * projects existed name a Python session's code 'solution.ts' (the migration in core/records renames it).
 */
export type SessionFile = string;

/**
 * One text change in the editor, in Monaco's terms: replace `deleteCount` chars at `offset` with `insert`.
 * Offsets and counts are UTF-16 code units (JavaScript string indices), as in Monaco's `rangeOffset`/`rangeLength`.
 */
export interface TextChange {
  offset: number;
  deleteCount: number;
  insert: string;
}

export type SessionEvent =
  | SnapshotEvent
  | EditEvent
  | RunEvent
  | { t: number; type: 'phase'; phaseId: string; phaseIndex: number }
  /** A phase ended (Next phase or Finish): its planned minutes against the active time actually spent. */
  | { t: number; type: 'phase-end'; phaseId: string; phaseIndex: number; plannedMs: number; actualMs: number }
  | { t: number; type: 'pause' }
  | { t: number; type: 'resume' }
  | { t: number; type: 'mute'; muted: boolean }
  | NudgeEvent
  /** The interviewer asked follow-up question `index` (of the problem's followups.md). */
  | { t: number; type: 'followup'; index: number; question: string }
  /** A clarifying question (design or coding problem) whose answer the candidate revealed. */
  | { t: number; type: 'clarification'; question: string }
  /**
   * A question the candidate typed in their own words (a design problem), before or instead of revealing
   * a listed one; at most TYPED_QUESTION_MAX characters. Format 6.
   */
  | { t: number; type: 'typed-question'; question: string }
  /** The candidate opened the reference solution during the session (after confirming): later verdicts say so. */
  | { t: number; type: 'reference-opened' }
  /** The session continued after a reload: audio goes on in a new segment. */
  | { t: number; type: 'resumed-after-interruption'; segment: number }
  | BoardEvent
  | ScratchpadRunEvent
  | FileEvent
  | RequestEvent
  /** An API scenario's service was restarted from the Requests pane (its disk kept: docs/decisions/api-scenarios.md). */
  | { t: number; type: 'service-restart' };

/**
 * A Send from an API scenario's Requests pane: the request as sent and what came back (a response, a time-out
 * or an error), bounded as core/api/loggedRequest.ts says. `t` is the time of the Send (never before an event
 * logged while it was on its way, as the log's times never go back); `outcome.ms` is how long the answer took.
 */
export interface RequestEvent {
  t: number;
  type: 'request';
  request: HttpRequest;
  outcome: RequestOutcome;
}

/**
 * The project's file list changed, or the candidate switched files (a multi-file problem). A created file's
 * text arrives as a snapshot right after its 'file-create'; a deleted file's text is gone from then on.
 */
export type FileEvent =
  | { t: number; type: 'file-open'; file: SessionFile }
  | { t: number; type: 'file-create'; file: SessionFile }
  | { t: number; type: 'file-rename'; from: SessionFile; to: SessionFile }
  | { t: number; type: 'file-delete'; file: SessionFile };

/** A change of a design problem's whiteboard (core/whiteboard/types.ts). */
export interface BoardEvent extends BoardChange {
  t: number;
  type: 'board';
}

/** A design problem's estimation scratchpad ran: what it printed (not a test run). */
export interface ScratchpadRunEvent {
  t: number;
  type: 'scratchpad-run';
  /** 'completed', or why it stopped ('compile-error', 'timeout', 'crashed'…). */
  outcome: string;
  /** The printed lines (at most SCRATCHPAD_OUTPUT_LINES, each at most 500 characters). */
  output: string[];
}

/** The longest typed question the log keeps (longer ones are cut). */
export const TYPED_QUESTION_MAX = 500;

/** How much of a scratchpad's output the log keeps. */
export const SCRATCHPAD_OUTPUT_LINES = 200;

/** One test's verdict as the log keeps it: enough to redraw the results panel at any point of a replay. */
export interface LoggedTest {
  title: string;
  /** Titles of the enclosing describe blocks, outermost first. */
  path: string[];
  status: 'passed' | 'failed' | 'timedout' | 'error';
  /** The failure's message (assertion text, error), when it failed. */
  message?: string;
}

/** A Run (examples) or Submit (hidden tests) finished. */
export interface RunEvent {
  t: number;
  type: 'run';
  mode: 'run' | 'submit';
  outcome: string;
  passed: number;
  total: number;
  /** Per-test verdicts (optional: logs written before the replay existed have only the counts). */
  tests?: LoggedTest[];
  /** One-line explanation for a run that did not complete (compile error, time-out, crash). */
  message?: string;
}

/**
 * A nudge shown to the candidate: a silence longer than their threshold, editing for a long stretch
 * without running anything, or typing code in the plan phase before any edge case was written down.
 */
export type NudgeEvent =
  | { t: number; type: 'nudge'; kind: 'silence'; silenceMs: number }
  | { t: number; type: 'nudge'; kind: 'no-run'; editingMs: number }
  | { t: number; type: 'nudge'; kind: 'plan-coding' };

/** The editor's full text (first event of every file, and periodic checkpoints). */
export interface SnapshotEvent {
  t: number;
  type: 'snapshot';
  file: SessionFile;
  text: string;
}

/**
 * Edits of one file. `changes` is ONE batch in Monaco's terms: every offset refers to the text before
 * this event, and no two changes overlap (exactly what `onDidChangeModelContent` delivers, and what
 * `model.applyEdits` accepts). Several keystrokes may be coalesced into one event (`EditCoalescer` in
 * `editLog.ts`): their batches are composed into one such batch, so the rule holds for every stored event.
 * `t` is then the time of the last keystroke merged in, so a replay never shows code before it was typed.
 */
export interface EditEvent {
  t: number;
  type: 'edit';
  file: SessionFile;
  changes: TextChange[];
  /**
   * Added for coalescing (optional, so older logs and single keystrokes stay valid): the time of the
   * first keystroke merged into this event, when it differs from `t`. Typing-activity metrics use it.
   */
  startT?: number;
}
