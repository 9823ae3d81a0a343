/**
 * The interviewer's follow-up questions during a session: how many have been asked, one at a time.
 * Each question is logged (`followup`, with its index) once, when it first appears. The count is kept
 * per session in sessionStorage, so a reload in the middle of the discussion neither repeats nor re-logs.
 */
import { create } from 'zustand';
import type { FollowUp } from '../../core/problems/types';
import { recorder } from '../../recorder';

interface InterviewerState {
  /** The session (its clock's start time) the count belongs to. */
  sessionKey: number | null;
  /** Questions asked so far: the current one is `asked - 1`. */
  asked: number;
  /** The panel appeared: restore this session's count, and ask the first question if none was. */
  begin(sessionKey: number, followUps: readonly FollowUp[]): void;
  next(followUps: readonly FollowUp[]): void;
}

const storageKey = (sessionKey: number) => `rehearse.followupsAsked.${sessionKey}`;

function loadAsked(sessionKey: number): number {
  try {
    const value = Number(globalThis.sessionStorage?.getItem(storageKey(sessionKey)));
    return Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

function saveAsked(sessionKey: number, asked: number): void {
  try {
    globalThis.sessionStorage?.setItem(storageKey(sessionKey), String(asked));
  } catch {
    // Storage refused: after a reload the questions start again from the first.
  }
}

/** How many follow-up questions the session that started at `sessionKey` has asked so far. */
export function useFollowUpsAsked(sessionKey: number | null): number {
  return useInterviewer((s) => (sessionKey !== null && s.sessionKey === sessionKey ? s.asked : 0));
}

export const useInterviewer = create<InterviewerState>()((set, get) => {
  const ask = (sessionKey: number, followUps: readonly FollowUp[], index: number) => {
    const followUp = followUps[index];
    if (!followUp) return;
    recorder.log({ type: 'followup', index, question: followUp.question });
    set({ sessionKey, asked: index + 1 });
    saveAsked(sessionKey, index + 1);
  };

  return {
    sessionKey: null,
    asked: 0,

    begin(sessionKey, followUps) {
      if (get().sessionKey === sessionKey && get().asked > 0) return;
      const asked = Math.min(loadAsked(sessionKey), followUps.length);
      set({ sessionKey, asked });
      if (asked === 0) ask(sessionKey, followUps, 0);
    },

    next(followUps) {
      const { sessionKey, asked } = get();
      if (sessionKey === null || asked >= followUps.length) return;
      ask(sessionKey, followUps, asked);
    },
  };
});
