/**
 * report.md: the session in words, for whoever opens the bundle without Rehearse (a friend, a mentor).
 * Plain Markdown; the candidate's own text is quoted as it is. Importers ignore this file (beyond its
 * checksum): it is never parsed or rendered by the app.
 */
import { languageOr, languageSpec } from '../languages/registry';
import { lastSubmitGroups } from '../analysis/features';
import { describeClarifications } from '../analysis/describeFacts';
import { formatDuration, formatShare } from '../analysis/formatDuration';
import { outcomeSummary } from '../api/formatResponse';
import { requestsValue } from '../analysis/describeFacts';
import type { SessionSummary } from '../analysis/sessionSummary';
import type { SessionFacts } from '../analysis/types';
import { LEVEL_LABELS, SELF_REVIEW_ITEMS, formatSelfReviewTotal, selfReviewTotal, designWeightedTotal } from '../review/rubrics';
import type { ReviewRecord } from '../records/types';
import type { SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import { BASELINE_GROUP } from '../problems/types';
import { designReportLines } from './designReport';

export interface ReportInput {
  title: string;
  session: SessionRecord;
  events: readonly SessionEvent[];
  review: ReviewRecord | null;
  /**
   * The session's measures by its kind (core/analysis/sessionSummary.ts), or null when the log could not be
   * measured; `kind` then still says which report it is.
   */
  summary: SessionSummary | null;
  kind: SessionSummary['kind'];
  /** The project's files at the end, in tree order (the bundle holds each under files/). */
  files: readonly string[];
}

const READINESS_MARK = { met: 'met', 'not-met': 'not met', 'not-measurable': 'not measurable' } as const;

/** One line of text in a Markdown table cell or list item: no line breaks, no column separators. */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function quoted(text: string): string {
  return text.trim()
    ? text
        .trim()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
    : '_Nothing written._';
}

function factsSection(facts: SessionFacts): string[] {
  const lines = ['## Measured facts', '', `- Duration: ${formatDuration(facts.durationMs)}`];
  if (facts.talk) {
    lines.push(
      `- Talking: ${formatShare(facts.talk.talkingShare)} of the recording; silence ${formatDuration(facts.talk.totalSilenceMs)} in total, longest ${formatDuration(facts.talk.longestSilenceMs)}, ${facts.talk.silencesOver30s} over 30 s`,
    );
  } else lines.push('- Talking: no audio was recorded');
  lines.push(
    `- Runs: ${facts.runs}; Submits: ${facts.submits}`,
    `- First Run or Submit: ${facts.timeToFirstRunMs === null ? 'none' : `after ${formatDuration(facts.timeToFirstRunMs)}`}`,
    `- First Submit passed: ${facts.firstSubmitPassed === null ? 'no Submit' : facts.firstSubmitPassed ? 'yes' : 'no'}`,
    `- Longest editing without a run: ${formatDuration(facts.longestEditingWithoutRunMs)}`,
    `- Clarifying questions: ${describeClarifications(facts)}`,
    `- Follow-up questions asked: ${facts.followUpsAsked}`,
  );
  if (facts.requests) lines.push(`- Requests sent (answered / timed out / errors): ${requestsValue(facts.requests)}`);
  if (facts.phases.length > 0) {
    lines.push('', '| Phase | Planned | Actual |', '|---|---|---|');
    for (const p of facts.phases)
      lines.push(
        `| ${inline(p.name)} | ${formatDuration(p.plannedMs)} | ${p.actualMs === null ? 'not reached' : formatDuration(p.actualMs)} |`,
      );
  }
  return lines;
}

/**
 * A session with features (a codebase problem): the ones chosen at Start, by id, and every test group of
 * the last Submit with whether it passed. The report has no problem to name the features by: a group's
 * title is the feature's title (its hidden tests' top-level describe), taken from the logged tests.
 */
function featuresSection(session: SessionRecord, events: readonly SessionEvent[]): string[] {
  const chosen = session.features ?? [];
  const lines = [
    '## Features',
    '',
    chosen.length === 0 ? 'No feature was chosen at Start.' : `Chosen at Start: ${chosen.map((id) => `\`${inline(id)}\``).join(', ')}.`,
    '',
  ];
  const submit = lastSubmitGroups(events);
  if (!submit) return [...lines, '_Nothing was submitted._'];
  if (submit.groups.length === 0) return [...lines, `_The last Submit (${formatDuration(submit.t)} in) has no test results._`];
  lines.push(
    `At the last Submit (${formatDuration(submit.t)} in), by test group (${BASELINE_GROUP}, then one group per feature):`,
    '',
    '| Group | Tests passed | Passing |',
    '|---|---|---|',
  );
  for (const g of submit.groups) lines.push(`| ${inline(g.title)} | ${g.passed} / ${g.total} | ${g.passing ? 'yes' : 'no'} |`);
  const passing = submit.groups.filter((g) => g.title !== BASELINE_GROUP && g.passing).map((g) => inline(g.title));
  lines.push('', `Feature groups passing: ${passing.length === 0 ? 'none' : `${passing.length} (${passing.join(', ')})`}.`);
  return lines;
}

/** The clarifying questions whose answers were revealed, each at its time. */
function clarificationsSection(events: readonly SessionEvent[]): string[] {
  const asked = events.filter((e) => e.type === 'clarification');
  const lines = ['## Clarifying questions asked', ''];
  if (asked.length === 0) return [...lines, '_None._'];
  return [...lines, ...asked.map((c) => `- ${formatDuration(c.t)} in: ${inline(c.question)}`)];
}

/** The self-review: a coding session's scored items; a design session's four-part evaluation (its own self-review). */
function reviewSection(review: ReviewRecord | null, kind: SessionSummary['kind']): string[] {
  if (!review) return ['## Self-review', '', '_The session was not reviewed._'];
  const lines = ['## Self-review'];
  if (kind === 'coding') {
    lines.push('', '| Item | Score | Note |', '|---|---|---|');
    for (const item of SELF_REVIEW_ITEMS) {
      const s = review.selfScores[item.id];
      lines.push(`| ${item.label} | ${s?.score ?? '–'}${s?.score ? ' / 10' : ''} | ${inline(s?.note ?? '')} |`);
    }
    const total = selfReviewTotal(review.selfScores);
    lines.push('', total ? `Total: ${formatSelfReviewTotal(total)}` : 'No item scored yet.');
  }
  if (review.design) {
    lines.push('', '### Design evaluation', '', '| Part | Weight | Level | Note |', '|---|---|---|---|');
    for (const g of review.design)
      lines.push(`| ${inline(g.part)} | ${g.weight} % | ${g.level ? LEVEL_LABELS[g.level] : '–'} | ${inline(g.note)} |`);
    const weighted = designWeightedTotal(review.design);
    if (weighted !== null) lines.push('', `Weighted total: ${weighted} %`);
  }
  lines.push(
    '',
    '## Learnings',
    '',
    '### What went well',
    '',
    quoted(review.learnings.wentWell),
    '',
    '### What to improve',
    '',
    quoted(review.learnings.improve),
    '',
    '### Actions for next time',
    '',
    quoted(review.learnings.actions),
  );
  return lines;
}

/** The project's files as the session left them, each a link to its copy under files/. */
function filesSection(paths: readonly string[]): string[] {
  const lines = ['## Files', ''];
  if (paths.length === 0) return [...lines, '_No code was recorded._'];
  lines.push(
    `The session ended with ${paths.length === 1 ? 'this file' : `these ${paths.length} files`}, each under files/ in this bundle:`,
    '',
  );
  for (const path of paths) lines.push(`- ${codeSpan(path)}`);
  return lines;
}

/** Text as a Markdown code span, its own backticks kept: fenced by one more backtick than its longest run. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** An API scenario's requests, in the order they were sent: "method path → status" (none for other sessions). */
function requestsSection(events: readonly SessionEvent[]): string[] {
  const lines: string[] = [];
  for (const e of events) {
    if (e.type === 'request')
      lines.push(
        `- ${formatDuration(e.t)} in: ${codeSpan(`${e.request.method} ${e.request.path}`)} → ${inline(outcomeSummary(e.outcome))}`,
      );
    else if (e.type === 'service-restart') lines.push(`- ${formatDuration(e.t)} in: service restarted`);
  }
  return lines.length === 0 ? [] : ['', '## Requests', '', ...lines];
}

export function buildReport(input: ReportInput): string {
  const { session, events, summary, review, kind } = input;
  const started = new Date(session.startedAt);
  const lines = [
    `# ${inline(input.title)}`,
    '',
    `Practice session recorded with Rehearse on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Problem: ${inline(input.title)} (\`${session.problemId}\`)`,
    // A design session is not written in a language: its scratchpad is a calculator, not the answer.
    ...(kind === 'coding' ? [`- Language: ${languageSpec(languageOr(session.language)).label}`] : ['- Kind: system design']),
    `- Protocol: ${session.phases.map((p) => `${inline(p.name)} ${p.minutes} min`).join(', ') || session.protocolId || 'none'}`,
    `- Status: ${session.status}`,
    `- Audio: ${session.audio ? `${session.audio.segments.length} segment${session.audio.segments.length === 1 ? '' : 's'}` : `none (${session.audioOffReason ?? 'off'})`}`,
    '',
  ];
  if (summary?.kind === 'design') lines.push(...designReportLines(summary.facts, summary.readiness, events), '');
  if (summary?.kind === 'coding') lines.push(...factsSection(summary.facts), '');
  if (session.features) lines.push(...featuresSection(session, events), '');
  if (summary?.kind === 'coding' && summary.readiness.length > 0) {
    lines.push('## Readiness', '');
    for (const item of summary.readiness) lines.push(`- ${inline(item.label)}: ${READINESS_MARK[item.status]} (${inline(item.figure)})`);
    lines.push('');
  }
  lines.push(...reviewSection(review, kind), '');
  if (kind === 'coding') lines.push(...clarificationsSection(events), '');
  const followUps = events.filter((e) => e.type === 'followup');
  lines.push('## Follow-up questions asked', '');
  if (followUps.length === 0) lines.push('_None._');
  for (const f of followUps) lines.push(`- ${formatDuration(f.t)} in: ${inline(f.question)}`);
  lines.push(...requestsSection(events));
  if (kind === 'coding') lines.push('', ...filesSection(input.files));
  lines.push('', 'The full log is in events.jsonl. Import this .zip into Rehearse to replay it.', '');
  return lines.join('\n');
}
