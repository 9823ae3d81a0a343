/** A finished coding session record with the coding-45 phases, for the replay's unit tests (not used by the app). */
import type { SessionRecord } from '../session/types';
import { findProtocol } from '../timer/protocols';
import { sessionRecord } from '../testing/fixtures';

export function sessionOf(patch: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({
    problemId: 'p',
    phases: findProtocol('coding-45')!.phases.map((p) => ({ ...p })),
    ...patch,
  });
}
