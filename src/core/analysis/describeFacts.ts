/**
 * The measured facts in words: the rows of the facts table, and the one line shown next to each
 * self-review item (the fact that item is about). Plain strings, so the review panel, a bundle's
 * summary and the tests all read the same sentences.
 */
import type { SelfReviewItemId } from '../review/types';
import type { FeatureFacts, GroupResult } from './features';
import { formatDifference, formatDuration, formatShare } from './formatDuration';
import type { PhaseFact, SessionFacts } from './types';

export interface FactRow {
  label: string;
  value: string;
}

const NO_AUDIO = 'not measured (no audio)';

export function factRows(facts: SessionFacts): FactRow[] {
  const { talk } = facts;
  return [
    { label: 'Duration', value: formatDuration(facts.durationMs) },
    { label: 'Total silence', value: talk ? formatDuration(talk.totalSilenceMs) : NO_AUDIO },
    { label: 'Longest silence', value: talk ? formatDuration(talk.longestSilenceMs) : NO_AUDIO },
    { label: 'Silences of 30 s or more', value: talk ? String(talk.silencesOver30s) : NO_AUDIO },
    { label: 'Share of time talking', value: talk ? formatShare(talk.talkingShare) : NO_AUDIO },
    { label: 'Time to first run', value: facts.timeToFirstRunMs === null ? 'nothing was run' : formatDuration(facts.timeToFirstRunMs) },
    { label: 'Runs (examples)', value: String(facts.runs) },
    { label: 'Submits (hidden tests)', value: String(facts.submits) },
    {
      label: 'Runs and Submits in the code phase',
      value: facts.runsInCodePhase === null ? 'no code phase in this protocol' : String(facts.runsInCodePhase),
    },
    {
      label: 'Longest editing without running',
      value: facts.longestEditingWithoutRunMs > 0 ? formatDuration(facts.longestEditingWithoutRunMs) : 'no code was edited',
    },
    { label: 'Submits until all hidden tests passed', value: submitsUntilPass(facts) },
    { label: 'First Submit passed', value: facts.firstSubmitPassed === null ? 'no Submit' : facts.firstSubmitPassed ? 'yes' : 'no' },
    {
      label: 'Edge cases written before code',
      value: facts.edgeCasesBeforeCode === null ? 'not measured (no code was typed)' : String(facts.edgeCasesBeforeCode),
    },
    { label: 'Clarifying questions', value: describeClarifications(facts) },
    { label: 'Follow-up questions asked', value: String(facts.followUpsAsked) },
    {
      label: 'Nudges (silence / no run / coding in plan)',
      value: `${facts.nudges.silence} / ${facts.nudges.noRun} / ${facts.nudges.planCoding}`,
    },
    ...(facts.requests ? [{ label: 'Requests sent (answered / timed out / errors)', value: requestsValue(facts.requests) }] : []),
  ];
}

/** "8 (7 / 1 / 0), service restarted once". */
export function requestsValue(r: NonNullable<SessionFacts['requests']>): string {
  const restarts = r.serviceRestarts === 0 ? '' : `, service restarted ${r.serviceRestarts === 1 ? 'once' : `${r.serviceRestarts} times`}`;
  return `${r.sent} (${r.answered} / ${r.timedOut} / ${r.errors})${restarts}`;
}

/** "Asked 1 clarifying question before coding (2 in all)", or that none was asked. */
export function describeClarifications(facts: Pick<SessionFacts, 'clarificationsAsked' | 'clarificationsBeforeCode'>): string {
  const { clarificationsAsked: asked, clarificationsBeforeCode: before } = facts;
  if (asked === 0) return 'none asked';
  const questions = `${before} clarifying ${before === 1 ? 'question' : 'questions'}`;
  return `Asked ${questions} before coding${asked === before ? '' : ` (${asked} in all)`}`;
}

/** A test group at the last Submit, in words. */
export function describeGroup(group: GroupResult | null, submitted: boolean): string {
  if (!submitted) return 'no Submit';
  if (!group) return 'no tests of it at the last Submit';
  return `${group.passing ? 'passing' : 'not passing'} (${group.passed}/${group.total} tests)`;
}

