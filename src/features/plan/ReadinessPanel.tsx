/** Readiness by kind: each success criterion over the last attempts, with its trend. */
import { READINESS_WINDOW, readinessByKind, type Trend } from '../../core/plan/readinessByKind';
import type { ReviewCardRecord } from '../../core/records/types';

const TREND_TEXT: Record<Trend, string> = {
  improving: '↑ improving',
  steady: '→ steady',
  slipping: '↓ slipping',
  'too-few': 'too few to tell',
};

export function ReadinessPanel({ cards }: { cards: ReviewCardRecord[] }) {
  return (
    <section aria-labelledby="readiness" className="mb-6">
      <h2 id="readiness" className="mb-2 text-lg font-semibold">
        Readiness by kind
      </h2>
      <p className="mb-2 text-sm text-slate-400">
        The guides' success criteria, measured over your last {READINESS_WINDOW} attempts of each kind.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {(['coding', 'design'] as const).map((kind) => {
          const r = readinessByKind(cards, kind);
          return (
            <div key={kind} className="rounded border border-slate-800 p-2 text-sm" data-testid={`readiness-${kind}`}>
              <h3 className="font-medium capitalize">
                {kind} <span className="font-normal text-slate-400">({r.attempts} attempts)</span>
              </h3>
              {r.criteria.length === 0 ? (
                <p className="text-slate-400">No {kind} attempt measured yet.</p>
              ) : (
                <table className="w-full">
                  <tbody>
                    {r.criteria.map((c) => (
                      <tr key={c.id}>
                        <td className="pr-2">{c.label}</td>
                        <td className="whitespace-nowrap pr-2">{c.measured ? `${c.met} of ${c.measured}` : 'not measured'}</td>
                        <td className="whitespace-nowrap text-slate-400">{TREND_TEXT[c.trend]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
