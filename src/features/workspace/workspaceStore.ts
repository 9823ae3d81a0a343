/**
 * Workspace state for the open problem: the code, the phase clock, the last run and the console.
 * Persistence goes through src/storage; running code goes through the runner facade. Derived values
 * (the timer reading, the summary) are computed by components, not stored.
 */
import { create } from 'zustand';
import type { Problem } from '../../core/problems/types';
import { advancePhase, isPhaseClockState, pauseClock, resumeClock, startClock, type PhaseClockState } from '../../core/timer/phaseClock';
import { findProtocol, PROTOCOLS } from '../../core/timer/protocols';
import type { ConsoleLine, RunMode, RunResult } from '../../runner/types';
import { getRunner } from '../../app/runnerInstance';
import { loadDraft, saveDraft } from '../../storage/drafts';
import { loadPractice, savePractice } from '../../storage/practice';
import type { PracticeRecord } from '../../storage/db';

/** Drafts are written this long after the last keystroke (the contract is: within 1 s). */
const DRAFT_DEBOUNCE_MS = 300;

interface WorkspaceState {
  problem: Problem | null;
  loaded: boolean;
  code: string;
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
  resetToStarter(): void;
  flushDraft(): Promise<void>;
  start(): void;
  pause(): void;
  resume(): void;
  nextPhase(): void;
  run(mode: RunMode): Promise<void>;
}

let draftTimer: ReturnType<typeof setTimeout> | null = null;

function emptyPractice(problemId: string): PracticeRecord {
  return { problemId, status: 'in-progress', clock: null, lastSubmit: null, submits: 0, updatedAt: Date.now() };
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
    set({ clock });
    persistPractice({ clock });
  };

  return {
    problem: null,
    loaded: false,
    code: '',
    clock: null,
    practice: null,
    running: null,
    lastResult: null,
    runCount: 0,
    console: [],
    saveError: null,

    async open(problem) {
      await get().flushDraft();
      set({ problem, loaded: false, code: problem.starter, clock: null, practice: null, lastResult: null, console: [], saveError: null });
      const [draft, practice] = await Promise.all([loadDraft(problem.id), loadPractice(problem.id)]);
      if (get().problem?.id !== problem.id) return; // the user navigated away meanwhile
      const clock = practice && isPhaseClockState(practice.clock) ? practice.clock : null;
      set({ code: draft?.code ?? problem.starter, practice: practice ?? null, clock, loaded: true });
    },

    setCode(code) {
      set({ code });
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = setTimeout(() => void get().flushDraft(), DRAFT_DEBOUNCE_MS);
    },

    resetToStarter() {
      const { problem } = get();
      if (problem) get().setCode(problem.starter);
    },

    async flushDraft() {
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = null;
      const { problem, code, loaded } = get();
      if (!problem || !loaded) return;
      try {
        await saveDraft(problem.id, code);
        if (!get().practice) persistPractice({});
      } catch (e) {
        set({ saveError: `Could not save your code: ${String(e)}. Copy it somewhere safe.` });
      }
    },

    start() {
      const { problem } = get();
      if (!problem) return;
      const protocol = findProtocol(problem.protocol) ?? PROTOCOLS[0]!;
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

    async run(mode) {
      const { problem, code, running } = get();
      if (!problem || running) return;
      set({ running: mode, console: [] });
      const result = await getRunner().run(
        {
          mode,
          solution: code,
          tests: mode === 'run' ? problem.examples : problem.hidden,
          testFileName: mode === 'run' ? 'examples.test.ts' : 'hidden.test.ts',
        },
        (progress) => {
          if (progress.type === 'console') set((s) => ({ console: [...s.console, progress.line] }));
        },
      );
      set((s) => ({ running: null, lastResult: result, console: result.console, runCount: s.runCount + 1 }));
      if (mode === 'submit') {
        const allPassed = result.outcome === 'completed' && result.total > 0 && result.passed === result.total;
        const previous = get().practice;
        persistPractice({
          submits: (previous?.submits ?? 0) + 1,
          lastSubmit: { passed: result.passed, total: result.total, at: Date.now() },
          status: allPassed || previous?.status === 'solved' ? 'solved' : 'in-progress',
        });
      }
    },
  };
});
