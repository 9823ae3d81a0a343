/**
 * The coding nudges (no-run, plan-coding) as the interview UI reads them: the practice engine decides
 * when one shows (pure rules in core/nudges/rules.ts) and logs it; this is a selector over its store.
 * The silence nudge lives in the recorder, which hears the microphone.
 */
import { useStore } from 'zustand';
import { practice, type CodingNudge } from '../../practice';

export type { CodingNudge };

export function useCodingNudge(): CodingNudge | null {
  return useStore(practice.store, (s) => s.nudge);
}

export function dismissCodingNudge(): void {
  practice.dismissNudge();
}
