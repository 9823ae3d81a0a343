import { describePhase, factRows, featureRows, type FactRow } from '../../core/analysis/describeFacts';
import type { FeatureFacts } from '../../core/analysis/features';
import type { SessionFacts } from '../../core/analysis/types';

/**
 * The measured facts as compact tables: the session's figures, a codebase session's features (attempted
 * and passing at the last Submit), then each phase against its plan.
 */
export function FactsTable({ facts, features = null }: { facts: SessionFacts; features?: FeatureFacts | null }) {
  return (
    <section aria-labelledby="facts-heading" className="space-y-3">
      <h3 id="facts-heading" className="text-base font-semibold">
        Measured facts
      </h3>
      <table className="w-full text-sm" aria-labelledby="facts-heading">
        <tbody>
          <Rows rows={factRows(facts)} />
        </tbody>
      </table>
      {features && (
        <table className="w-full text-sm" data-testid="feature-facts">
          <caption className="mb-1 text-left text-sm font-semibold">Features at the last Submit</caption>
          <tbody>
            <Rows rows={featureRows(features)} />
          </tbody>
        </table>
      )}
      <PhaseTable facts={facts} />
    </section>
  );
}

function Rows({ rows }: { rows: FactRow[] }) {
  return rows.map((row) => (
    <tr key={row.label} className="border-b border-slate-800 last:border-0">
      <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-400">
        {row.label}
      </th>
      <td className="py-1 text-right tabular-nums">{row.value}</td>
    </tr>
  ));
}

function PhaseTable({ facts }: { facts: SessionFacts }) {
  if (facts.phases.length === 0)
    return <p className="text-sm text-slate-400">This session kept no phase plan, so time per phase is not shown.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-sm font-semibold">Time in each phase</caption>
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
            Difference
          </th>
        </tr>
      </thead>
      <tbody>
        {facts.phases.map((phase, i) => {
          const d = describePhase(phase);
          const over = phase.actualMs !== null && phase.actualMs > phase.plannedMs + 1000;
          return (
            <tr key={`${i}-${phase.phaseId}`} className="border-b border-slate-800 last:border-0">
              <th scope="row" className="py-1 text-left font-normal">
                {phase.name}
              </th>
              <td className="py-1 text-right tabular-nums">{d.planned}</td>
              <td className="py-1 text-right tabular-nums">{d.actual}</td>
              <td className={`py-1 text-right tabular-nums ${over ? 'text-amber-300' : 'text-slate-300'}`}>{d.difference}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
