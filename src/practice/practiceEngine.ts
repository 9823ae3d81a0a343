/**
 * The practice session engine: everything that happens while a candidate practises one problem, without
 * React. It owns the phase clock, the drafts (saved through the debounced saver, retried until written),
 * Run and Submit, the stages a Submit unlocks, the attempts (New attempt starts from the starter and keeps
 * the previous attempt in the history), the coding nudges, and every call to the session recorder. The
 * zustand hooks in the features are thin selectors over `engine.store`.
 *
 * Its dependencies come in as ports (ports.ts), so the unit tests drive it with fakes in Node.
 */
import { createStore } from 'zustand/vanilla';
import { countEdgeCases, typedCode } from '../core/analysis/edgeCases';
import { countListItems } from '../core/analysis/planNotes';
import { NO_RUN_IDLE, noRunAfterEdit, noRunAfterRun, planCodingDue, type NoRunState } from '../core/nudges/rules';
import type { AttemptRecord } from '../core/records/types';
import { clockChange } from '../core/practice/clockEvents';
import { practiceAfterSubmit } from '../core/practice/submitRecord';
import type { Language } from '../core/problems/language';
import type { Problem } from '../core/problems/types';
import { DebouncedSaver, type SaverOptions } from '../core/saving/debouncedSaver';
import type { TextChange } from '../core/session/types';
import { diffAsChange } from '../core/session/textDiff';
import { advancePhase, isPhaseClockState, pauseClock, resumeClock, startClock, type PhaseClockState } from '../core/timer/phaseClock';
import { isPlanPhase, resolveProtocol } from '../core/timer/protocols';
import type { ConsoleLine, RunMode, RunProgress, RunRequest, RunResult } from '../runner/types';
import type { PracticeRecord } from '../storage/db';
import type { DraftFile } from '../storage/drafts';
import type { InterviewSettings } from '../core/records/types';
import type { PracticeConnections, PracticeRecorder, PracticeStorage } from './ports';
import { runEventOf } from './runEvent';
import { scratchpadRunEventOf } from './scratchpadRunEvent';

/** A design scratchpad is a script: this test file just loads it, so it runs and prints. */
const RUN_SCRATCHPAD = "import './solution';\n";

export type CodingNudge = { kind: 'no-run'; editingMs: number } | { kind: 'plan-coding' };

export interface PracticeState {
  problem: Problem | null;
  loaded: boolean;
  code: string;
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
  /** The language `code` is in (remembered per problem; TypeScript unless the problem has Python files). */
  language: Language;
  /** While a run waits for something slow before its tests (Python's first download): what, for the UI. */
  preparing: string | null;
  /**
   * Whose text `code` is: `codeKeyOf(problem, language)`, set in the same update as `code`. The editor is
   * keyed by it (one editor and one model per key), and an edit that names another key is dropped, so one
   * problem's or language's text can never be shown or saved as another's.
   */
  codeKey: string | null;
}

/** The identity of an editor buffer: one problem's code in one language. */
export function codeKeyOf(problemId: string, language: Language): string {
  return `${problemId}:${language}`;
}

interface DraftValue {
  problemId: string;
  text: string;
}

export interface PracticeEngineOptions {
  now?: () => number;
  saver?: Partial<SaverOptions>;
}

const isRunning = (clock: PhaseClockState | null): clock is PhaseClockState =>
  !!clock && clock.pausedAt === null && clock.finishedAt === null;

/** A session paused by the user: the timer, the recording and editing wait for Resume. */
export const isPaused = (clock: PhaseClockState | null): boolean => !!clock && clock.pausedAt !== null && clock.finishedAt === null;

export function codeFile(problem: Problem, language: Language = 'typescript'): DraftFile {
  if (problem.kind === 'design') return 'scratchpad.ts';
  return language === 'python' && problem.python ? 'solution.py' : 'solution.ts';
}

export function initialCode(problem: Problem, language: Language = 'typescript'): string {
  if (problem.design) return problem.design.scratchpad;
  return language === 'python' && problem.python ? problem.python.starter : problem.starter;
}

