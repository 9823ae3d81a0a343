/**
 * Readiness by kind of problem: each success criterion of the seeds (the coding checklist, the design
 * checklist), measured over the last attempts of that kind, with the trend from the older half of them to
 * the newer half. From the graded attempts alone, so the Plan page reads no event log.
 */
import type { ProblemKind } from '../problems/types';
import type { GradedAttempt, ReviewCardRecord } from './types';

/** How many recent attempts of a kind are measured. */
export const READINESS_WINDOW = 6;

export type Trend = 'improving' | 'steady' | 'slipping' | 'too-few';

export interface CriterionReadiness {
  id: string;
  label: string;
  met: number;
  measured: number;
  trend: Trend;
}

export interface KindReadiness {
  kind: ProblemKind;
  attempts: number;
  criteria: CriterionReadiness[];
}

export function readinessByKind(cards: readonly ReviewCardRecord[], kind: ProblemKind): KindReadiness {
  const recent = cards
    .flatMap((c) => c.attempts)
    .filter((a) => a.kind === kind)
    .sort((a, b) => a.endedAt - b.endedAt)
    .slice(-READINESS_WINDOW);
  const labels = new Map<string, string>();
  for (const a of recent) for (const c of a.checklist) labels.set(c.id, c.label);
  const criteria = [...labels].map(([id, label]) => criterion(id, label, recent));
  return { kind, attempts: recent.length, criteria };
}

function criterion(id: string, label: string, attempts: readonly GradedAttempt[]): CriterionReadiness {
  const statuses = attempts.map((a) => a.checklist.find((c) => c.id === id)?.status).filter((s) => s === 'met' || s === 'not-met');
  const met = statuses.filter((s) => s === 'met').length;
  return { id, label, met, measured: statuses.length, trend: trendOf(statuses.map((s) => (s === 'met' ? 1 : 0))) };
}

/** Older half against newer half of the measured attempts (at least two each way). */
export function trendOf(values: readonly number[]): Trend {
  if (values.length < 4) return 'too-few';
  const half = Math.floor(values.length / 2);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const older = mean(values.slice(0, half));
  const newer = mean(values.slice(values.length - half));
  if (newer - older > 0.2) return 'improving';
  if (older - newer > 0.2) return 'slipping';
  return 'steady';
}
