import { useMemo } from 'react';
import { describePhase } from '../../core/analysis/describeFacts';
import { computeDesignFacts, type DesignFacts } from '../../core/analysis/designFacts';
import { designReadinessChecklist } from '../../core/analysis/designReadiness';
import { formatDuration } from '../../core/analysis/formatDuration';
import type { SessionEvent, SessionRecord } from '../../core/session/types';
import { formatClock } from '../../core/timer/phaseClock';
import { ReadinessChecklist } from './ReadinessChecklist';

function rows(f: DesignFacts): { label: string; value: string }[] {
  return [
    { label: 'Duration', value: formatDuration(f.durationMs) },
    { label: 'Design started', value: f.designStartedMs === null ? 'never' : formatClock(f.designStartedMs) },
    { label: 'Clarifying questions before the design', value: `${f.clarificationsBeforeDesign} of ${f.clarificationsAsked}` },
    { label: 'Questions typed in your own words', value: `${f.typedQuestions} (${f.typedBeforeReveal} before any answer was revealed)` },
    {
      label: 'Estimates (scratchpad runs that printed results)',
      value: `${f.estimatesRun} of ${f.scratchpadRuns} runs (${f.estimatesBeforeDesign} before the design)`,
    },
    { label: 'Whiteboard changes', value: String(f.board.changes) },
    { label: 'On the board at the end', value: `${f.board.shapesAtEnd} boxes, ${f.board.arrowsAtEnd} arrows` },
    {
      label: 'Silences',
      value: f.talk
        ? `${formatDuration(f.talk.totalSilenceMs)} in total, longest ${formatDuration(f.talk.longestSilenceMs)}`
        : 'not measured (no audio)',
    },
  ];
}

/** A design session's measured facts (design facts, not a coding session's) and its design readiness checklist. */
export function DesignFactsTable({ session, events }: { session: SessionRecord; events: readonly SessionEvent[] }) {
  const facts = useMemo(() => computeDesignFacts({ session, events }), [session, events]);
  const readiness = useMemo(() => designReadinessChecklist(facts), [facts]);
  return (
    <>
      <section aria-labelledby="design-facts-heading" className="space-y-3" data-testid="design-facts">
        <h3 id="design-facts-heading" className="text-base font-semibold">
          Measured facts (design)
        </h3>
        <table className="w-full text-sm" aria-labelledby="design-facts-heading">
          <tbody>
            {rows(facts).map((row) => (
              <tr key={row.label} className="border-b border-slate-800 last:border-0">
                <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-400">
                  {row.label}
                </th>
                <td className="py-1 text-right tabular-nums">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-sm font-semibold">Each phase: time against the plan, whiteboard changes</caption>
          <thead>
            <tr className="text-xs text-slate-400">
              <th scope="col" className="text-left font-normal">
                Phase
              </th>
              <th scope="col" className="text-right font-normal">
                Planned
              </th>
              <th scope="col" className="text-right font-normal">
                Actual
              </th>
              <th scope="col" className="text-right font-normal">
                Board
              </th>
            </tr>
          </thead>
          <tbody>
            {facts.phases.map((phase, i) => {
              const d = describePhase(phase);
              return (
                <tr key={`${i}-${phase.phaseId}`} className="border-b border-slate-800 last:border-0">
                  <th scope="row" className="py-1 text-left font-normal">
                    {phase.name}
                  </th>
                  <td className="py-1 text-right tabular-nums">{d.planned}</td>
                  <td className="py-1 text-right tabular-nums">{d.actual}</td>
                  <td className="py-1 text-right tabular-nums">{facts.board.perPhase[i]?.changes ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {facts.notes && (
          <table className="w-full text-sm" data-testid="notes-sections">
            <caption className="mb-1 text-left text-sm font-semibold">Notes sections</caption>
            <tbody>
              {facts.notes.map((s, i) => (
                <tr key={`${i}-${s.heading}`} className="border-b border-slate-800 last:border-0" data-written={s.written}>
                  <th scope="row" className="py-1 text-left font-normal">
                    {s.heading}
                  </th>
                  <td className="py-1 text-right tabular-nums">{s.written ? `written, ${s.words} words` : 'empty'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ReadinessChecklist items={readiness} title="Design readiness checklist" />
    </>
  );
}
