/**
 * Listens to the recorder for the two moments the plan cares about: the first recorded session (when we
 * ask the browser to keep our data, so a backup is not the only copy) and each session's end (graded and
 * checked off the plan). The app calls this once at start.
 */
import { recorder, type RecorderState } from '../../recorder';
import { requestPersistentStorage } from '../../storage/db';
import { loadPersistenceAnswer, savePersistenceAnswer } from '../../storage/settings';

/** Asks for persistent storage once, the first time a session records; the answer is kept and shown. */
export async function askForPersistenceOnce(): Promise<void> {
  if (loadPersistenceAnswer() !== null) return;
  const granted = await requestPersistentStorage();
  savePersistenceAnswer(granted === null ? 'unsupported' : granted ? 'granted' : 'refused');
}

export function watchRecorder(): () => void {
  return recorder.store.subscribe((state: RecorderState, previous: RecorderState) => {
    if (state.phase === 'recording' && previous.phase !== 'recording') void askForPersistenceOnce();
    if (state.phase === 'finished' && previous.phase === 'finishing' && state.session) {
      // Grading (the analysis and ts-fsrs) loads with the first finished session, not with the page.
      const session = state.session;
      import('./recordFinishedSession')
        .then((m) => m.recordFinishedSession(session))
        .catch((e: unknown) => console.error('Could not grade the session for the plan', e));
    }
  });
}
