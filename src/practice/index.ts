/**
 * The practice engine of the page (one problem is practised at a time), wired to the real storage and
 * session recorder. The workspace connects the runner when it loads; the features read `practice.store`
 * through their thin selector hooks and call the engine's actions.
 */
import { recorder } from '../recorder';
import { listAttempts, startNewAttempt } from '../storage/attempts';
import { loadDraft, saveDraft } from '../storage/drafts';
import { loadPractice, savePractice } from '../storage/practice';
import { deleteCustomProtocol, listCustomProtocols, saveCustomProtocol } from '../storage/protocols';
import { loadInterviewSettings, saveInterviewSettings } from '../storage/settings';
import { PracticeEngine } from './practiceEngine';

declare const __REHEARSE_TEST_HOOKS__: boolean;

/**
 * In test builds only, a journey can make draft reads slow (`window.__rehearseDraftReadDelayMs`), as
 * IndexedDB is on a busy machine, to show that a read landing after the user moved on changes nothing.
 * A production build compiles this away to `loadDraft` itself.
 */
const loadDraftAsStored: typeof loadDraft = __REHEARSE_TEST_HOOKS__
  ? async (problemId, file) => {
      const found = await loadDraft(problemId, file);
      const delay = (window as { __rehearseDraftReadDelayMs?: number }).__rehearseDraftReadDelayMs ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return found;
    }
  : loadDraft;

export const practice = new PracticeEngine(
  {
    loadDraft: loadDraftAsStored,
    saveDraft,
    loadPractice,
    savePractice,
    listAttempts,
    startNewAttempt,
    loadSettings: loadInterviewSettings,
    saveSettings: saveInterviewSettings,
    listCustomProtocols,
    saveCustomProtocol,
    deleteCustomProtocol,
    loadTabValue: (key) => globalThis.sessionStorage?.getItem(key) ?? null,
    saveTabValue: (key, value) => globalThis.sessionStorage?.setItem(key, value),
  },
  {
    attach: (problemId, options) => recorder.attach(problemId, options),
    detach: () => recorder.detach(),
    start: (input) => recorder.start(input),
    resumeInterrupted: (input) => recorder.resumeInterrupted(input),
    finish: () => recorder.finish(),
    log: (event, at) => recorder.log(event, at),
    edit: (file, changes) => recorder.edit(file, changes),
    setTimerRunning: (running) => recorder.setTimerRunning(running),
    setPaused: (paused) => recorder.setPaused(paused),
    setSilenceNudgeEnabled: (on) => recorder.setSilenceNudgeEnabled(on),
    flush: () => recorder.flush(),
    phase: () => recorder.store.getState().phase,
    sessionId: () => recorder.store.getState().session?.id ?? null,
    problemId: () => recorder.store.getState().session?.problemId ?? null,
    onPhaseChange: (listener) => recorder.store.subscribe((state, previous) => listener(state.phase, previous.phase)),
  },
);

export { isPaused } from './state';
export type { BoardView, CodingNudge, InterviewerView, PracticeState, ProtocolsView } from './state';
