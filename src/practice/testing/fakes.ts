/**
 * What the practice engine's unit tests share: fakes of its ports (storage, recorder, runner), problem
 * fixtures (a single-file, a design and a codebase problem) and `engineHarness`, which makes a fresh engine
 * over fresh fakes before each test, with fake timers.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { singleFileMaterial } from '../../core/problems/assembleCode';
import type { Problem, ProjectFile } from '../../core/problems/types';
import { DEFAULT_INTERVIEW_SETTINGS } from '../../core/records/restoreSettings';
import type { AttemptRecord, CustomProtocolRecord, InterviewSettings } from '../../core/records/types';
import type { SessionFile, TextChange } from '../../core/session/types';
import type { RecorderPhase, UnstampedEvent } from '../../recorder';
import type { RunResult, TestResult } from '../../runner/types';
import type { PracticeRecord } from '../../storage/db';
import type { DraftFile } from '../../storage/drafts';
import type { PracticeConnections, PracticeRecorder, PracticeStorage } from '../ports';
import { PracticeEngine } from '../practiceEngine';

export const STARTER = '// Write your solution.\nexport function add(a: number, b: number): number {\n  return 0;\n}\n';
export const SOLVED = STARTER.replace('return 0;', 'return a + b;');
export const PY_STARTER = 'def add(a, b):\n    raise NotImplementedError\n';

/** A single-file coding problem (TypeScript). */
export function problem(patch: Partial<Problem> = {}): Problem {
  return {
    id: 'add',
    title: 'Add',
    kind: 'coding',
    difficulty: 'easy',
    tags: [],
    protocol: 'coding-45',
    summary: '',
    statement: '',
    code: {
      typescript: singleFileMaterial('typescript', { starter: STARTER, examples: 'examples', hidden: 'hidden', reference: 'reference' }),
    },
    followUps: [],
    clarifications: [],
    stages: [],
    design: null,
    ...patch,
  };
}

/** A single-file problem in TypeScript and Python. */
export function withPython(patch: Partial<Problem> = {}): Problem {
  return problem({
    code: {
      typescript: singleFileMaterial('typescript', { starter: STARTER, examples: 'examples', hidden: 'hidden', reference: 'reference' }),
      python: singleFileMaterial('python', {
        starter: PY_STARTER,
        examples: 'py examples',
        hidden: 'py hidden',
        reference: 'py reference',
        guide: '# In Python',
      }),
    },
    ...patch,
  });
}

/** A design problem: its scratchpad is the code, its notes start from the template. */
export function designProblem(patch: Partial<Problem> = {}): Problem {
  return problem({
    id: 'design',
    kind: 'design',
    code: {},
    design: {
      rubric: [],
      notesTemplate: [],
      scratchpad: 'const qps = 1;',
      referenceAnswer: { sections: [], fills: [] },
    },
    ...patch,
  });
}

/** The starter files of the codebase fixture: `chat/hub.ts` first, a read-only `chat/types.ts`, `main.ts`. */
export const CODEBASE_FILES: ProjectFile[] = [
  { path: 'chat/hub.ts', text: 'export class Hub {}\n', readOnly: false },
  { path: 'chat/types.ts', text: 'export type Id = string;\n', readOnly: true },
  { path: 'main.ts', text: "import { Hub } from './chat/hub';\n", readOnly: false },
];

/** A codebase problem: several files, one read-only, whose tree the candidate may change (TypeScript and Python). */
export function codebaseProblem(patch: Partial<Problem> = {}): Problem {
  return problem({
    id: 'chat',
    title: 'Chat',
    format: 'codebase',
    code: {
      typescript: {
        files: CODEBASE_FILES,
        examples: 'examples',
        hidden: 'hidden',
        reference: {},
        guide: '',
        editableTree: true,
      },
      python: {
        files: [{ path: 'chat/hub.py', text: 'class Hub: pass\n', readOnly: false }],
        examples: 'py examples',
        hidden: 'py hidden',
        reference: {},
        guide: '',
        editableTree: true,
      },
    },
    ...patch,
  });
}

