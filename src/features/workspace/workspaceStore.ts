/**
 * Workspace state for the open problem: the code (the solution, or a design problem's scratchpad), a
 * design problem's notes, the phase clock, the last run and the console. Persistence goes through
 * src/storage; running code goes through the runner facade. Derived values (the timer reading, the
 * visible statement, summaries) are computed by components, not stored.
 *
 * Recording: Start also starts a recorded session (src/recorder); every action here that belongs in the
 * session's log (edits, Run/Submit results, phases, pause/resume) is reported to the recorder, which
 * stamps and stores it (clock changes through clockLog.ts).
 *
 * Interview simulation: Start uses the protocol chosen for the problem (built-in or custom, see
 * protocols/protocolStore.ts); edits, runs and notes are also reported to the coding nudges
 * (features/interview/nudgeStore.ts). Coding problems have plan notes too (notes.md), where the
 * candidate lists edge cases before coding.
 */
import { create } from 'zustand';
import { unlockedAfterSubmit } from '../../core/problems/stages';
import type { Problem } from '../../core/problems/types';
import { advancePhase, isPhaseClockState, pauseClock, resumeClock, startClock, type PhaseClockState } from '../../core/timer/phaseClock';
import { resolveProtocol } from '../../core/timer/protocols';
import type { ConsoleLine, RunMode, RunResult } from '../../runner/types';
import { getRunner } from '../../runner/instance';
import { loadDraft, saveDraft, type DraftFile } from '../../storage/drafts';
import { loadPractice, savePractice } from '../../storage/practice';
import type { PracticeRecord } from '../../storage/db';
import { initialNotes } from './design/notes';
import type { TextChange } from '../../core/session/types';
import { recorder } from '../../recorder';
import { diffAsChange } from '../../core/session/textDiff';
import { runEventOf } from './runEvent';
import { scratchpadRunEventOf } from './design/scratchpadRunEvent';
import { logClockChange } from './clockLog';
import { useProtocols } from './protocols/protocolStore';
import { useNudges } from '../interview';

/** Drafts are written this long after the last keystroke (the contract is: within 1 s). */
const DRAFT_DEBOUNCE_MS = 300;
/** A draft that could not be written is tried again this often until it is. */
const DRAFT_RETRY_MS = 2000;

/** A design scratchpad is a script: this test file just loads it, so it runs and prints. */
const RUN_SCRATCHPAD = "import './solution';\n";

interface WorkspaceState {
  problem: Problem | null;
  loaded: boolean;
  code: string;
  notes: string;
  clock: PhaseClockState | null;
  practice: PracticeRecord | null;
  running: RunMode | null;
  lastResult: RunResult | null;
  /** How many runs finished since the workspace opened; lets the UI (and tests) tell results apart. */
  runCount: number;
  console: ConsoleLine[];
  saveError: string | null;

  open(problem: Problem): Promise<void>;
  setCode(code: string): void;
  setNotes(notes: string): void;
  flushDrafts(): Promise<void>;
  start(): void;
  pause(): void;
  resume(): void;
  nextPhase(): void;
  /** The protocol the next session of this problem uses (kept in the practice record). */
  chooseProtocol(protocolId: string): void;
  run(mode: RunMode): Promise<void>;
  revealClarification(question: string): void;
  /** One batch of Monaco changes to the code editor, for the session log. */
  recordCodeEdit(changes: TextChange[]): void;
  /** Ends the session now: finishes the phase clock and the recording, then shows the review. */
  endSession(): Promise<void>;
  /** Continues a session the previous page left unfinished (audio goes on in a new segment). */
  continueSession(): Promise<void>;
}

const pendingSaves = new Map<DraftFile, ReturnType<typeof setTimeout>>();

function emptyPractice(problemId: string): PracticeRecord {
  return { problemId, status: 'in-progress', clock: null, lastSubmit: null, submits: 0, updatedAt: Date.now() };
}

function codeFile(problem: Problem): DraftFile {
  return problem.kind === 'design' ? 'scratchpad.ts' : 'solution.ts';
}

function initialCode(problem: Problem): string {
  return problem.design ? problem.design.scratchpad : problem.starter;
}

