/**
 * Progress of design sessions, by design measures (a design session has no Submit or test run to chart):
 * per session, the clarifying questions asked before the design, the estimates, the notes sections written,
 * the whiteboard's activity, the design checklist items met and the rubric total; and, per measure,
 * whether the latest session did better than the one before. Pure: takes the design facts and reviews.
 */
import type { DesignFacts } from '../analysis/designFacts';
import { designReadinessChecklist } from '../analysis/designReadiness';
import { designWeightedTotal } from '../review/rubrics';
import type { ReviewRecord } from '../review/types';
import type { SessionRecord } from '../session/types';
import { trendOfLatest, type ProgressFilter, type Trend } from './series';

export interface DesignProgressInput {
  session: SessionRecord;
  facts: DesignFacts;
  review: ReviewRecord | null | undefined;
}

export interface DesignPoint {
  sessionId: string;
  problemId: string;
  protocolId: string;
  startedAt: number;
  questionsBeforeDesign: number;
  questions: number;
  estimates: number;
  estimatesBeforeDesign: number;
  /** Notes sections with words under them; null when the session had no notes. */
  notesWritten: number | null;
  notesSections: number | null;
  boardChanges: number;
  checklistMet: number;
  checklistTotal: number;
  /** The design evaluation in percent, once every part of the rubric is graded. */
  designPercent: number | null;
}

export type DesignMetricId = 'questions' | 'estimates' | 'notes' | 'board' | 'checklist' | 'design';

function designPoint({ session, facts, review }: DesignProgressInput): DesignPoint {
  const checklist = designReadinessChecklist(facts);
  return {
    sessionId: session.id,
    problemId: session.problemId,
    protocolId: session.protocolId,
    startedAt: session.startedAt,
    questionsBeforeDesign: facts.clarificationsBeforeDesign,
    questions: facts.clarificationsAsked,
    estimates: facts.estimatesRun,
    estimatesBeforeDesign: facts.estimatesBeforeDesign,
    notesWritten: facts.notes ? facts.notes.filter((s) => s.written).length : null,
    notesSections: facts.notes ? facts.notes.length : null,
    boardChanges: facts.board.changes,
    checklistMet: checklist.filter((i) => i.status === 'met').length,
    checklistTotal: checklist.length,
    designPercent: review ? designWeightedTotal(review.design) : null,
  };
}

/** The points of the design sessions matching the filter, oldest first (ties by id). */
export function designProgressSeries(inputs: readonly DesignProgressInput[], filter: ProgressFilter): DesignPoint[] {
  return inputs
    .filter(
      ({ session }) =>
        (filter.problemId === 'all' || session.problemId === filter.problemId) &&
        (filter.protocolId === 'all' || session.protocolId === filter.protocolId),
    )
    .map(designPoint)
    .sort((a, b) => a.startedAt - b.startedAt || a.sessionId.localeCompare(b.sessionId));
}

/**
 * The number a design measure is compared on, higher being better. Board activity is compared as changes
 * (a board drawn is the habit; fewer changes is not better). Null when the session cannot be compared on it.
 */
function designComparable(p: DesignPoint, metric: DesignMetricId): number | null {
  switch (metric) {
    case 'questions':
      return p.questionsBeforeDesign;
    case 'estimates':
      return p.estimatesBeforeDesign;
    case 'notes':
      return p.notesWritten === null || !p.notesSections ? null : p.notesWritten / p.notesSections;
    case 'board':
      return p.boardChanges;
    case 'checklist':
      return p.checklistTotal === 0 ? null : p.checklistMet / p.checklistTotal;
    case 'design':
      return p.designPercent;
  }
}

export function designTrend(points: readonly DesignPoint[], metric: DesignMetricId): Trend {
  return trendOfLatest(points, (p) => designComparable(p, metric), 1e-9);
}
