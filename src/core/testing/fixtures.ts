/**
 * Builders for unit tests: a finished session record and a facts object with neutral values, so each test
 * states only the fields it is about. Not used by the app.
 */
import type { SessionFacts } from '../analysis/types';
import type { GradedAttempt } from '../plan/types';
import type { SessionRecord } from '../session/types';

export function sessionRecord(patch: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 's1',
    problemId: 'token-bucket',
    protocolId: 'coding-45',
    phases: [],
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

export function sessionFacts(patch: Partial<SessionFacts> = {}): SessionFacts {
  return {
    durationMs: 45 * 60_000,
    talk: null,
    phases: [],
    timeToFirstRunMs: null,
    runs: 0,
    submits: 0,
    runsInCodePhase: 0,
    longestEditingWithoutRunMs: 0,
    submitsUntilAllPass: null,
    firstSubmitPassed: null,
    edgeCasesBeforeCode: null,
    followUpsAsked: 0,
    clarificationsAsked: 0,
    clarificationsBeforeCode: 0,
    nudges: { silence: 0, noRun: 0, planCoding: 0 },
    referenceOpenedAt: null,
    passedAfterReference: false,
    ...patch,
  };
}

/** A graded coding attempt that ended at 10:00 UTC on `day` (core/plan's tests). */
export function gradedAttemptOn(day: string, patch: Partial<GradedAttempt> = {}): GradedAttempt {
  return {
    sessionId: 's1',
    day,
    endedAt: Date.parse(`${day}T10:00:00Z`),
    kind: 'coding',
    protocolId: 'coding-45',
    grade: 3,
    summary: 'failed 3 hidden tests',
    reasons: [],
    checklist: [],
    ...patch,
  };
}