/** A codebase session's features as rows: how many were attempted and passed, then the baseline and each feature. */
export function featureRows(facts: FeatureFacts): FactRow[] {
  const submitted = facts.lastSubmitAt !== null;
  return [
    { label: 'Features attempted / passing', value: `${facts.attempted.length} / ${submitted ? facts.passing : 'no Submit'}` },
    ...(facts.baseline ? [{ label: facts.baseline.title, value: describeGroup(facts.baseline, submitted) }] : []),
    ...facts.attempted.map((f) => ({ label: `Feature: ${f.title}`, value: describeGroup(f.group, submitted) })),
  ];
}

function submitsUntilPass(facts: SessionFacts): string {
  if (facts.submits === 0) return 'no Submit';
  return facts.submitsUntilAllPass === null ? `not passed in ${facts.submits}` : String(facts.submitsUntilAllPass);
}

/** A phase's row: planned, actual, and the difference ("never reached" when it was not). */
export function describePhase(phase: PhaseFact): { planned: string; actual: string; difference: string } {
  return {
    planned: formatDuration(phase.plannedMs),
    actual: phase.actualMs === null ? 'never reached' : formatDuration(phase.actualMs),
    difference: phase.actualMs === null ? '—' : formatDifference(phase.actualMs, phase.plannedMs),
  };
}

/** The measured fact beside each self-review item: what the log says about it. */
export function selfReviewFact(item: SelfReviewItemId, facts: SessionFacts): string {
  const { talk } = facts;
  switch (item) {
    case 'talked':
      return talk
        ? `${formatDuration(talk.totalSilenceMs)} of silence in total, longest ${formatDuration(talk.longestSilenceMs)}, ${talk.silencesOver30s} of 30 s or more.`
        : 'No audio was recorded: listen for yourself next time, or record with the microphone on.';
    case 'explained':
      return talk
        ? `You were talking ${formatShare(talk.talkingShare)} of the recorded time.`
        : 'No audio was recorded, so talking time is not measured.';
    case 'tested': {
      const runs = facts.runsInCodePhase ?? facts.runs + facts.submits;
      const where = facts.runsInCodePhase === null ? 'in the session' : 'in the code phase';
      const first = facts.timeToFirstRunMs === null ? 'nothing was run' : `first run after ${formatDuration(facts.timeToFirstRunMs)}`;
      return `${runs} ${runs === 1 ? 'run' : 'runs'} ${where}; ${first}; longest editing without running ${formatDuration(facts.longestEditingWithoutRunMs)}.`;
    }
    case 'caught-bugs':
      if (facts.submits === 0) return `No Submit; ${facts.runs} ${facts.runs === 1 ? 'Run' : 'Runs'} of the examples.`;
      if (facts.submitsUntilAllPass === null)
        return `None of ${facts.submits} ${facts.submits === 1 ? 'Submit' : 'Submits'} passed all hidden tests.`;
      return facts.firstSubmitPassed
        ? 'The first Submit passed every hidden test.'
        : `The first Submit failed; all hidden tests passed on Submit ${facts.submitsUntilAllPass}.`;
    case 'edge-cases':
      return facts.edgeCasesBeforeCode === null
        ? 'Not measured: the session has no plan notes, or no code was typed.'
        : `${facts.edgeCasesBeforeCode} ${facts.edgeCasesBeforeCode === 1 ? 'item' : 'items'} listed in the plan notes before the first line of code.`;
    case 'calm': {
      const reached = facts.phases.filter((p) => p.actualMs !== null);
      const over = reached.filter((p) => p.actualMs! > p.plannedMs + 1000).length;
      const nudges = facts.nudges.silence + facts.nudges.noRun + facts.nudges.planCoding;
      return `${over} of ${reached.length} phases over plan; ${nudges} ${nudges === 1 ? 'nudge' : 'nudges'} shown.`;
    }
  }
}
