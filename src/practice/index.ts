/**
 * The practice engine of the page (one problem is practised at a time), wired to the real storage and
 * session recorder. The workspace connects the runner and its custom protocols when it loads; the
 * features read `practice.store` through their thin selector hooks.
 */
import { recorder } from '../recorder';
import { listAttempts, startNewAttempt } from '../storage/attempts';
import { loadDraft, saveDraft } from '../storage/drafts';
import { loadPractice, savePractice } from '../storage/practice';
import { loadInterviewSettings, saveInterviewSettings } from '../storage/settings';
import { PracticeEngine } from './practiceEngine';

export const practice = new PracticeEngine(
  {
    loadDraft,
    saveDraft,
    loadPractice,
    savePractice,
    listAttempts,
    startNewAttempt,
    loadSettings: loadInterviewSettings,
    saveSettings: saveInterviewSettings,
  },
  {
    attach: (problemId, options) => recorder.attach(problemId, options),
    detach: () => recorder.detach(),
    start: (input) => recorder.start(input),
    resumeInterrupted: (input) => recorder.resumeInterrupted(input),
    finish: () => recorder.finish(),
    log: (event) => recorder.log(event),
    edit: (file, changes) => recorder.edit(file, changes),
    setTimerRunning: (running) => recorder.setTimerRunning(running),
    setSilenceNudgeEnabled: (on) => recorder.setSilenceNudgeEnabled(on),
    flush: () => recorder.flush(),
    phase: () => recorder.store.getState().phase,
    sessionId: () => recorder.store.getState().session?.id ?? null,
    problemId: () => recorder.store.getState().session?.problemId ?? null,
  },
);

export { PracticeEngine, codeFile, initialCode } from './practiceEngine';
export type { CodingNudge, PracticeState } from './practiceEngine';
export type { PracticeConnections, PracticeRecorder, PracticeRunner, PracticeStorage } from './ports';
