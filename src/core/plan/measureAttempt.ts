/**
 * A finished session → the graded attempt its problem's card keeps: facts and checklist measured from the
 * record and the log (core/analysis), graded by grade.ts. Pure, so the same session always grades the same.
 */
import { computeDesignFacts } from '../analysis/designFacts';
import { designReadinessChecklist } from '../analysis/designReadiness';
import { computeFacts, readinessChecklist, sessionDuration } from '../analysis/facts';
import type { ProblemKind } from '../problems/types';
import type { RunEvent, SessionEvent, SessionRecord } from '../session/types';
import { gradeAttempt, toCriteria, type MeasuredAttempt } from './grade';
import { localDateAt } from './localDate';
import type { GradedAttempt } from './types';

export function measureAttempt(session: SessionRecord, events: readonly SessionEvent[], kind: ProblemKind): MeasuredAttempt {
  const plannedMs = session.phases.reduce((sum, p) => sum + p.minutes * 60_000, 0);
  const durationMs = sessionDuration(session, events);
  if (kind === 'design') {
    const facts = computeDesignFacts({ session, events });
    return {
      kind,
      firstSubmit: null,
      submitsUntilAllPass: null,
      durationMs,
      plannedMs,
      checklist: toCriteria(designReadinessChecklist(facts)),
    };
  }
  const facts = computeFacts({ session, events });
  const first = events.find((e): e is RunEvent => e.type === 'run' && e.mode === 'submit');
  return {
    kind,
    firstSubmit: first ? { passed: first.passed, total: first.total } : null,
    submitsUntilAllPass: facts.submitsUntilAllPass,
    durationMs,
    plannedMs,
    checklist: toCriteria(readinessChecklist(facts)),
  };
}

export function gradedAttempt(session: SessionRecord, events: readonly SessionEvent[], kind: ProblemKind): GradedAttempt {
  const measured = measureAttempt(session, events, kind);
  const { grade, summary, reasons } = gradeAttempt(measured);
  const endedAt = session.endedAt ?? session.startedAt + measured.durationMs;
  return {
    sessionId: session.id,
    day: localDateAt(endedAt),
    endedAt,
    kind,
    protocolId: session.protocolId,
    grade,
    summary,
    reasons,
    checklist: measured.checklist,
  };
}
