/**
 * What one Submit changes in the practice record of the current attempt: the Submit count and summary, the
 * attempt's first all-passing Submit, the problem's solved status, and for a staged problem which stages
 * are unlocked and when each was unlocked and first fully passed. Pure, so the engine only persists it.
 */
import { unlockedAfterSubmit, type StagedTest } from '../problems/stages';
import type { SubmitSummary } from '../records/types';
import { afterSubmit } from './attempts';
import { countsAsSolved } from './solved';

export interface StageTime {
  unlockedAt: number | null;
  passedAt: number | null;
}

/** The fields of the practice record a Submit reads and writes. */
export interface SubmitFields {
  status: 'in-progress' | 'solved';
  submits: number;
  lastSubmit: SubmitSummary | null;
  unlockedStages?: number;
  stageTimes?: StageTime[];
  submitsUntilAllPass?: number | null;
  firstAllPassAt?: number | null;
}

export interface SubmitResult {
  outcome: string;
  passed: number;
  total: number;
  tests: readonly StagedTest[];
}

export function practiceAfterSubmit(
  previous: Partial<SubmitFields> | null,
  stageCount: number,
  result: SubmitResult,
  now: number,
): SubmitFields {
  const solved = countsAsSolved(result);
  const pass = afterSubmit(
    {
      submits: previous?.submits ?? 0,
      submitsUntilAllPass: previous?.submitsUntilAllPass ?? null,
      firstAllPassAt: previous?.firstAllPassAt ?? null,
    },
    result,
    now,
  );
  const next: SubmitFields = {
    ...pass,
    lastSubmit: { passed: result.passed, total: result.total, at: now, outcome: result.outcome },
    status: solved || previous?.status === 'solved' ? 'solved' : 'in-progress',
  };
  if (stageCount > 1) {
    const before = previous?.unlockedStages ?? 1;
    // A run that does not count unlocks nothing, whatever its test list says.
    const after = result.outcome === 'completed' ? unlockedAfterSubmit(before, result.tests, stageCount) : before;
    const times = Array.from({ length: stageCount }, (_, i) => ({
      ...(previous?.stageTimes?.[i] ?? { unlockedAt: i === 0 ? now : null, passedAt: null }),
    }));
    for (let stage = 1; stage <= stageCount; stage++) {
      const t = times[stage - 1]!;
      if (stage <= after && t.unlockedAt === null) t.unlockedAt = now;
      // A stage's hidden tests first all passed when the next one unlocks (or, for the last, when all pass).
      const passedNow = stage < after || (stage === stageCount && solved);
      if (passedNow && t.passedAt === null) t.passedAt = now;
    }
    next.unlockedStages = after;
    next.stageTimes = times;
  }
  return next;
}