export const useWorkspace = create<WorkspaceState>()((set, get) => {
  const persistPractice = (patch: Partial<PracticeRecord>) => {
    const { problem, practice } = get();
    if (!problem) return;
    const next: PracticeRecord = { ...(practice ?? emptyPractice(problem.id)), ...patch, updatedAt: Date.now() };
    set({ practice: next });
    savePractice(next).catch((e: unknown) => set({ saveError: `Could not save your progress: ${String(e)}` }));
  };

  const setClock = (clock: PhaseClockState) => {
    const previous = get().clock;
    set({ clock });
    // A design problem has no Submit: finishing its session is what leaves it no longer "In progress".
    const designDone = get().problem?.kind === 'design' && clock.finishedAt !== null;
    persistPractice(designDone ? { clock, status: 'solved' } : { clock });
    logClockChange(previous, clock);
  };

  /** The editor files of this problem as the session log names them (design notes or plan notes), with their text. */
  const sessionTexts = () => {
    const { code, notes } = get();
    return { 'solution.ts': code, 'notes.md': notes };
  };

  const saveFile = async (file: DraftFile) => {
    const pending = pendingSaves.get(file);
    if (pending) clearTimeout(pending);
    pendingSaves.delete(file);
    const { problem, loaded, code, notes } = get();
    if (!problem || !loaded) return;
    try {
      await saveDraft(problem.id, file === 'notes.md' ? notes : code, file);
      if (get().saveError) set({ saveError: null });
      if (!get().practice) persistPractice({});
    } catch (e) {
      set({ saveError: `Could not save your ${file}: ${String(e)}. Retrying; copy your work somewhere safe until this goes away.` });
      // Keep trying (e.g. until the user frees space): what they typed must not wait for their next keystroke.
      if (!pendingSaves.has(file)) pendingSaves.set(file, setTimeout(() => void saveFile(file), DRAFT_RETRY_MS));
    }
  };

  const scheduleSave = (file: DraftFile) => {
    const pending = pendingSaves.get(file);
    if (pending) clearTimeout(pending);
    pendingSaves.set(file, setTimeout(() => void saveFile(file), DRAFT_DEBOUNCE_MS));
  };

  const recordSubmit = (problem: Problem, result: RunResult) => {
    const allPassed = result.outcome === 'completed' && result.total > 0 && result.passed === result.total;
    const previous = get().practice;
    const patch: Partial<PracticeRecord> = {
      submits: (previous?.submits ?? 0) + 1,
      lastSubmit: { passed: result.passed, total: result.total, at: Date.now() },
      status: allPassed || previous?.status === 'solved' ? 'solved' : 'in-progress',
    };
    if (problem.stages.length > 1) {
      const before = previous?.unlockedStages ?? 1;
      const after = unlockedAfterSubmit(before, result.tests, problem.stages.length);
      const times = problem.stages.map((_, i) => previous?.stageTimes?.[i] ?? { unlockedAt: i === 0 ? Date.now() : null, passedAt: null });
      const now = Date.now();
      for (let stage = 1; stage <= problem.stages.length; stage++) {
        const t = times[stage - 1]!;
        if (stage <= after && t.unlockedAt === null) t.unlockedAt = now;
        // A stage's hidden tests first all passed when the next one unlocks (or, for the last, when all pass).
        const passedNow = stage < after || (stage === problem.stages.length && allPassed);
        if (passedNow && t.passedAt === null) t.passedAt = now;
      }
      patch.unlockedStages = after;
      patch.stageTimes = times;
    }
    persistPractice(patch);
  };

  return {
    problem: null,
    loaded: false,
    code: '',
    notes: '',
    clock: null,
    practice: null,
    running: null,
    lastResult: null,
    runCount: 0,
    console: [],
    saveError: null,

    async open(problem) {
      await get().flushDrafts();
      set({ problem, loaded: false, code: initialCode(problem), notes: '', clock: null, practice: null, lastResult: null, console: [], saveError: null });
      const [draft, notesDraft, practice] = await Promise.all([
        loadDraft(problem.id, codeFile(problem)),
        loadDraft(problem.id, 'notes.md'),
        loadPractice(problem.id),
        // Custom protocols, so Start can use one chosen for this problem.
        useProtocols.getState().load(),
      ]);
      if (get().problem?.id !== problem.id) return; // the user navigated away meanwhile
      const clock = practice && isPhaseClockState(practice.clock) ? practice.clock : null;
      set({
        code: draft?.code ?? initialCode(problem),
        notes: notesDraft?.code ?? (problem.design ? initialNotes(problem.design.notesTemplate) : ''),
        practice: practice ?? null,
        clock,
        loaded: true,
      });
      await recorder.attach(problem.id, { clockFinished: clock?.finishedAt != null });
    },

    setCode(code) {
      set({ code });
      const { problem } = get();
      if (problem) scheduleSave(codeFile(problem));
    },

    setNotes(notes) {
      const change = diffAsChange(get().notes, notes);
      set({ notes });
      if (change) recorder.edit('notes.md', [change]);
      scheduleSave('notes.md');
      useNudges.getState().notesChanged(notes);
    },

    async flushDrafts() {
      await Promise.all([...pendingSaves.keys()].map(saveFile));
    },

    start() {
      const { problem, practice } = get();
      if (!problem) return;
      const protocol = resolveProtocol(practice?.protocolId, problem.protocol, useProtocols.getState().customs);
      // The recorder first, so the clock's first phase lands in the new session's log.
      recorder.start({ problemId: problem.id, protocolId: protocol.id, phases: protocol.phases, texts: sessionTexts(), timerRunning: true });
      setClock(startClock(protocol.id, protocol.phases, Date.now()));
    },
    pause() {
      const { clock } = get();
      if (clock) setClock(pauseClock(clock, Date.now()));
    },
    resume() {
      const { clock } = get();
      if (clock) setClock(resumeClock(clock, Date.now()));
    },
    nextPhase() {
      const { clock } = get();
      if (clock) setClock(advancePhase(clock, Date.now()));
    },
    chooseProtocol(protocolId) {
      persistPractice({ protocolId });
    },

    async run(mode) {
      const { problem, code, running } = get();
      if (!problem || running) return;
      if (problem.design && mode === 'submit') return; // a design problem has no hidden tests
      set({ running: mode, console: [] });
      const tests = problem.design ? RUN_SCRATCHPAD : mode === 'run' ? problem.examples : problem.hidden;
      const result = await (await getRunner()).run(
        { mode, solution: code, tests, testFileName: mode === 'run' ? 'examples.test.ts' : 'hidden.test.ts' },
        (progress) => {
          if (progress.type === 'console') set((s) => ({ console: [...s.console, progress.line] }));
        },
      );
      // Record first, so a stage this Submit unlocks is shown together with its results.
      if (mode === 'submit') recordSubmit(problem, result);
      // A scratchpad run is an estimate, not a test run: the log keeps what it printed.
      recorder.log(problem.design ? scratchpadRunEventOf(result) : runEventOf(result));
      useNudges.getState().ran();
      set((s) => ({ running: null, lastResult: result, console: result.console, runCount: s.runCount + 1 }));
    },

    revealClarification(question) {
      const revealed = get().practice?.revealed ?? [];
      if (revealed.some((r) => r.question === question)) return;
      persistPractice({ revealed: [...revealed, { question, at: Date.now() }] });
      // During a session the log keeps it too, so the review shows what was asked before designing.
      recorder.log({ type: 'clarification', question });
    },

    recordCodeEdit(changes) {
      recorder.edit('solution.ts', changes);
      const { problem, clock, notes } = get();
      if (problem?.kind === 'coding') useNudges.getState().codeEdited({ now: Date.now(), clock, notes });
    },

    async endSession() {
      let { clock } = get();
      if (clock && clock.finishedAt === null) {
        const now = Date.now();
        while (clock.finishedAt === null) clock = advancePhase(clock, now);
        setClock(clock); // finishing the clock finishes the recording (recordClockChange)
      }
      await recorder.finish();
    },

    async continueSession() {
      const { clock } = get();
      await recorder.resumeInterrupted({ texts: sessionTexts(), timerRunning: !!clock && clock.pausedAt === null && clock.finishedAt === null });
    },
  };
});
