/**
 * How much of a Submit's hidden-test result the candidate sees. An interview (and LeetCode) tells you how
 * many hidden tests passed and the first one that failed, not the list: seeing every test's name and
 * expected value hands you the test suite. So during a recorded session a Submit shows the count and the
 * first failing test; the full list opens in the review phase (the phase where the interviewer asks
 * follow-ups), after the session, in the replay, and always for those who turn the setting on.
 */
import type { PhaseClockState } from '../timer/phaseClock';
import { asksFollowUps } from '../timer/protocols';

export type HiddenResultsView = 'first-failure' | 'full';

export function hiddenResultsView(input: {
  /** A recorded session is going on (the recorder is recording). */
  recording: boolean;
  clock: PhaseClockState | null;
  /** The "show every hidden test during a session" setting. */
  fullListSetting: boolean;
}): HiddenResultsView {
  if (input.fullListSetting || !input.recording) return 'full';
  const { clock } = input;
  if (!clock || clock.finishedAt !== null) return 'full';
  return asksFollowUps(clock.phases, clock.phaseIndex) ? 'full' : 'first-failure';
}

/** The first test that did not pass, in file order. */
export function firstFailing<T extends { status: string }>(tests: readonly T[]): T | null {
  return tests.find((t) => t.status !== 'passed') ?? null;
}
