/**
 * The design readiness checklist, from the seeds' system-design guide (shared/seeds/004: the 45-minute
 * structure, the common mistakes and the tips), each criterion judged from the design facts with the
 * figure that decided it. What the log cannot show is "not measurable", never guessed.
 */
import { formatClock } from '../timer/phaseClock';
import type { DesignFacts } from './designFacts';
import { formatDuration } from './formatDuration';
import type { ReadinessStatus } from './types';

export type DesignReadinessId = 'asked-first' | 'estimated-first' | 'drew-design' | 'notes-covered' | 'time-plan' | 'thought-aloud';

export interface DesignReadinessItem {
  id: DesignReadinessId;
  label: string;
  status: ReadinessStatus;
  figure: string;
}

/** A phase may run over its plan by this share before the plan counts as broken. */
export const PHASE_OVERRUN_SHARE = 0.25;
/** "Think out loud": no silence this long. */
export const DESIGN_SILENCE_LIMIT_MS = 30_000;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function designReadinessChecklist(f: DesignFacts): DesignReadinessItem[] {
  return [askedFirst(f), estimatedFirst(f), drewDesign(f), notesCovered(f), timePlan(f), thoughtAloud(f)];
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
      f.firstEstimateMs === null
        ? `The scratchpad was never run; ${startedAt(f)}.`
        : `${plural(f.estimatesBeforeDesign, 'estimate')} run before ${startedAt(f)}; the first at ${formatClock(f.firstEstimateMs)}.`,
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

function timePlan(f: DesignFacts): DesignReadinessItem {
  const label = 'Stayed within the time plan';
  const reached = f.phases.filter((p) => p.actualMs !== null);
  if (reached.length === 0) return { id: 'time-plan', label, status: 'not-measurable', figure: 'No phase was timed in this session.' };
  const over = reached.filter((p) => p.actualMs! > p.plannedMs * (1 + PHASE_OVERRUN_SHARE));
  if (over.length === 0) {
    return {
      id: 'time-plan',
      label,
      status: 'met',
      figure: `All ${plural(reached.length, 'timed phase')} within a quarter of their plan.`,
    };
  }
  const worst = over.sort((a, b) => b.actualMs! - b.plannedMs - (a.actualMs! - a.plannedMs))[0]!;
  return {
    id: 'time-plan',
    label,
    status: 'not-met',
    figure: `${plural(over.length, 'phase')} ran over by more than a quarter; ${worst.name} took ${formatDuration(worst.actualMs!)} of ${formatDuration(worst.plannedMs)} planned.`,
  };
}

function thoughtAloud(f: DesignFacts): DesignReadinessItem {
  const label = 'Thought out loud (no silence of 30 s or more)';
  if (!f.talk)
    return {
      id: 'thought-aloud',
      label,
      status: 'not-measurable',
      figure: 'No audio was recorded in this session, so silence could not be measured.',
    };
  return {
    id: 'thought-aloud',
    label,
    status: f.talk.longestSilenceMs < DESIGN_SILENCE_LIMIT_MS ? 'met' : 'not-met',
    figure: `The longest silence was ${formatDuration(f.talk.longestSilenceMs)}; ${plural(f.talk.silencesOver30s, 'silence')} of 30 s or more.`,
  };
}
