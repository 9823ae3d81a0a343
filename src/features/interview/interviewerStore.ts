/**
 * The interviewer's follow-up questions as the UI reads them: the practice engine asks them, logs each
 * once and keeps the count across a reload (parts/interviewer.ts). A selector hook over the engine's
 * store, and the engine's actions under the names the components use.
 */
import { useStore } from 'zustand';
import type { FollowUp } from '../../core/problems/types';
import { practice, type InterviewerView } from '../../practice';

const actions = {
  /** The panel appeared: restore this session's count, and ask the first question if none was. */
  begin: (sessionKey: number, followUps: readonly FollowUp[]) => practice.beginFollowUps(sessionKey, followUps),
  next: (followUps: readonly FollowUp[]) => practice.nextFollowUp(followUps),
  /** Read the questions aloud (an interview setting). */
  speakQuestions: (on: boolean) => practice.speakQuestions(on),
};

export function useInterviewer<T>(selector: (s: InterviewerView) => T): T {
  return useStore(practice.store, (s) => selector(s.interviewer));
}

/** The interviewer now with the actions, for event handlers (no subscription). */
useInterviewer.getState = (): InterviewerView & typeof actions => ({ ...practice.state.interviewer, ...actions });

/** How many follow-up questions the session that started at `sessionKey` has asked so far. */
export function useFollowUpsAsked(sessionKey: number | null): number {
  return useInterviewer((s) => (sessionKey !== null && s.sessionKey === sessionKey ? s.asked : 0));
}
