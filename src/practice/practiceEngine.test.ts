import { singleFileMaterial } from '../core/problems/assembleCode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttemptRecord } from '../core/records/types';
import type { Problem } from '../core/problems/types';
import type { SessionFile, TextChange } from '../core/session/types';
import type { RecorderPhase, UnstampedEvent } from '../recorder';
import type { RunRequest, RunResult, TestResult } from '../runner/types';
import type { PracticeRecord } from '../storage/db';
import type { DraftFile } from '../storage/drafts';
import { DEFAULT_INTERVIEW_SETTINGS } from '../core/records/restoreSettings';
import type { InterviewSettings } from '../core/records/types';
import type { PracticeRecorder, PracticeStorage } from './ports';
import { PracticeEngine } from './practiceEngine';
import { RUNNING_SHOWN_AFTER_MS } from './state';

const STARTER = '// Write your solution.\nexport function add(a: number, b: number): number {\n  return 0;\n}\n';
const SOLVED = STARTER.replace('return 0;', 'return a + b;');

function problem(patch: Partial<Problem> = {}): Problem {
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
    stages: [],
    design: null,
    ...patch,
  };
}

/** A design problem: its scratchpad is the code, its notes start from the template. */
function designProblem(patch: Partial<Problem> = {}): Problem {
  return problem({
    kind: 'design',
    design: {
      clarifications: [],
      rubric: [],
      notesTemplate: [],
      scratchpad: 'const qps = 1;',
      referenceAnswer: { sections: [], fills: [] },
    },
    ...patch,
  });
}

class FakeStorage implements PracticeStorage {
  drafts = new Map<string, { code: string; updatedAt: number }>();
  practice = new Map<string, PracticeRecord>();
  attempts: AttemptRecord[] = [];
  settings: InterviewSettings = { ...DEFAULT_INTERVIEW_SETTINGS };
  draftFailures = 0;
  draftWrites: { problemId: string; file: DraftFile; text: string }[] = [];
  newAttemptFails = false;

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
}

class FakeRecorder implements PracticeRecorder {
  current: RecorderPhase = 'idle';
  id: string | null = null;
  problem: string | null = null;
  events: UnstampedEvent[] = [];
  edits: { file: SessionFile; changes: TextChange[] }[] = [];
  timerRunning = false;
  starts = 0;
  detaches = 0;
  silenceNudge: boolean | null = null;
  /** What attach finds: e.g. an interrupted session of the problem. */
  onAttach: RecorderPhase = 'idle';

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
    this.current = 'recording';
    this.id = `session-${this.starts}`;
  };
  resumeInterrupted = async () => {
    if (this.current === 'interrupted') this.current = 'recording';
  };
  finish = async () => {
    if (this.current === 'recording' || this.current === 'interrupted') this.current = 'finished';
  };
  log = (event: UnstampedEvent) => {
    if (this.current === 'recording') this.events.push(event);
  };
  edit = (file: SessionFile, changes: TextChange[]) => {
    if (this.current === 'recording') this.edits.push({ file, changes });
  };
  setTimerRunning = (running: boolean) => {
    this.timerRunning = running;
  };
  paused = false;
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
}

const test = (title: string, status: TestResult['status'], stage?: number): TestResult => ({
  title,
  path: stage ? [`Stage ${stage}: part`] : [],
  status,
  durationMs: 1,
  ...(status === 'passed' ? {} : { failure: { message: `${title} failed` } }),
});