export class FakeStorage implements PracticeStorage {
  drafts = new Map<string, { code: string; updatedAt: number }>();
  practice = new Map<string, PracticeRecord>();
  attempts: AttemptRecord[] = [];
  settings: InterviewSettings = { ...DEFAULT_INTERVIEW_SETTINGS };
  draftFailures = 0;
  draftWrites: { problemId: string; file: DraftFile; text: string }[] = [];
  newAttemptFails = false;
  protocols = new Map<string, CustomProtocolRecord>();
  /** The next protocol read, save or delete throws this. */
  protocolFailure: string | null = null;
  /** sessionStorage. */
  tab = new Map<string, string>();
  tabRefuses = false;

  loadDraft = async (problemId: string, file: DraftFile) => this.drafts.get(`${problemId}/${file}`);
  saveDraft = async (problemId: string, text: string, file: DraftFile) => {
    if (this.draftFailures > 0) {
      this.draftFailures--;
      throw new Error('QuotaExceededError');
    }
    this.draftWrites.push({ problemId, file, text });
    this.drafts.set(`${problemId}/${file}`, { code: text, updatedAt: 1 });
  };
  loadPractice = async (problemId: string) => this.practice.get(problemId);
  savePractice = async (record: PracticeRecord) => {
    this.practice.set(record.problemId, structuredClone(record));
  };
  listAttempts = async (problemId: string) => this.attempts.filter((a) => a.problemId === problemId);
  startNewAttempt = async (input: {
    finished: AttemptRecord | null;
    next: PracticeRecord;
    drafts: { file: DraftFile; text: string }[];
  }) => {
    if (this.newAttemptFails) throw new Error('disk full');
    if (input.finished) this.attempts.push(input.finished);
    this.practice.set(input.next.problemId, input.next);
    for (const d of input.drafts) this.drafts.set(`${input.next.problemId}/${d.file}`, { code: d.text, updatedAt: 2 });
  };
  loadSettings = () => this.settings;
  saveSettings = (s: InterviewSettings) => {
    this.settings = s;
  };
  private protocolCall(): void {
    const failure = this.protocolFailure;
    this.protocolFailure = null;
    if (failure) throw new Error(failure);
  }
  listCustomProtocols = async () => {
    this.protocolCall();
    return [...this.protocols.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  saveCustomProtocol = async (record: CustomProtocolRecord) => {
    this.protocolCall();
    this.protocols.set(record.id, record);
  };
  deleteCustomProtocol = async (id: string) => {
    this.protocolCall();
    this.protocols.delete(id);
  };
  loadTabValue = (key: string) => {
    if (this.tabRefuses) throw new Error('SecurityError');
    return this.tab.get(key) ?? null;
  };
  saveTabValue = (key: string, value: string) => {
    if (this.tabRefuses) throw new Error('SecurityError');
    this.tab.set(key, value);
  };
}

export class FakeRecorder implements PracticeRecorder {
  private phaseNow: RecorderPhase = 'idle';
  private readonly listeners = new Set<(phase: RecorderPhase, previous: RecorderPhase) => void>();
  id: string | null = null;
  problem: string | null = null;
  events: UnstampedEvent[] = [];
  edits: { file: SessionFile; changes: TextChange[] }[] = [];
  timerRunning = false;
  starts = 0;
  detaches = 0;
  silenceNudge: boolean | null = null;
  paused = false;
  /** What attach finds: e.g. an interrupted session of the problem. */
  onAttach: RecorderPhase = 'idle';

  /** The recorder's phase; setting it tells the phase listeners, as the real recorder's store does. */
  get current(): RecorderPhase {
    return this.phaseNow;
  }
  set current(phase: RecorderPhase) {
    const previous = this.phaseNow;
    this.phaseNow = phase;
    if (phase !== previous) for (const listener of [...this.listeners]) listener(phase, previous);
  }

  /** Events of one type, as logged while recording. */
  logged<T extends UnstampedEvent['type']>(type: T): Extract<UnstampedEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<UnstampedEvent, { type: T }> => e.type === type);
  }

