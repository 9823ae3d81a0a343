/**
 * The practice engine's state, as the features read it through their selector hooks. One store; each
 * part of the engine (parts/) writes only its own fields.
 */
import { EMPTY_REQUEST_DRAFT, type SentRequest } from '../core/api/requestHistory';
import type { RequestDraft, RequestProblem } from '../core/api/parseRequest';
import type { AttemptRecord } from '../core/records/types';
import type { StartingProject } from '../core/practice/projectCode';
import { DEFAULT_LANGUAGE, type Language } from '../core/languages/registry';
import type { Problem } from '../core/problems/types';
import type { CustomProtocolRecord } from '../core/records/types';
import type { PhaseClockState } from '../core/timer/phaseClock';
import type { BoardElement } from '../core/whiteboard/types';
import type { ConsoleLine, RunMode, RunResult } from '../runner/types';
import type { PracticeRecord } from '../storage/db';
import type { InterviewSettings } from '../core/records/types';

export type CodingNudge = { kind: 'no-run'; editingMs: number } | { kind: 'plan-coding' };

/** A place in a file to bring into view (a `path:line` clicked in the results or the console). */
export interface RevealRequest {
  file: string;
  line: number;
  column: number;
  /** Grows with every request, so the same place asked twice moves the caret twice. */
  seq: number;
}

/** A design problem's whiteboard as the page shows it (parts/board.ts). */
export interface BoardView {
  /** The problem whose board is open (the Whiteboard region opens and closes it). */
  problemId: string | null;
  loaded: boolean;
  /** The board as last restored from Excalidraw or the draft (deleted elements left out). */
  elements: BoardElement[];
  saveError: string | null;
  /**
   * Grows each time the board is opened or started afresh (New attempt): the canvas is made anew with
   * `elements`, and a change reported by a canvas of an earlier generation is dropped.
   */
  generation: number;
}

/** The interviewer's follow-up questions in the session now (parts/interviewer.ts). */
export interface InterviewerView {
  /** The session (its clock's start time) the count belongs to. */
  sessionKey: number | null;
  /** Questions asked so far: the current one is `asked - 1`. */
  asked: number;
}

/** The user's custom protocols, kept in memory so Start resolves the chosen one at once (parts/protocols.ts). */
export interface ProtocolsView {
  customs: CustomProtocolRecord[];
  loadError: string | null;
}

/** An API scenario's Requests pane (parts/requests.ts): what is typed, the requests sent, the one shown. */
export interface RequestsView {
  /** The service this memory belongs to (`problemId:language`), or null when the problem has none. */
  serviceKey: string | null;
  loaded: boolean;
  draft: RequestDraft;
  /** Oldest first. */
  history: SentRequest[];
  /** The exchange shown under the form: the last Send's (or resend's), with its full response body. */
  shown: SentRequest | null;
  /** Why the last Send was refused (nothing was sent); empty when it was not. */
  problems: RequestProblem[];
  sending: boolean;
  restarting: boolean;
  /** A one-line message about the pane itself (a refused Send while paused, a failed restart). */
  notice: string | null;
}

export const emptyRequests = (): RequestsView => ({
  serviceKey: null,
  loaded: false,
  draft: { ...EMPTY_REQUEST_DRAFT },
  history: [],
  shown: null,
  problems: [],
  sending: false,
  restarting: false,
  notice: null,
});

export interface PracticeState {
  problem: Problem | null;
  loaded: boolean;
  /** The project's files in `language`: path → text (a single-file problem has one; a design problem its scratchpad). */
  files: Readonly<Record<string, string>>;
  /** The files' paths in tree order. */
  paths: readonly string[];
  /** How the candidate received the project (the starter files, which are read-only, whether the tree may change). */
  received: StartingProject | null;
  /** The file the editor shows. */
  activeFile: string;
  /** `files[activeFile]`, set in the same update: the editor's text. */
  code: string;
  /** The files open in tabs, in the order they were opened. */
  openFiles: readonly string[];
  reveal: RevealRequest | null;
  /** What a refused file action or a keystroke in a read-only file said; null when there is nothing to say. */
  fileNotice: string | null;
  notes: string;
  clock: PhaseClockState | null;
  practice: PracticeRecord | null;
  /** A Run or Submit is under way (Run, Submit and the actions that would disturb a run refuse meanwhile). */
  running: RunMode | null;
  /**
   * The run, once it has lasted RUNNING_SHOWN_AFTER_MS: what the page shows as running. A faster run (most
   * Submits take ~50 ms) changes the page once, when its results come, so nothing is laid out or painted
   * while its tests compete for the CPU.
   */
  runningShown: RunMode | null;
  lastResult: RunResult | null;
  /** How many runs finished since the page loaded; lets the UI (and tests) tell results apart. */
  runCount: number;
  console: ConsoleLine[];
  saveError: string | null;
  /** Opening a problem with an unfinished draft asks: continue it, or start a new attempt. */
  draftQuestion: { savedAt: number } | null;
  /** The attempts a New attempt replaced, oldest first. */
  history: AttemptRecord[];
  nudge: CodingNudge | null;
  settings: InterviewSettings;
  /** Grows each time a plan phase begins: the plan notes take the keyboard focus then. */
  planFocusRequest: number;
  /** The language the files are in (remembered per problem; the default unless the problem has others). */
  language: Language;
  /** While a run waits for something slow before its tests (Python's first download): what, for the UI. */
  preparing: string | null;
  /**
   * Whose text `code` is: `codeKeyOf(problem, language, activeFile)`, set in the same update as `code`. The
   * editor is keyed by it, and an edit that names another key is dropped, so one problem's, language's or
   * file's text can never be shown or saved as another's.
   */
  codeKey: string | null;
  board: BoardView;
  interviewer: InterviewerView;
  protocols: ProtocolsView;
  requests: RequestsView;
}

/** The identity of an editor buffer: one file of one problem's code in one language. */
export function codeKeyOf(problemId: string, language: Language, path: string): string {
  return `${problemId}:${language}:${path}`;
}

/** A session paused by the user: the timer, the recording and editing wait for Resume. */
export const isPaused = (clock: PhaseClockState | null): boolean => !!clock && clock.pausedAt !== null && clock.finishedAt === null;

export const isRunning = (clock: PhaseClockState | null): clock is PhaseClockState =>
  !!clock && clock.pausedAt === null && clock.finishedAt === null;

/** A run is shown as running (status line, disabled buttons) only once it has lasted this long. */
export const RUNNING_SHOWN_AFTER_MS = 150;

export function initialState(settings: InterviewSettings): PracticeState {
  return {
    problem: null,
    loaded: false,
    files: {},
    paths: [],
    received: null,
    activeFile: '',
    code: '',
    openFiles: [],
    reveal: null,
    fileNotice: null,
    notes: '',
    clock: null,
    practice: null,
    running: null,
    runningShown: null,
    lastResult: null,
    runCount: 0,
    console: [],
    saveError: null,
    draftQuestion: null,
    history: [],
    nudge: null,
    settings,
    planFocusRequest: 0,
    language: DEFAULT_LANGUAGE,
    preparing: null,
    codeKey: null,
    board: { problemId: null, loaded: false, elements: [], saveError: null, generation: 0 },
    interviewer: { sessionKey: null, asked: 0 },
    protocols: { customs: [], loadError: null },
    requests: emptyRequests(),
  };
}