function result(patch: Partial<RunResult> = {}): RunResult {
  const tests = patch.tests ?? [test('adds', 'passed')];
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

let storage: FakeStorage;
let rec: FakeRecorder;
let engine: PracticeEngine;
let now: number;
let nextResult: RunResult;

beforeEach(() => {
  vi.useFakeTimers();
  now = 1_000_000;
  storage = new FakeStorage();
  rec = new FakeRecorder();
  nextResult = result();
  engine = new PracticeEngine(storage, rec, { now: () => now });
  engine.connect({
    runner: async () => ({ run: async (request) => ({ ...nextResult, mode: request.mode }) }),
    customProtocols: () => [],
    loadCustomProtocols: async () => undefined,
    initialNotes: () => '## Requirements\n',
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('opening a problem', () => {
  it('shows the starter the first time and asks nothing', async () => {
    await engine.open(problem());
    expect(engine.state).toMatchObject({ loaded: true, code: STARTER, notes: '', clock: null, draftQuestion: null });
  });

  it('asks to continue or start again when an unfinished draft is there', async () => {
    storage.drafts.set('add/solution.ts', { code: SOLVED, updatedAt: 42 });
    await engine.open(problem());
    expect(engine.state.code).toBe(SOLVED);
    expect(engine.state.draftQuestion).toEqual({ savedAt: 42 });
    engine.continueDraft();
    expect(engine.state.draftQuestion).toBeNull();
  });

  it('does not ask while a recording waits to be resumed (its own prompt asks)', async () => {
    storage.drafts.set('add/solution.ts', { code: SOLVED, updatedAt: 42 });
    rec.onAttach = 'interrupted';
    await engine.open(problem());
    expect(engine.state.draftQuestion).toBeNull();
  });
});

describe('continuing an interrupted session from the sessions list', () => {
  it('resumes the recording as soon as the problem opens', async () => {
    rec.onAttach = 'interrupted';
    rec.id = 'old-session';
    engine.requestContinue('old-session');
    await engine.open(problem());
    expect(rec.current).toBe('recording');
  });

  it('does not resume another session, and asks only once', async () => {
    rec.onAttach = 'interrupted';
    rec.id = 'newer-session';
    engine.requestContinue('old-session');
    await engine.open(problem());
    expect(rec.current).toBe('interrupted');
    rec.id = 'old-session';
    await engine.open(problem());
    expect(rec.current).toBe('interrupted');
  });
});

describe('drafts', () => {
  it('are written after a pause in typing, only the newest text', async () => {
    await engine.open(problem());
    engine.setCode('a');
    engine.setCode('ab');
    expect(storage.draftWrites).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(storage.draftWrites).toEqual([{ problemId: 'add', file: 'solution.ts', text: 'ab' }]);
    // The first keystroke creates the practice record, so the catalog shows the problem in progress.
    expect(storage.practice.get('add')?.status).toBe('in-progress');
  });

  it('keep trying after a failed write, saying so, until it works', async () => {
    await engine.open(problem());
    storage.draftFailures = 2;
    engine.setNotes('- empty input');
    await vi.advanceTimersByTimeAsync(400);
    expect(engine.state.saveError).toMatch(/Could not save your notes.md: QuotaExceededError/);
    await vi.advanceTimersByTimeAsync(2100);
    await vi.advanceTimersByTimeAsync(2100);
    expect(storage.drafts.get('add/notes.md')?.code).toBe('- empty input');
    expect(engine.state.saveError).toBeNull();
  });

  it('are written at once by flushDrafts (leaving the page)', async () => {
    await engine.open(problem());
    engine.setCode('x');
    await engine.flushDrafts();
    expect(storage.drafts.get('add/solution.ts')?.code).toBe('x');
  });
});

describe('a recorded session', () => {
  it('starts the recorder before the clock, so the first phase is in the log, and remembers the session in the attempt', async () => {
    await engine.open(problem());
    engine.start();
    expect(rec.current).toBe('recording');
    expect(rec.events).toEqual([{ type: 'phase', phaseId: 'plan', phaseIndex: 0 }]);
    expect(engine.state.practice).toMatchObject({ attempt: 1, attemptStartedAt: now, sessionIds: ['session-1'] });
    expect(engine.state.planFocusRequest).toBe(1);
  });

  it('logs pause, resume and phases, and finishing the clock finishes the recording', async () => {
    await engine.open(problem());
    engine.start();
    now += 1000;
    engine.pause();
    expect(rec.timerRunning).toBe(false);
    engine.resume();
    engine.nextPhase();
    await engine.endSession();
    expect(rec.events.map((e) => e.type)).toEqual(['phase', 'pause', 'resume', 'phase-end', 'phase', 'phase-end', 'phase-end']);
    expect(rec.current).toBe('finished');
    expect(engine.state.clock?.finishedAt).not.toBeNull();
  });

  it('Pause pauses the timer, the recording and editing; Resume brings all three back', async () => {
    let runs = 0;
    engine.connect({
      runner: async () => ({
        run: async (request) => {
          runs++;
          return { ...nextResult, mode: request.mode };
        },
      }),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
    await engine.open(problem());
    engine.start();
    engine.pause();
    expect(rec.paused).toBe(true);
    engine.setCode('typed while paused');
    engine.setNotes('- noted while paused');
    await engine.run('run');
    await engine.run('submit');
    expect(engine.state).toMatchObject({ code: STARTER, notes: '', lastResult: null });
    expect(runs).toBe(0);
    engine.resume();
    expect(rec.paused).toBe(false);
    expect(rec.timerRunning).toBe(true);
    engine.setCode('typed after');
    await engine.run('run');
    expect(engine.state.code).toBe('typed after');
    expect(runs).toBe(1);
  });

  it('keeps recording when the user leaves the workspace choosing so, and stops it otherwise', async () => {
    await engine.open(problem());
    engine.start();
    await engine.close({ keepRecording: true });
    expect(rec.current).toBe('recording');
    await engine.open(problem());
    expect(rec.current).toBe('recording');
    await engine.close({ keepRecording: false });
    expect(rec.current).toBe('idle');
  });
});

describe('Submit', () => {
  it('records the result and marks the problem solved only for a completed all-passing run', async () => {
    await engine.open(problem());
    nextResult = result({ outcome: 'not-counted' as RunResult['outcome'], tests: [test('adds', 'passed')], passed: 0, total: 1 });
    await engine.run('submit');
    expect(engine.state.practice).toMatchObject({ status: 'in-progress', submits: 1, submitsUntilAllPass: null });
    nextResult = result();
    await engine.run('submit');
    expect(engine.state.practice).toMatchObject({ status: 'solved', submits: 2, submitsUntilAllPass: 2 });
    expect(engine.state.runCount).toBe(2);
  });

  it('unlocks the next stage of a staged problem', async () => {
    await engine.open(problem({ stages: ['one', 'two'] }));
    nextResult = result({ tests: [test('a', 'passed', 1), test('b', 'failed', 2)] });
    await engine.run('submit');
    expect(engine.state.practice?.unlockedStages).toBe(2);
  });

  it('logs the run and says so when the runner fails', async () => {
    await engine.open(problem());
    engine.start();
    await engine.run('run');
    expect(rec.events.at(-1)).toMatchObject({ type: 'run', mode: 'run', passed: 1, total: 1 });
    engine.connect({
      runner: async () => Promise.reject(new Error('worker died')),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
    await engine.run('run');
    expect(engine.state.running).toBeNull();
    expect(engine.state.console[0]?.text).toMatch(/worker died/);
  });
});

describe('showing a run as running', () => {
  it('only once it has lasted RUNNING_SHOWN_AFTER_MS: a fast run changes nothing on screen until its results', async () => {
    let finish!: (r: RunResult) => void;
    engine.connect({
      runner: async () => ({ run: () => new Promise<RunResult>((resolve) => (finish = resolve)) }),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
    await engine.open(problem());
    const seen: (string | null)[] = [];
    const unsubscribe = engine.store.subscribe((s) => seen.push(s.runningShown));
    const consoleBefore = engine.state.console;
    const fast = engine.run('submit');
    await vi.advanceTimersByTimeAsync(RUNNING_SHOWN_AFTER_MS - 1);
    expect(engine.state).toMatchObject({ running: 'submit', runningShown: null });
    expect(engine.state.console, 'an empty console is not replaced at the click').toBe(consoleBefore);
    finish(result());
    await fast;
    expect(engine.state).toMatchObject({ running: null, runningShown: null, runCount: 1 });
    expect(seen.every((s) => s === null)).toBe(true);

    const slow = engine.run('run');
    await vi.advanceTimersByTimeAsync(RUNNING_SHOWN_AFTER_MS);
    expect(engine.state).toMatchObject({ running: 'run', runningShown: 'run' });
    finish(result({ mode: 'run' }));
    await slow;
    expect(engine.state).toMatchObject({ running: null, runningShown: null, runCount: 2 });
    unsubscribe();
  });
});

describe('compiling ahead of the click', () => {
  function connectPreparing(loaded: boolean) {
    const prepared: RunRequest[][] = [];
    const runner = { run: async () => nextResult, prepare: (requests: readonly RunRequest[]) => void prepared.push([...requests]) };
    engine.connect({
      runner: async () => runner,
      loadedRunner: () => (loaded ? runner : null),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
    return prepared;
  }

  it('hands the runner the code of both a Submit and a Run, on opening and on every edit', async () => {
    const prepared = connectPreparing(true);
    await engine.open(problem());
    engine.setCode(SOLVED);
    expect(prepared.map((batch) => batch.map((r) => [r.mode, r.files['solution.ts'], r.tests]))).toEqual([
      [
        ['submit', STARTER, 'hidden'],
        ['run', STARTER, 'examples'],
      ],
      [
        ['submit', SOLVED, 'hidden'],
        ['run', SOLVED, 'examples'],
      ],
    ]);
  });

  it('never loads the runner to prepare, and prepares nothing for a design problem', async () => {
    const prepared = connectPreparing(false);
    await engine.open(problem());
    engine.setCode(SOLVED);
    expect(prepared).toEqual([]);
    const withRunner = connectPreparing(true);
    await engine.open(designProblem({ id: 'design' }));
    engine.setCode('x');
    expect(withRunner).toEqual([]);
  });
});

describe('New attempt', () => {
  async function solveOnce() {
    await engine.open(problem({ stages: ['one', 'two'] }));
    engine.start();
    engine.setNotes('- empty');
    engine.setCode(SOLVED);
    now += 60_000;
    nextResult = result({ tests: [test('a', 'passed', 1), test('b', 'passed', 2)] });
    await engine.run('submit');
    await engine.endSession();
  }

  it('returns to the starter with empty notes, results and console, locked stages, no Submit and the clock before Start', async () => {
    await solveOnce();
    expect(engine.state.practice?.unlockedStages).toBe(2);
    await engine.newAttempt();
    expect(engine.state).toMatchObject({ code: STARTER, notes: '', lastResult: null, console: [], clock: null });
    expect(engine.state.practice).toMatchObject({ attempt: 2, submits: 0, lastSubmit: null, status: 'solved', sessionIds: [] });
    expect(engine.state.practice?.unlockedStages).toBeUndefined();
    expect(storage.drafts.get('add/solution.ts')?.code).toBe(STARTER);
    expect(storage.drafts.get('add/notes.md')?.code).toBe('');
  });

  it('keeps the previous attempt, with its code, Submits and sessions, in the history', async () => {
    await solveOnce();
    await engine.newAttempt();
    expect(engine.state.history).toEqual([
      expect.objectContaining({
        number: 1,
        code: SOLVED,
        notes: '- empty',
        submits: 1,
        submitsUntilAllPass: 1,
        sessionIds: ['session-1'],
        startedAt: 1_000_000,
      }),
    ]);
    expect(storage.attempts).toHaveLength(1);
    // A later open still shows it.
    await engine.open(problem({ stages: ['one', 'two'] }));
    expect(engine.state.history.map((a) => a.number)).toEqual([1]);
  });

  it('ends and saves a session still recording before starting over', async () => {
    await engine.open(problem());
    engine.start();
    engine.setCode(SOLVED);
    await engine.newAttempt();
    expect(rec.events.some((e) => e.type === 'phase-end')).toBe(true);
    expect(rec.current).toBe('idle');
    expect(storage.attempts[0]?.code).toBe(SOLVED);
  });

  it('does not let a pending draft write put the old code back over the starter', async () => {
    await engine.open(problem());
    engine.setCode(SOLVED);
    await engine.newAttempt();
    await vi.advanceTimersByTimeAsync(5000);
    expect(storage.drafts.get('add/solution.ts')?.code).toBe(STARTER);
  });

  it('keeps nothing for an attempt that had nothing in it', async () => {
    await engine.open(problem());
    await engine.newAttempt();
    expect(storage.attempts).toEqual([]);
    expect(engine.state.practice?.attempt).toBe(1);
  });

  it('leaves everything as it was when storage refuses', async () => {
    await engine.open(problem());
    engine.setCode(SOLVED);
    storage.newAttemptFails = true;
    await engine.newAttempt();
    expect(engine.state.code).toBe(SOLVED);
    expect(engine.state.saveError).toMatch(/Could not start a new attempt: disk full/);
  });

  it('starts a design problem again from its notes template', async () => {
    const design = designProblem();
    await engine.open(design);
    expect(engine.state.notes).toBe('## Requirements\n');
    engine.setNotes('## Requirements\n- 1M users');
    await engine.newAttempt();
    expect(engine.state).toMatchObject({ code: 'const qps = 1;', notes: '## Requirements\n' });
  });
});

describe('nudges', () => {
  it('nudges once in the plan phase when code is typed before any edge case', async () => {
    await engine.open(problem());
    engine.start();
    engine.setCode(SOLVED);
    expect(engine.state.nudge).toEqual({ kind: 'plan-coding' });
    engine.dismissNudge();
    engine.setCode(`${SOLVED}\nconst y = 2;`);
    expect(engine.state.nudge).toBeNull();
    expect(rec.events.filter((e) => e.type === 'nudge')).toHaveLength(1);
  });

  it('does not nudge while edge cases are written as comments above the code', async () => {
    await engine.open(problem());
    engine.start();
    engine.setCode(`// negative numbers\n${STARTER}`);
    expect(engine.state.nudge).toBeNull();
    engine.setCode(`// negative numbers\n${SOLVED}`);
    expect(engine.state.nudge).toBeNull();
  });

  it('clears the plan nudge when an edge case is listed, and at the next phase', async () => {
    await engine.open(problem());
    engine.start();
    engine.setCode(SOLVED);
    engine.setNotes('- overflow');
    expect(engine.state.nudge).toBeNull();
  });

  it('nudges to run after N minutes of editing, and a Run ends it', async () => {
    storage.settings = { ...storage.settings, noRunMinutes: 1, planCodingNudge: false };
    engine = new PracticeEngine(storage, rec, { now: () => now });
    engine.connect({
      runner: async () => ({ run: async () => nextResult }),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
    await engine.open(problem());
    engine.start();
    engine.setCode('a');
    now += 61_000;
    engine.setCode('ab');
    expect(engine.state.nudge).toMatchObject({ kind: 'no-run' });
    await engine.run('run');
    expect(engine.state.nudge).toBeNull();
  });

  it('turning a nudge off hides it and the silence switch reaches the recorder', async () => {
    await engine.open(problem());
    engine.start();
    engine.setCode(SOLVED);
    engine.updateSettings({ planCodingNudge: false, silenceNudge: false });
    expect(engine.state.nudge).toBeNull();
    expect(rec.silenceNudge).toBe(false);
    expect(storage.settings.planCodingNudge).toBe(false);
  });
});

describe('the language of a coding problem', () => {
  const PY_STARTER = 'def add(a, b):\n    raise NotImplementedError\n';
  const withPython = () =>
    problem({
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
    });

  it('switches to the Python starter, keeps each language its own draft, and remembers the choice', async () => {
    await engine.open(withPython());
    engine.setCode(SOLVED);
    await engine.chooseLanguage('python');
    expect(engine.state).toMatchObject({ language: 'python', code: PY_STARTER, lastResult: null });
    expect(engine.state.practice?.language).toBe('python');
    expect(storage.drafts.get('add/solution.ts')?.code).toBe(SOLVED);
    engine.setCode('def add(a, b):\n    return a + b\n');
    await engine.flushDrafts();
    expect(storage.drafts.get('add/solution.py')?.code).toBe('def add(a, b):\n    return a + b\n');
    expect(storage.drafts.get('add/solution.ts')?.code).toBe(SOLVED);

    // Opening the problem again comes back in Python, with the Python draft.
    await engine.open(withPython());
    expect(engine.state).toMatchObject({ language: 'python', code: 'def add(a, b):\n    return a + b\n' });
  });

  it('runs the Python test files in Python, and records the session in Python', async () => {
    const requests: { language?: string; tests: string; testFileName: string }[] = [];
    engine.connect({
      runner: async () => ({
        run: async (request) => {
          requests.push(request);
          return { ...nextResult, mode: request.mode };
        },
      }),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
    const start = vi.spyOn(rec, 'start');
    await engine.open(withPython());
    await engine.chooseLanguage('python');
    await engine.run('run');
    await engine.run('submit');
    expect(requests).toMatchObject([
      { language: 'python', tests: 'py examples', testFileName: 'examples_test.py' },
      { language: 'python', tests: 'py hidden', testFileName: 'hidden_test.py' },
    ]);
    engine.start();
    expect((start.mock.calls[0] as unknown[])[0]).toMatchObject({ language: 'python' });
  });

  it('does not switch while a session records, nor for a problem without Python', async () => {
    await engine.open(withPython());
    engine.start();
    await engine.chooseLanguage('python');
    expect(engine.state.language).toBe('typescript');
    await engine.open(problem());
    await engine.chooseLanguage('python');
    expect(engine.state.language).toBe('typescript');
  });

  it('a New attempt starts both languages from their starters', async () => {
    await engine.open(withPython());
    await engine.chooseLanguage('python');
    engine.setCode('def add(a, b):\n    return a + b\n');
    await engine.newAttempt();
    expect(engine.state.code).toBe(PY_STARTER);
    expect(storage.drafts.get('add/solution.py')?.code).toBe(PY_STARTER);
    expect(storage.drafts.get('add/solution.ts')?.code).toBe(STARTER);
    expect(storage.attempts.at(-1)).toMatchObject({ language: 'python', code: 'def add(a, b):\n    return a + b\n' });
  });
});

describe('the code shown is always the draft of the problem and language open now (issue 26)', () => {
  const PY_STARTER = 'def add(a, b):\n    raise NotImplementedError\n';
  const bucket = () =>
    problem({
      id: 'bucket',
      code: {
        typescript: singleFileMaterial('typescript', {
          starter: 'export class RateLimiter {}\n',
          examples: 'examples',
          hidden: 'hidden',
          reference: '',
        }),
        python: singleFileMaterial('python', {
          starter: PY_STARTER,
          examples: 'py examples',
          hidden: 'py hidden',
          reference: 'py reference',
        }),
      },
    });
  const queue = () =>
    problem({
      id: 'queue',
      code: {
        typescript: singleFileMaterial('typescript', {
          starter: 'export class JobQueue {}\n',
          examples: 'examples',
          hidden: 'hidden',
          reference: '',
        }),
      },
    });

  /** Draft reads of the problems in `slow` wait until `release()`, like IndexedDB on a busy machine. */
  class SlowDraftStorage extends FakeStorage {
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

  let slow: SlowDraftStorage;
  beforeEach(() => {
    slow = new SlowDraftStorage();
    engine = new PracticeEngine(slow, rec, { now: () => now });
    engine.connect({
      runner: async () => ({ run: async (request) => ({ ...nextResult, mode: request.mode }) }),
      customProtocols: () => [],
      loadCustomProtocols: async () => undefined,
      initialNotes: () => '',
    });
  });

  it('a slow draft read of the problem left behind is dropped when it resolves', async () => {
    slow.drafts.set('bucket/solution.ts', { code: 'bucket draft', updatedAt: 1 });
    slow.slow.add('bucket');
    const first = engine.open(bucket());
    await vi.advanceTimersByTimeAsync(0);
    await engine.open(queue());
    await slow.release();
    await first;
    expect(engine.state).toMatchObject({
      code: 'export class JobQueue {}\n',
      language: 'typescript',
      codeKey: 'queue:typescript:solution.ts',
    });
    expect(engine.state.problem?.id).toBe('queue');
  });

  it('a slow language switch is dropped once another problem opens', async () => {
    await engine.open(bucket());
    slow.slow.add('bucket');
    const switching = engine.chooseLanguage('python');
    await vi.advanceTimersByTimeAsync(0);
    await engine.open(queue());
    await slow.release();
    await switching;
    expect(engine.state).toMatchObject({
      code: 'export class JobQueue {}\n',
      language: 'typescript',
      codeKey: 'queue:typescript:solution.ts',
    });
    // And the choice, never applied, is not remembered for the problem left behind.
    expect(slow.practice.get('bucket')?.language).toBeUndefined();
  });

  it('the last of two quick language choices wins, with its own draft', async () => {
    slow.drafts.set('bucket/solution.ts', { code: 'ts draft', updatedAt: 1 });
    await engine.open(bucket());
    slow.slow.add('bucket');
    const toPython = engine.chooseLanguage('python');
    await vi.advanceTimersByTimeAsync(0);
    // The first switch has not landed yet, so the control still says TypeScript: choosing it is a no-op.
    const back = engine.chooseLanguage('typescript');
    await slow.release();
    await Promise.all([toPython, back]);
    expect(engine.state).toMatchObject({ language: 'python', code: PY_STARTER, codeKey: 'bucket:python:solution.py' });
  });

  it('going to another problem and back before the first read lands shows the draft of the problem open', async () => {
    slow.drafts.set('bucket/solution.ts', { code: 'bucket draft', updatedAt: 1 });
    slow.slow.add('bucket');
    const first = engine.open(bucket());
    await vi.advanceTimersByTimeAsync(0);
    const second = engine.open(queue());
    const third = engine.open(bucket());
    // The third open reads after its flush: release the first reads, then its own.
    await slow.release();
    await slow.release();
    await Promise.all([first, second, third]);
    expect(engine.state).toMatchObject({ code: 'bucket draft', codeKey: 'bucket:typescript:solution.ts', loaded: true });
  });

  it('an edit from an editor of another problem or language is not saved as this draft', async () => {
    await engine.open(bucket());
    await engine.chooseLanguage('python');
    engine.setCode('export class RateLimiter { edited }\n', 'bucket:typescript:solution.ts');
    await engine.open(queue());
    engine.setCode('def late(): pass\n', 'bucket:python:solution.py');
    engine.setCode('export class JobQueue { typed }\n', 'queue:typescript:solution.ts');
    await engine.flushDrafts();
    expect(slow.draftWrites).toEqual([{ problemId: 'queue', file: 'solution.ts', text: 'export class JobQueue { typed }\n' }]);
  });

  it('no language is chosen while a problem opens', async () => {
    slow.slow.add('bucket');
    const opening = engine.open(bucket());
    await vi.advanceTimersByTimeAsync(0);
    await engine.chooseLanguage('python');
    await slow.release();
    await opening;
    expect(engine.state).toMatchObject({
      language: 'typescript',
      codeKey: 'bucket:typescript:solution.ts',
      code: 'export class RateLimiter {}\n',
    });
  });
});
