/**
 * A design session's part of report.md: the final board (whiteboard.svg), the design facts and the design
 * checklist, and what the estimation scratchpad printed last. No coding measure (runs, Submits, the coding
 * checklist) and no language: a design session is summarised by its own kind (core/analysis/sessionSummary.ts).
 */
import type { DesignFacts } from '../analysis/designFacts';
import type { DesignReadinessItem } from '../analysis/designReadiness';
import { formatDuration } from '../analysis/formatDuration';
import type { SessionEvent } from '../session/types';
import { boardEvents, WHITEBOARD_FILE } from './whiteboardFile';

const READINESS_MARK = { met: 'met', 'not-met': 'not met', 'not-measurable': 'not measurable' } as const;

const oneLine = (text: string) => text.replace(/[|\n]/g, ' ').trim();

/** A printed line inside a fenced block: a run of backticks could close the fence early. */
const fenced = (line: string) => line.replace(/`{3,}/g, (run) => "'".repeat(run.length));

export function designReportLines(f: DesignFacts, readiness: readonly DesignReadinessItem[], events: readonly SessionEvent[]): string[] {
  const lines = ['## Whiteboard', ''];
  lines.push(boardEvents(events).length > 0 ? `![The final whiteboard](${WHITEBOARD_FILE})` : '_Nothing was drawn._');
  lines.push(
    '',
    '## Design facts',
    '',
    `- Duration: ${formatDuration(f.durationMs)}`,
    `- Clarifying questions before the design: ${f.clarificationsBeforeDesign} of ${f.clarificationsAsked}`,
    `- Questions typed in the candidate's own words: ${f.typedQuestions} (${f.typedBeforeReveal} before any answer was revealed)`,
    `- Estimates: ${f.estimatesRun} of ${f.scratchpadRuns} scratchpad runs printed results (${f.estimatesBeforeDesign} before the design)`,
    `- Whiteboard: ${f.board.changes} changes; ${f.board.shapesAtEnd} boxes and ${f.board.arrowsAtEnd} arrows at the end`,
    `- Longest silence: ${f.talk ? formatDuration(f.talk.longestSilenceMs) : 'not measured (no audio)'}`,
  );
  if (f.notes) for (const s of f.notes) lines.push(`- Notes, ${oneLine(s.heading)}: ${s.written ? `${s.words} words` : 'empty'}`);
  if (f.phases.length > 0) {
    lines.push('', '| Phase | Planned | Actual |', '|---|---|---|');
    for (const p of f.phases)
      lines.push(
        `| ${oneLine(p.name)} | ${formatDuration(p.plannedMs)} | ${p.actualMs === null ? 'not reached' : formatDuration(p.actualMs)} |`,
      );
  }
  lines.push('', '## Design readiness', '');
  for (const item of readiness) lines.push(`- ${item.label}: **${READINESS_MARK[item.status]}** — ${oneLine(item.figure)}`);
  const lastRun = [...events].reverse().find((e) => e.type === 'scratchpad-run');
  lines.push('', '## Estimation scratchpad', '');
  if (!lastRun) lines.push('_The scratchpad was never run._');
  else if (lastRun.output.length === 0) lines.push(`Its last run (${formatDuration(lastRun.t)} in) printed nothing.`);
  else lines.push(`Its last run (${formatDuration(lastRun.t)} in) printed:`, '', '```text', ...lastRun.output.map(fenced), '```');
  lines.push('', 'The scratchpad itself is under files/ in this bundle.');
  return lines;
}