  attach = async (problemId: string) => {
    if (this.current === 'recording' && this.problem === problemId) return;
    this.problem = problemId;
    this.current = this.onAttach;
  };
  detach = async () => {
    this.detaches++;
    this.current = 'idle';
  };
  start = () => {
    this.starts++;
    this.id = `session-${this.starts}`;
    this.current = 'recording';
  };
  resumeInterrupted = async () => {
    if (this.current === 'interrupted') this.current = 'recording';
  };
  finish = async () => {
    if (this.current === 'recording' || this.current === 'interrupted') this.current = 'finished';
  };
  /** The `at` each logged event was given (undefined: now), beside `events`. */
  loggedAt: (number | undefined)[] = [];
  log = (event: UnstampedEvent, at?: number) => {
    if (this.current !== 'recording') return;
    this.events.push(event);
    this.loggedAt.push(at);
  };
  edit = (file: SessionFile, changes: TextChange[]) => {
    if (this.current === 'recording') this.edits.push({ file, changes });
  };
  setTimerRunning = (running: boolean) => {
    this.timerRunning = running;
  };
  setPaused = (paused: boolean) => {
    this.paused = paused;
  };
  setSilenceNudgeEnabled = (on: boolean) => {
    this.silenceNudge = on;
  };
  flush = () => undefined;
  phase = () => this.current;
  sessionId = () => this.id;
  problemId = () => this.problem;
  onPhaseChange = (listener: (phase: RecorderPhase, previous: RecorderPhase) => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

export const testResult = (title: string, status: TestResult['status'], stage?: number): TestResult => ({
  title,
  path: stage ? [`Stage ${stage}: part`] : [],
  status,
  durationMs: 1,
  ...(status === 'passed' ? {} : { failure: { message: `${title} failed` } }),
});

export function result(patch: Partial<RunResult> = {}): RunResult {
  const tests = patch.tests ?? [testResult('adds', 'passed')];
  return {
    mode: 'submit',
    outcome: 'completed',
    tests,
    console: [],
    compileErrors: [],
    passed: tests.filter((t) => t.status === 'passed').length,
    total: tests.length,
    durationMs: 5,
    ...patch,
  };
}

/** One test's engine and fakes; `now` is the engine's clock, `nextResult` what the fake runner returns. */
export interface EngineHarness {
  storage: FakeStorage;
  rec: FakeRecorder;
  engine: PracticeEngine;
  now: number;
  nextResult: RunResult;
  /** Connects the engine with the default fake runner, `patch` applied. */
  connect(patch?: Partial<PracticeConnections>): void;
  /** A new engine over `storage` (default: the same fakes), connected as by default. */
  rebuild(storage?: FakeStorage): PracticeEngine;
}

/**
 * Before each test: fake timers, fresh fakes, and an engine over them connected to a fake runner (which
 * returns `h.nextResult`) with the design notes template '## Requirements\n'. Read the fields in the test
 * (`h.engine`), not at the top of the file: they are new for every test.
 */
export function engineHarness(): EngineHarness {
  const h = {} as EngineHarness;
  beforeEach(() => {
    vi.useFakeTimers();
    h.now = 1_000_000;
    h.storage = new FakeStorage();
    h.rec = new FakeRecorder();
    h.nextResult = result();
    h.connect = (patch = {}) =>
      h.engine.connect({
        runner: async () => ({ run: async (request) => ({ ...h.nextResult, mode: request.mode }) }),
        initialNotes: () => '## Requirements\n',
        ...patch,
      });
    h.rebuild = (storage = h.storage) => {
      h.storage = storage;
      h.engine = new PracticeEngine(storage, h.rec, { now: () => h.now });
      h.connect();
      return h.engine;
    };
    h.rebuild();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return h;
}

/** Draft reads of the problems in `slow` wait until `release()`, like IndexedDB on a busy machine. */
export class SlowDraftStorage extends FakeStorage {
  slow = new Set<string>();
  private waiting: (() => void)[] = [];
  override loadDraft = (problemId: string, file: DraftFile) => {
    // What the read finds is what was stored when it was asked for, as in an IndexedDB transaction.
    const found = this.drafts.get(`${problemId}/${file}`);
    if (!this.slow.has(problemId)) return Promise.resolve(found);
    return new Promise<typeof found>((resolve) => this.waiting.push(() => resolve(found)));
  };
  async release(): Promise<void> {
    for (const resolve of this.waiting.splice(0)) resolve();
    await vi.advanceTimersByTimeAsync(0);
  }
}