/** The language a problem opens in: the one chosen last time, if the problem has it. */
export function languageFor(problem: Problem, chosen: Language | undefined): Language {
  return chosen === 'python' && problem.python && problem.kind === 'coding' ? 'python' : 'typescript';
}

/** A run is shown as running (status line, disabled buttons) only once it has lasted this long. */
export const RUNNING_SHOWN_AFTER_MS = 150;

/** The runner request for a Run or Submit of `code` in `language`. */
export function runRequestFor(problem: Problem, language: Language, mode: RunMode, code: string): RunRequest {
  if (problem.design) return { mode, solution: code, tests: RUN_SCRATCHPAD, testFileName: 'examples.test.ts' };
  if (language === 'python' && problem.python) {
    return {
      mode,
      language,
      solution: code,
      tests: mode === 'run' ? problem.python.examples : problem.python.hidden,
      testFileName: mode === 'run' ? 'examples_test.py' : 'hidden_test.py',
    };
  }
  return {
    mode,
    solution: code,
    tests: mode === 'run' ? problem.examples : problem.hidden,
    testFileName: mode === 'run' ? 'examples.test.ts' : 'hidden.test.ts',
  };
}

export class PracticeEngine {
  readonly store;
  private readonly now: () => number;
  private readonly saverOptions: Partial<SaverOptions>;
  private connections: PracticeConnections | null = null;
  private savers = new Map<DraftFile, DebouncedSaver<DraftValue>>();
  /** Draft writes on their way, so a flush (or a New attempt) can wait for them. */
  private readonly inflight = new Set<Promise<void>>();
  // Nudge tracking that nothing renders: kept out of the store so it never causes a re-render.
  private noRun: NoRunState = NO_RUN_IDLE;
  /** "<session start>:<phase index>" of the plan phase already nudged in. */
  private planNudgedIn: string | null = null;
  /** An interrupted session the user chose to continue (from the sessions list) before its problem opened. */
  private continueRequested: string | null = null;
  /**
   * Grows at every open and language choice. A draft read resolves whenever IndexedDB answers: its result
   * is used only if nothing was opened or chosen since it was asked for; otherwise it belongs to a page or a
   * language the user has left, and is dropped.
   */
  private generation = 0;

  constructor(
    private readonly storage: PracticeStorage,
    private readonly recorder: PracticeRecorder,
    options: PracticeEngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.saverOptions = options.saver ?? {};
    this.store = createStore<PracticeState>()(() => ({
      problem: null,
      loaded: false,
      code: '',
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
      settings: storage.loadSettings(),
      planFocusRequest: 0,
      language: 'typescript',
      preparing: null,
      codeKey: null,
    }));
  }

  /** The workspace supplies the runner, its custom protocols and the design notes template. */
  connect(connections: PracticeConnections): void {
    this.connections = connections;
  }

  get state(): PracticeState {
    return this.store.getState();
  }

  private set(patch: Partial<PracticeState> | ((s: PracticeState) => Partial<PracticeState>)): void {
    this.store.setState(patch);
  }

  private initialNotes(problem: Problem): string {
    return problem.design ? (this.connections?.initialNotes(problem) ?? '') : '';
  }

  // ─── opening and leaving ──────────────────────────────────────────────────────────────────────────

