/** A finished coding session record with the coding-45 phases, for the replay's unit tests (not used by the app). */
import type { SessionRecord } from '../session/types';
import { sessionRecord } from '../testing/fixtures';

export function sessionOf(patch: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({
    problemId: 'p',
    phases: [
      { id: 'plan', name: 'Plan', minutes: 5, goal: '' },
      { id: 'code', name: 'Code', minutes: 35, goal: '' },
      { id: 'review', name: 'Review', minutes: 5, goal: '' },
    ],
    ...patch,
  });
}
