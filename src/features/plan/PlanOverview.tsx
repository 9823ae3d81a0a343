/** What the plan still holds after today, day by day, with what is already done. */
import { weekdayOf } from '../../core/plan/localDate';
import type { PlanDay } from '../../core/plan/plan';
import { findProtocol } from '../../core/timer/protocols';
import { problemTitle } from '../../problems/catalog';

function describeSpec(day: PlanDay['items'][number]): string {
  const { spec } = day;
  const what = spec.kind === 'problem' ? problemTitle(spec.problemId) : `a ${spec.problemKind} problem (the one most due)`;
  return `${what} · ${findProtocol(spec.protocolId)?.name ?? spec.protocolId}`;
}

export function PlanOverview({ days }: { days: PlanDay[] }) {
  return (
    <section aria-labelledby="plan-ahead" className="mb-6">
      <h2 id="plan-ahead" className="mb-2 text-lg font-semibold">
        What the plan still holds
      </h2>
      {days.length === 0 ? (
        <p className="text-slate-400">No more plan days before the interview.</p>
      ) : (
        <ol className="grid gap-2 text-sm" data-testid="plan-ahead">
          {days.map((day) => (
            <li key={day.date} className="rounded border border-slate-800 p-2">
              <p className="font-medium">
                {weekdayOf(day.date)} {day.date}
                {day.note && <span className="font-normal text-slate-400"> — {day.note}</span>}
              </p>
              {day.items.length === 0 ? (
                <p className="text-slate-400">Rest: no session planned.</p>
              ) : (
                <ul className="list-disc pl-5">
                  {day.items.map((item) => (
                    <li key={item.id}>
                      {describeSpec(item)} <span className="text-slate-400">— {item.spec.why}</span>
                      {item.done && <span className="text-emerald-300"> (done)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
