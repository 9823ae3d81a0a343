/**
 * The interviewer's follow-up questions during a session: how many have been asked, one at a time. Each
 * question is logged (`followup`, with its index) once, when it first appears. The count is kept per
 * session for this browser tab (the storage port's tab values), so a reload in the middle of the
 * discussion neither repeats nor re-logs. Whether the questions are read aloud is an interview setting.
 */
import type { FollowUp } from '../../core/problems/types';
import type { EngineCore } from './core';
import type { Nudges } from './nudges';

/** The tab value holding how many follow-ups the session that started at `sessionKey` has asked. */
export const followUpsAskedKey = (sessionKey: number) => `rehearse.followupsAsked.${sessionKey}`;

export class Interviewer {
  constructor(
    private readonly core: EngineCore,
    private readonly nudges: Nudges,
  ) {}

  /** The interviewer's panel appeared: restore this session's count, and ask the first question if none was. */
  begin(sessionKey: number, followUps: readonly FollowUp[]): void {
    const { interviewer } = this.core.state;
    if (interviewer.sessionKey === sessionKey && interviewer.asked > 0) return;
    const asked = Math.min(this.loadAsked(sessionKey), followUps.length);
    this.core.set({ interviewer: { sessionKey, asked } });
    if (asked === 0) this.ask(sessionKey, followUps, 0);
  }

  /** Next question: the one after the current, if there is one. */
  next(followUps: readonly FollowUp[]): void {
    const { sessionKey, asked } = this.core.state.interviewer;
    if (sessionKey === null || asked >= followUps.length) return;
    this.ask(sessionKey, followUps, asked);
  }

  /** Read the questions aloud (or not): saved with the interview settings. */
  speakQuestions(on: boolean): void {
    this.nudges.updateSettings({ speakQuestions: on });
  }

  private ask(sessionKey: number, followUps: readonly FollowUp[], index: number): void {
    const followUp = followUps[index];
    if (!followUp) return;
    this.core.recorder.log({ type: 'followup', index, question: followUp.question });
    this.core.set({ interviewer: { sessionKey, asked: index + 1 } });
    this.saveAsked(sessionKey, index + 1);
  }

  private loadAsked(sessionKey: number): number {
    try {
      const value = Number(this.core.storage.loadTabValue(followUpsAskedKey(sessionKey)));
      return Number.isInteger(value) && value > 0 ? value : 0;
    } catch {
      return 0;
    }
  }

  private saveAsked(sessionKey: number, asked: number): void {
    try {
      this.core.storage.saveTabValue(followUpsAskedKey(sessionKey), String(asked));
    } catch {
      // Storage refused: after a reload the questions start again from the first.
    }
  }
}