  async open(problem: Problem): Promise<void> {
    const generation = ++this.generation;
    // Nothing is typed into or switched on the page being left from here on (a language choice waits for it).
    this.set({ loaded: false });
    await this.flushDrafts();
    if (generation !== this.generation) return; // another page opened while the drafts were written
    this.replaceSavers(problem.id);
    this.set({
      problem,
      loaded: false,
      code: initialCode(problem),
      codeKey: null,
      notes: '',
      clock: null,
      practice: null,
      lastResult: null,
      console: [],
      saveError: null,
      draftQuestion: null,
      history: [],
      nudge: null,
      language: 'typescript',
      preparing: null,
    });
    // One round of reads: the code draft of each language the problem has (which one is shown depends on the
    // practice record read beside them), so the code shows without a second wait on IndexedDB.
    const codeFiles = [...new Set([codeFile(problem, 'typescript'), codeFile(problem, 'python')])];
    const [practice, notesDraft, history, , ...codeDrafts] = await Promise.all([
      this.storage.loadPractice(problem.id),
      this.storage.loadDraft(problem.id, 'notes.md'),
      this.storage.listAttempts(problem.id).catch(() => []),
      // Custom protocols, so Start can use one chosen for this problem.
      this.connections?.loadCustomProtocols(),
      ...codeFiles.map((file) => this.storage.loadDraft(problem.id, file)),
    ]);
    const language = languageFor(problem, practice?.language);
    const draft = codeDrafts[codeFiles.indexOf(codeFile(problem, language))];
    if (generation !== this.generation) return; // the user navigated away (or came back) meanwhile
    const clock = practice && isPhaseClockState(practice.clock) ? practice.clock : null;
    const starter = initialCode(problem, language);
    const code = draft?.code ?? starter;
    const notes = notesDraft?.code ?? this.initialNotes(problem);
    this.set({ code, codeKey: codeKeyOf(problem.id, language), notes, practice: practice ?? null, clock, history, language, loaded: true });
    this.prepareRuns();
    await this.recorder.attach(problem.id, { clockFinished: clock?.finishedAt != null });
    if (this.state.problem?.id !== problem.id) return;
    const requested = this.continueRequested;
    this.continueRequested = null;
    if (requested !== null && this.recorder.phase() === 'interrupted' && this.recorder.sessionId() === requested) {
      await this.continueSession();
      return;
    }
    // A draft someone left mid-way: ask before they carry on with it or lose track of it. Not while a
    // recording is going on or waits to be resumed (its own prompt asks), nor after a finished session.
    const unfinished = (code !== starter || notes !== this.initialNotes(problem)) && clock?.finishedAt == null;
    if (unfinished && this.recorder.phase() === 'idle') {
      this.set({ draftQuestion: { savedAt: Math.max(draft?.updatedAt ?? 0, notesDraft?.updatedAt ?? 0) } });
    }
  }

  /**
   * The workspace closes (navigation inside the app). Drafts are written now. The recording goes on
   * when the user chose to keep it; otherwise it stops like a closed tab and is offered for resuming.
   */
  async close(options: { keepRecording: boolean }): Promise<void> {
    this.recorder.flush();
    await this.flushDrafts();
    if (!options.keepRecording || this.recorder.phase() !== 'recording') await this.recorder.detach();
  }

  /** Continue this interrupted session as soon as its problem opens (the sessions list's Continue). */
  requestContinue(sessionId: string): void {
    this.continueRequested = sessionId;
  }

  /** The answer "continue the draft" to the question asked on opening. */
  continueDraft(): void {
    this.set({ draftQuestion: null });
  }

  /**
   * Switches the editor to the problem's other language: its own draft (or starter) comes back, results and
   * console clear, and the choice is remembered for this problem. Not while a session records: a session
   * is in one language.
   */
  async chooseLanguage(language: Language): Promise<void> {
    const { problem, running } = this.state;
    if (!problem || running || !this.state.loaded || problem.kind !== 'coding' || language === this.state.language) return;
    if (language === 'python' && !problem.python) return;
    if (this.recorder.phase() === 'recording' || this.recorder.phase() === 'interrupted') return;
    const generation = ++this.generation;
    await this.flushDrafts();
    const draft = await this.storage.loadDraft(problem.id, codeFile(problem, language));
    if (generation !== this.generation || this.state.problem?.id !== problem.id) return;
    this.set({
      language,
      code: draft?.code ?? initialCode(problem, language),
      codeKey: codeKeyOf(problem.id, language),
      lastResult: null,
      console: [],
      preparing: null,
    });
    this.persistPractice({ language });
    this.prepareRuns();
  }

  // ─── drafts ───────────────────────────────────────────────────────────────────────────────────────

  private replaceSavers(problemId: string): void {
    for (const saver of this.savers.values()) saver.dispose();
    this.savers = new Map();
    for (const file of ['solution.ts', 'solution.py', 'scratchpad.ts', 'notes.md'] as const) {
      const saver = new DebouncedSaver<DraftValue>(
        (value) => this.writeDraft(value, file),
        (status) => {
          if (this.state.problem?.id !== problemId) return;
          if (status.kind === 'failed') {
            this.set({
              saveError: `Could not save your ${file}: ${status.message}. Retrying; copy your work somewhere safe until this goes away.`,
            });
          } else if (status.kind === 'saved' && this.state.saveError) this.set({ saveError: null });
        },
        this.saverOptions,
      );
      this.savers.set(file, saver);
    }
  }

