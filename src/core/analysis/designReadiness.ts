/**
 * The design readiness checklist, from the seeds' system-design guide (shared/seeds/004: the 45-minute
 * structure, the common mistakes and the tips), each criterion judged from the design facts with the
 * figure that decided it. What the log cannot show is "not measurable", never guessed.
 */
import { formatClock } from '../timer/phaseClock';
import type { DesignFacts } from './designFacts';
import { formatDuration } from './formatDuration';
import { SILENCE_LIMIT_MS, silenceVerdict } from './readiness';
import type { ReadinessStatus } from './types';

export type DesignReadinessId = 'asked-first' | 'estimated-first' | 'drew-design' | 'notes-covered' | 'time-plan' | 'thought-aloud';

export interface DesignReadinessItem {
  id: DesignReadinessId;
  label: string;
  status: ReadinessStatus;
  figure: string;
  /** What exactly was measured, when the label alone cannot say. */
  rule?: string;
}

/** A phase may run over its plan by this share before the plan counts as broken. */
export const PHASE_OVERRUN_SHARE = 0.25;
/** A phase used for less than this share of its plan was rushed or skipped: the plan was not kept either. */
export const PHASE_UNDERUSE_SHARE = 0.5;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function designReadinessChecklist(f: DesignFacts, options: { silencePauseMs?: number } = {}): DesignReadinessItem[] {
  return [askedFirst(f), estimatedFirst(f), drewDesign(f), notesCovered(f), timePlan(f), thoughtAloud(f, options.silencePauseMs)];
}

const startedAt = (f: DesignFacts) =>
  f.designStartedMs === null ? 'the design never started' : `the design started at ${formatClock(f.designStartedMs)}`;

function askedFirst(f: DesignFacts): DesignReadinessItem {
  const label = 'Asked about requirements and scale before designing';
  return {
    id: 'asked-first',
    label,
    status: f.clarificationsBeforeDesign > 0 ? 'met' : 'not-met',
    figure: `${plural(f.clarificationsBeforeDesign, 'clarifying question')} asked before ${startedAt(f)} (${f.clarificationsAsked} in all).`,
  };
}

function estimatedFirst(f: DesignFacts): DesignReadinessItem {
  const label = 'Estimated the scale before choosing components';
  return {
    id: 'estimated-first',
    label,
    status: f.estimatesBeforeDesign > 0 ? 'met' : 'not-met',
    figure:
      f.scratchpadRuns === 0
        ? `The scratchpad was never run; ${startedAt(f)}.`
        : f.firstEstimateMs === null
          ? `${plural(f.scratchpadRuns, 'scratchpad run')}, none of them an estimate (a run counts once it completes with its inputs filled in and prints results); ${startedAt(f)}.`
          : `${plural(f.estimatesBeforeDesign, 'estimate')} run before ${startedAt(f)}; the first at ${formatClock(f.firstEstimateMs)} (${plural(f.scratchpadRuns, 'scratchpad run')} in all, ${f.estimatesRun} with results).`,
  };
}

function drewDesign(f: DesignFacts): DesignReadinessItem {
  const label = 'Drew the architecture on the whiteboard';
  const busiest = [...f.board.perPhase].sort((a, b) => b.changes - a.changes)[0];
  return {
    id: 'drew-design',
    label,
    status: f.board.shapesAtEnd > 0 && f.board.arrowsAtEnd > 0 ? 'met' : 'not-met',
    figure: `${plural(f.board.shapesAtEnd, 'box', 'boxes')} and ${plural(f.board.arrowsAtEnd, 'arrow')} at the end, from ${plural(f.board.changes, 'board change')}${
      busiest && busiest.changes > 0 ? `, most of them in ${busiest.name} (${busiest.changes})` : ''
    }.`,
  };
}

function notesCovered(f: DesignFacts): DesignReadinessItem {
  const label = 'Covered every section of the notes';
  if (!f.notes || f.notes.length === 0)
    return { id: 'notes-covered', label, status: 'not-measurable', figure: 'The session has no notes with sections.' };
  const written = f.notes.filter((s) => s.written);
  const missing = f.notes.filter((s) => !s.written).map((s) => s.heading);
  return {
    id: 'notes-covered',
    label,
    status: missing.length === 0 ? 'met' : 'not-met',
    figure: `${written.length} of ${f.notes.length} sections written${missing.length > 0 ? `; empty: ${missing.join(', ')}` : ''}.`,
  };
}

/** How a phase kept its plan: over by more than a quarter, under half of it, or within. */
function phaseVerdict(p: { plannedMs: number; actualMs: number | null }): 'over' | 'under' | 'kept' {
  const actual = p.actualMs ?? 0;
  if (actual > p.plannedMs * (1 + PHASE_OVERRUN_SHARE)) return 'over';
  if (actual < p.plannedMs * PHASE_UNDERUSE_SHARE) return 'under';
  return 'kept';
}

/**
 * Phase by phase: one that ran over its plan by more than a quarter, or used less than half of it (a phase
 * never reached used none), broke the plan. The figure names every such phase with its times.
 */
function timePlan(f: DesignFacts): DesignReadinessItem {
  const label = 'Stayed within the time plan';
  const planned = f.phases.filter((p) => p.plannedMs > 0);
  if (!f.phases.some((p) => p.actualMs !== null) || planned.length === 0)
    return { id: 'time-plan', label, status: 'not-measurable', figure: 'No phase was timed in this session.' };
  const broken = planned.flatMap((p) => {
    const verdict = phaseVerdict(p);
    if (verdict === 'kept') return [];
    if (p.actualMs === null) return [`${p.name} was never reached (${formatDuration(p.plannedMs)} planned)`];
    const why = verdict === 'over' ? 'over by more than a quarter' : 'under half';
    return [`${p.name} took ${formatDuration(p.actualMs)} of ${formatDuration(p.plannedMs)} planned (${why})`];
  });
  if (broken.length === 0)
    return {
      id: 'time-plan',
      label,
      status: 'met',
      figure: `All ${plural(planned.length, 'phase')} took between half and a quarter over their plan.`,
    };
  return { id: 'time-plan', label, status: 'not-met', figure: `${broken.join('; ')}.` };
}

/** Judged by the one rule about silence (readiness.ts), so a design session never gets two verdicts on talking. */
function thoughtAloud(f: DesignFacts, silencePauseMs: number | undefined): DesignReadinessItem {
  return {
    id: 'thought-aloud',
    label: `Thought out loud (under ${formatDuration(SILENCE_LIMIT_MS)} of total silence)`,
    ...silenceVerdict(f.talk, silencePauseMs),
  };
}
