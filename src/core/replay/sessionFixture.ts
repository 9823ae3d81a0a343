/** A finished coding session record for the replay's unit tests (not used by the app). */
import type { SessionRecord } from '../session/types';

export function sessionOf(patch: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 's1',
    problemId: 'p',
    protocolId: 'coding-45',
    phases: [
      { id: 'plan', name: 'Plan', minutes: 5, goal: '' },
      { id: 'code', name: 'Code', minutes: 35, goal: '' },
      { id: 'review', name: 'Review', minutes: 5, goal: '' },
    ],
    startedAt: 1_000_000,
    endedAt: 1_000_000 + 600_000,
    status: 'finished',
    audio: null,
    audioOffReason: 'denied',
    silenceThresholdMs: 30_000,
    levelFrameMs: 50,
    silences: [],
    ...patch,
  };
}