  private writeDraft(value: DraftValue, file: DraftFile): Promise<void> {
    const write = this.storage.saveDraft(value.problemId, value.text, file).then(() => {
      // The first keystroke of a problem creates its practice record, so the catalog shows it in progress.
      if (!this.state.practice && this.state.problem?.id === value.problemId) this.persistPractice({});
    });
    this.inflight.add(write);
    void write.finally(() => this.inflight.delete(write)).catch(() => undefined);
    return write;
  }

  /** Writes every pending draft now and waits for the writes. */
  async flushDrafts(): Promise<void> {
    for (const saver of this.savers.values()) saver.flush();
    await Promise.allSettled([...this.inflight]);
  }

  /**
   * The editor's text changed. `key` is the buffer the editor shows (`codeKey` when it was given its
   * text): a change from an editor of another problem or language, e.g. one still on screen while the next
   * page's draft loads, is dropped rather than saved over this problem's draft.
   */
  setCode(code: string, key?: string): void {
    const { problem, code: before } = this.state;
    if (key !== undefined && key !== this.state.codeKey) return;
    if (isPaused(this.state.clock)) return; // nothing is edited while paused
    this.set({ code });
    if (!problem) return;
    this.savers.get(codeFile(problem, this.state.language))?.change({ problemId: problem.id, text: code });
    if (problem.kind === 'coding') this.codeEdited(before, code);
    this.prepareRuns();
  }

  /**
   * Has the runner compile the code as it stands for both Run and Submit while the person pauses, so the
   * click does not wait for the compiler (~15–50 ms a change, ~250 ms for the first compile of a page).
   * Called on every edit (the runner waits for the text to rest) and once the runner has loaded.
   */
  prepareRuns(): void {
    const { problem, language, code } = this.state;
    if (!problem || problem.design || language === 'python') return;
    const runner = this.connections?.loadedRunner?.();
    runner?.prepare?.([runRequestFor(problem, language, 'submit', code), runRequestFor(problem, language, 'run', code)]);
  }

  setNotes(notes: string): void {
    const { problem } = this.state;
    if (isPaused(this.state.clock)) return;
    const change = diffAsChange(this.state.notes, notes);
    this.set({ notes });
    if (change) this.recorder.edit('notes.md', [change]);
    if (problem) this.savers.get('notes.md')?.change({ problemId: problem.id, text: notes });
    if (this.state.nudge?.kind === 'plan-coding' && countListItems(notes) > 0) this.set({ nudge: null });
  }

  /** One batch of Monaco changes to the code editor, for the session log. */
  recordCodeEdit(changes: TextChange[]): void {
    this.recorder.edit('solution.ts', changes);
  }

  // ─── the practice record ──────────────────────────────────────────────────────────────────────────

  private persistPractice(patch: Partial<PracticeRecord>): void {
    const { problem, practice } = this.state;
    if (!problem) return;
    const base: PracticeRecord = practice ?? {
      problemId: problem.id,
      status: 'in-progress',
      clock: null,
      lastSubmit: null,
      submits: 0,
      updatedAt: 0,
    };
    const next: PracticeRecord = { ...base, ...patch, updatedAt: this.now() };
    this.set({ practice: next });
    this.storage.savePractice(next).catch((e: unknown) => this.set({ saveError: `Could not save your progress: ${String(e)}` }));
  }

  /** The protocol the next session of this problem uses (kept in the practice record). */
  chooseProtocol(protocolId: string): void {
    this.persistPractice({ protocolId });
  }

  revealClarification(question: string): void {
    const revealed = this.state.practice?.revealed ?? [];
    if (revealed.some((r) => r.question === question)) return;
    this.persistPractice({ revealed: [...revealed, { question, at: this.now() }] });
    // During a session the log keeps it too, so the review shows what was asked before designing.
    this.recorder.log({ type: 'clarification', question });
  }

  // ─── the clock and the recording ──────────────────────────────────────────────────────────────────

