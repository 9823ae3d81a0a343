/** Today's items: what to practise, in which protocol, and why; Start opens the problem in that protocol. */
import type { TodayItem } from '../../core/plan/plan';
import { findProtocol } from '../../core/timer/protocols';
import { problemTitle } from '../../problems/catalog';

const SOURCE_STYLE: Record<TodayItem['source'], string> = {
  plan: 'bg-sky-900 text-sky-200',
  rolled: 'bg-amber-900 text-amber-200',
  due: 'bg-fuchsia-900 text-fuchsia-200',
};
const SOURCE_LABEL: Record<TodayItem['source'], string> = { plan: 'Plan', rolled: 'Rolled over', due: 'Re-do' };

export function TodayList({ items, onStart }: { items: TodayItem[]; onStart: (item: TodayItem) => void }) {
  return (
    <section aria-labelledby="today" className="mb-6">
      <h2 id="today" className="mb-2 text-lg font-semibold">
        Today
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-400" data-testid="today-empty">
          Nothing left for today.
        </p>
      ) : (
        <ul className="grid gap-2">
          {items.map((item) => (
            <li
              key={item.key}
              data-testid="today-item"
              data-problem={item.problemId}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-800 bg-slate-900 p-3"
            >
              <div>
                <p className="font-medium">
                  <span className={`mr-2 rounded px-2 py-0.5 text-xs ${SOURCE_STYLE[item.source]}`}>{SOURCE_LABEL[item.source]}</span>
                  {problemTitle(item.problemId)}
                  <span className="text-slate-400">
                    {' '}
                    · {item.protocolId ? (findProtocol(item.protocolId)?.name ?? item.protocolId) : 'its usual protocol'}
                  </span>
                </p>
                <p className="text-sm text-slate-300" data-testid="today-reason">
                  {item.reason}
                </p>
                {item.fresh && <p className="text-xs text-slate-400">From scratch: choose “Start a new attempt” if asked.</p>}
              </div>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => onStart(item)}
                aria-label={`Start ${problemTitle(item.problemId)}`}
              >
                Start
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
