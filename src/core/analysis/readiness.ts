/**
 * The readiness checklist: the practice protocol's success criteria (shared/seeds/000), each judged from
 * the measured facts with the figure it rests on. A criterion the log cannot show is "not measurable",
 * never guessed.
 */
import { formatDuration } from './formatDuration';
import { EDGE_CASE_RULE } from './edgeCases';
import type { ReadinessItem, SessionFacts, TalkFacts } from './types';

/** "Under 10 s of total silence". */
export const SILENCE_LIMIT_MS = 10_000;
/**
 * What counts as silence for that criterion: pauses at least this long. The detector marks every pause
 * from 1.5 s, which includes the breath between two sentences; the criterion is about going quiet.
 */
export const DEFAULT_SILENCE_PAUSE_MS = 3_000;

export interface ReadinessOptions {
  /** Pauses at least this long count as silence for the silence criterion (default 3 s). */
  silencePauseMs?: number;
}
/**
 * Stand-in for "tested after every function": the log cannot tell where one function ends, but a run
 * at least every ten minutes of editing is what testing function by function looks like in it.
 */
export const EDITING_LIMIT_MS = 10 * 60_000;
/** "Works on the first or second run": all hidden tests pass by this Submit. */
export const WORKS_BY_SUBMIT = 2;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function readinessChecklist(facts: SessionFacts, options: ReadinessOptions = {}): ReadinessItem[] {
  return [
    { id: 'silence', label: SILENCE_LABEL, ...silenceVerdict(facts.talk, options.silencePauseMs) },
    testedItem(facts),
    worksEarlyItem(facts),
    edgeCasesItem(facts),
  ];
}

export const SILENCE_LABEL = 'Under 10 s of total silence';

/**
 * The one rule about talking, for coding and design sessions alike (a design session's "Thought out
 * loud" is judged by it too, so no two verdicts about the same silence can disagree).
 */
export function silenceVerdict(
  talk: TalkFacts | null,
  pauseMs: number = DEFAULT_SILENCE_PAUSE_MS,
): Pick<ReadinessItem, 'status' | 'figure' | 'rule'> {
  const rule = `Silence here means pauses of ${formatDuration(pauseMs)} or more; shorter pauses (the detector notes every pause from 1.5 s) do not count.`;
  if (!talk) return { status: 'not-measurable', figure: 'No audio was recorded in this session, so silence could not be measured.', rule };
  // Records from before the lengths were kept only have the total: then every pause counts.
  const lengths = talk.silenceLengthsMs ?? [talk.totalSilenceMs];
  const counted = lengths.filter((l) => l >= pauseMs);
  const countedMs = counted.reduce((a, b) => a + b, 0);
  return {
    status: countedMs < SILENCE_LIMIT_MS ? 'met' : 'not-met',
    figure:
      `${formatDuration(countedMs)} of silence in ${plural(counted.length, 'pause')} of ${formatDuration(pauseMs)} or more ` +
      `(all detected pauses: ${formatDuration(talk.totalSilenceMs)}); the longest was ${formatDuration(talk.longestSilenceMs)}.`,
    rule,
  };
}

function testedItem(facts: SessionFacts): ReadinessItem {
  const label = 'Tested after every function';
  const runs = facts.runsInCodePhase ?? facts.runs + facts.submits;
  const where = facts.runsInCodePhase === null ? 'in the session' : 'during the code phase';
  if (runs === 0 && facts.longestEditingWithoutRunMs === 0) {
    return { id: 'tested-incrementally', label, status: 'not-measurable', figure: 'No code was typed or run in this session.' };
  }
  const met = runs >= 1 && facts.longestEditingWithoutRunMs < EDITING_LIMIT_MS;
  return {
    id: 'tested-incrementally',
    label,
    status: met ? 'met' : 'not-met',
    figure:
      `${plural(runs, 'run')} ${where}; the longest stretch of editing without running was ${formatDuration(facts.longestEditingWithoutRunMs)}. ` +
      `(Measured as: at least one run, and no stretch of 10 min or more.)`,
  };
}

function worksEarlyItem(facts: SessionFacts): ReadinessItem {
  const label = 'Works on the first or second run';
  if (facts.submits === 0) {
    return { id: 'works-early', label, status: 'not-measurable', figure: 'Nothing was submitted, so there is no hidden-test result.' };
  }
  const at = facts.submitsUntilAllPass;
  if (at !== null && facts.passedAfterReference && facts.referenceOpenedAt !== null) {
    // A pass after seeing the answer says nothing about working it out: not credited.
    return {
      id: 'works-early',
      label,
      status: 'not-met',
      figure: `All hidden tests first passed on Submit ${at} of ${facts.submits}, after the reference was opened at ${formatDuration(facts.referenceOpenedAt)}: not credited.`,
    };
  }
  if (at === null) {
    return { id: 'works-early', label, status: 'not-met', figure: `None of ${plural(facts.submits, 'Submit')} passed all hidden tests.` };
  }
  return {
    id: 'works-early',
    label,
    status: at <= WORKS_BY_SUBMIT ? 'met' : 'not-met',
    figure:
      at === 1 ? 'All hidden tests passed on the first Submit.' : `All hidden tests first passed on Submit ${at} of ${facts.submits}.`,
  };
}

function edgeCasesItem({ edgeCasesBeforeCode }: SessionFacts): ReadinessItem {
  const label = 'Edge cases listed before coding';
  if (edgeCasesBeforeCode === null) {
    return {
      id: 'edge-cases-first',
      label,
      status: 'not-measurable',
      figure: 'No code was typed, so there is nothing to compare.',
      rule: EDGE_CASE_RULE,
    };
  }
  return {
    id: 'edge-cases-first',
    label,
    status: edgeCasesBeforeCode >= 1 ? 'met' : 'not-met',
    figure: `${plural(edgeCasesBeforeCode, 'edge case')} written down (plan-note list items and comment lines above the code) when the first line of code was typed.`,
    rule: EDGE_CASE_RULE,
  };
}