  /** The editor files as the session log names them, with their text. */
  private sessionTexts() {
    return { 'solution.ts': this.state.code, 'notes.md': this.state.notes };
  }

  private setClock(clock: PhaseClockState): void {
    const previous = this.state.clock;
    this.set({ clock });
    // A design problem has no Submit: finishing its session is what leaves it no longer "In progress".
    const designDone = this.state.problem?.kind === 'design' && clock.finishedAt !== null;
    this.persistPractice(designDone ? { clock, status: 'solved' } : { clock });
    const change = clockChange(previous, clock);
    this.recorder.setTimerRunning(change.timerRunning);
    for (const event of change.events) this.recorder.log(event);
    if (change.newSession) {
      this.noRun = NO_RUN_IDLE;
      this.planNudgedIn = null;
    }
    const nudge = this.state.nudge;
    if (nudge && (clock.finishedAt !== null || (change.phaseChanged && nudge.kind === 'plan-coding'))) this.set({ nudge: null });
    if (change.phaseChanged && clock.finishedAt === null && isPlanPhase(clock.phases[clock.phaseIndex]!)) {
      this.set((s) => ({ planFocusRequest: s.planFocusRequest + 1 }));
    }
    if (change.finishedNow) void this.recorder.finish();
  }

  /** Start a recorded session of the current attempt. */
  start(): void {
    const { problem, practice } = this.state;
    if (!problem) return;
    const protocol = resolveProtocol(practice?.protocolId, problem.protocol, this.connections?.customProtocols() ?? []);
    // The recorder first, so the clock's first phase lands in the new session's log.
    this.recorder.start({
      problemId: problem.id,
      language: problem.kind === 'coding' ? this.state.language : 'typescript',
      protocolId: protocol.id,
      phases: protocol.phases,
      texts: this.sessionTexts(),
      timerRunning: true,
    });
    const now = this.now();
    const sessionId = this.recorder.sessionId();
    const sessionIds = practice?.sessionIds ?? [];
    this.persistPractice({
      attempt: practice?.attempt ?? 1,
      attemptStartedAt: practice?.attemptStartedAt ?? now,
      sessionIds: sessionId && !sessionIds.includes(sessionId) ? [...sessionIds, sessionId] : sessionIds,
    });
    this.set({ draftQuestion: null });
    this.setClock(startClock(protocol.id, protocol.phases, now));
  }

  /** Pauses the session: the timer, the recording (the microphone goes off) and editing, Run and Submit. */
  pause(): void {
    const { clock } = this.state;
    if (!clock || isPaused(clock) || clock.finishedAt !== null) return;
    this.setClock(pauseClock(clock, this.now()));
    this.recorder.setPaused(true);
  }

  resume(): void {
    const { clock } = this.state;
    if (!clock || !isPaused(clock)) return;
    this.recorder.setPaused(false);
    this.setClock(resumeClock(clock, this.now()));
  }

  nextPhase(): void {
    const { clock } = this.state;
    if (clock) this.setClock(advancePhase(clock, this.now()));
  }

  /** Ends the session now: finishes the phase clock and the recording, then shows the review. */
  async endSession(): Promise<void> {
    let { clock } = this.state;
    if (clock && clock.finishedAt === null) {
      const now = this.now();
      while (clock.finishedAt === null) clock = advancePhase(clock, now);
      this.setClock(clock); // finishing the clock finishes the recording
    }
    await this.recorder.finish();
  }

  /** Continues a session the previous page left unfinished (audio goes on in a new segment). */
  async continueSession(): Promise<void> {
    await this.recorder.resumeInterrupted({ texts: this.sessionTexts(), timerRunning: isRunning(this.state.clock) });
    // A session left while paused comes back paused: its microphone stays off until Resume.
    if (isPaused(this.state.clock)) this.recorder.setPaused(true);
  }

  /** The reference solution was opened in the workspace: a recorded session logs when (its verdicts say so). */
  referenceOpened(): void {
    this.recorder.log({ type: 'reference-opened' });
  }

  // ─── Run and Submit ───────────────────────────────────────────────────────────────────────────────

  async run(mode: RunMode): Promise<void> {
    const { problem, code, running, language } = this.state;
    if (!problem || running || isPaused(this.state.clock)) return;
    if (problem.design && mode === 'submit') return; // a design problem has no hidden tests
    // An empty console stays the same array: no component re-renders at the click.
    this.set(this.state.console.length > 0 ? { running: mode, console: [] } : { running: mode });
    const shown = setTimeout(() => {
      if (this.state.running === mode) this.set({ runningShown: mode });
    }, RUNNING_SHOWN_AFTER_MS);
    try {
      await this.runAndRecord(problem, language, mode, code);
    } finally {
      clearTimeout(shown);
      if (this.state.runningShown) this.set({ runningShown: null });
    }
  }

  private async runAndRecord(problem: Problem, language: Language, mode: RunMode, code: string): Promise<void> {
    const request = runRequestFor(problem, language, mode, code);
    let result: RunResult;
    try {
      const runner = await this.requireConnections().runner();
      result = await runner.run(request, (progress) => {
        if (progress.type === 'console') this.set((s) => ({ console: [...s.console, progress.line], preparing: null }));
        else if (progress.type === 'preparing') this.set({ preparing: progress.message });
        else if (this.state.preparing) this.set({ preparing: null });
      });
    } catch (e) {
      this.set({
        running: null,
        preparing: null,
        console: [
          { level: 'error', text: `The code runner failed: ${e instanceof Error ? e.message : String(e)}. Try again; your code is saved.` },
        ],
      });
      return;
    }
    if (this.state.problem?.id !== problem.id) return;
    // Record first, so a stage this Submit unlocks is shown together with its results.
    if (mode === 'submit') this.persistPractice(practiceAfterSubmit(this.state.practice, problem.stages.length, result, this.now()));
    // A scratchpad run is an estimate, not a test run: the log keeps what it printed.
    this.recorder.log(problem.design ? scratchpadRunEventOf(result) : runEventOf(result));
    this.noRun = noRunAfterRun();
    if (this.state.nudge?.kind === 'no-run') this.set({ nudge: null });
    this.set((s) => ({
      running: null,
      runningShown: null,
      preparing: null,
      lastResult: result,
      console: result.console,
      runCount: s.runCount + 1,
    }));
  }

  /**
   * Warms Python in the sandbox when it is chosen (or about to be: the pointer is on the Language control),
   * so the first Run does not wait for the download and start-up.
   */
  async warmUpLanguage(about?: Language): Promise<void> {
    if ((about ?? this.state.language) !== 'python' || !this.state.problem?.python) return;
    const runner = await this.requireConnections().runner();
    await runner.warmUpPython?.((progress: RunProgress) => {
      if (progress.type === 'preparing' && !this.state.running && this.state.language === 'python')
        this.set({ preparing: progress.message });
    });
    if (!this.state.running) this.set({ preparing: null });
  }

  private requireConnections(): PracticeConnections {
    if (!this.connections) throw new Error('the workspace has not connected the runner yet');
    return this.connections;
  }

  // ─── attempts ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * Starts the problem again from scratch: the starter code, empty notes, results and console, stages
   * locked, no Submit yet (so no reference comparison), the clock before Start. The attempt it replaces
   * is kept in the history with its code (and its sessions keep their recordings). A session still
   * recording is ended and saved first.
   */
  async newAttempt(): Promise<void> {
    const { problem } = this.state;
    if (!problem || this.state.running) return;
    if (this.recorder.phase() === 'recording' || this.recorder.phase() === 'interrupted') await this.endSession();
    await this.flushDrafts();
    const { practice, code, notes, history, language } = this.state;
    const starter = initialCode(problem, language);
    const freshNotes = this.initialNotes(problem);
    const number = practice?.attempt ?? 1;
    const hasWork =
      code !== starter ||
      notes !== freshNotes ||
      (practice?.submits ?? 0) > 0 ||
      (practice?.sessionIds?.length ?? 0) > 0 ||
      practice?.clock != null;
    const now = this.now();
    const finished: AttemptRecord | null = hasWork
      ? {
          problemId: problem.id,
          number,
          startedAt: practice?.attemptStartedAt ?? null,
          endedAt: now,
          code,
          notes,
          submits: practice?.submits ?? 0,
          lastSubmit: practice?.lastSubmit ?? null,
          submitsUntilAllPass: practice?.submitsUntilAllPass ?? null,
          firstAllPassAt: practice?.firstAllPassAt ?? null,
          sessionIds: practice?.sessionIds ?? [],
          ...(language === 'python' ? { language } : {}),
        }
      : null;
    const next: PracticeRecord = {
      problemId: problem.id,
      // "Solved" belongs to the problem: the catalog keeps showing it was solved once.
      status: practice?.status ?? 'in-progress',
      clock: null,
      lastSubmit: null,
      submits: 0,
      updatedAt: now,
      ...(practice?.protocolId ? { protocolId: practice.protocolId } : {}),
      ...(practice?.language ? { language: practice.language } : {}),
      attempt: finished ? number + 1 : number,
      attemptStartedAt: null,
      submitsUntilAllPass: null,
      firstAllPassAt: null,
      sessionIds: [],
    };
    try {
      await this.storage.startNewAttempt({
        finished,
        next,
        // From scratch in both languages: the other language's draft is part of the attempt too.
        drafts: [
          { file: codeFile(problem, 'typescript'), text: initialCode(problem, 'typescript') },
          ...(problem.python && problem.kind === 'coding' ? [{ file: 'solution.py' as const, text: problem.python.starter }] : []),
          { file: 'notes.md', text: freshNotes },
        ],
      });
    } catch (e) {
      this.set({ saveError: `Could not start a new attempt: ${e instanceof Error ? e.message : String(e)}. Your code is as it was.` });
      return;
    }
    if (this.state.problem?.id !== problem.id) return;
    // Savers of the old attempt must not write its code over the starter later.
    this.replaceSavers(problem.id);
    await this.recorder.detach(); // the finished session's panel belongs to the previous attempt
    this.noRun = NO_RUN_IDLE;
    this.planNudgedIn = null;
    this.set({
      code: starter,
      notes: freshNotes,
      clock: null,
      practice: next,
      lastResult: null,
      console: [],
      draftQuestion: null,
      nudge: null,
      saveError: null,
      history: finished ? [...history, finished] : history,
    });
  }

  // ─── nudges and settings ──────────────────────────────────────────────────────────────────────────

  private codeEdited(before: string, after: string): void {
    const { clock, settings, notes, problem } = this.state;
    if (!isRunning(clock) || !problem) return;
    const now = this.now();
    if (settings.noRunNudge) {
      const result = noRunAfterEdit(this.noRun, now, settings.noRunMinutes * 60_000);
      this.noRun = result.state;
      if (result.nudgeEditingMs !== null) {
        this.recorder.log({ type: 'nudge', kind: 'no-run', editingMs: Math.round(result.nudgeEditingMs) });
        this.set({ nudge: { kind: 'no-run', editingMs: result.nudgeEditingMs } });
      }
    }
    if (!settings.planCodingNudge) return;
    const phaseKey = `${clock.startedAt}:${clock.phaseIndex}`;
    const due = planCodingDue({
      inPlanPhase: isPlanPhase(clock.phases[clock.phaseIndex]!),
      nudgedThisPhase: this.planNudgedIn === phaseKey,
      codeChanged: () => typedCode(before, after),
      edgeCases: () => countEdgeCases({ notes, code: after, starter: initialCode(problem, this.state.language) }),
    });
    if (due) {
      this.planNudgedIn = phaseKey;
      this.recorder.log({ type: 'nudge', kind: 'plan-coding' });
      this.set({ nudge: { kind: 'plan-coding' } });
    }
  }

  dismissNudge(): void {
    this.set({ nudge: null });
  }

  updateSettings(patch: Partial<InterviewSettings>): void {
    const settings = { ...this.state.settings, ...patch };
    this.set({ settings });
    this.storage.saveSettings(settings);
    if (patch.silenceNudge !== undefined) this.recorder.setSilenceNudgeEnabled(patch.silenceNudge);
    if (this.state.nudge?.kind === 'no-run' && !settings.noRunNudge) this.set({ nudge: null });
    if (this.state.nudge?.kind === 'plan-coding' && !settings.planCodingNudge) this.set({ nudge: null });
  }
}
