import type { ReadinessItem, ReadinessStatus } from '../../core/analysis/types';

const STATUS: Record<ReadinessStatus, { text: string; mark: string; className: string }> = {
  met: { text: 'Met', mark: '✓', className: 'border-emerald-700 bg-emerald-950 text-emerald-300' },
  'not-met': { text: 'Not met', mark: '✗', className: 'border-rose-700 bg-rose-950 text-rose-300' },
  'not-measurable': { text: 'Not measurable', mark: '–', className: 'border-slate-600 bg-slate-900 text-slate-300' },
};

/** The practice protocol's success criteria, each with its verdict in words (colour only repeats it) and its figure. */
export function ReadinessChecklist({
  items,
  title = 'Readiness checklist',
}: {
  items: readonly (Omit<ReadinessItem, 'id'> & { id: string })[];
  title?: string;
}) {
  const met = items.filter((i) => i.status === 'met').length;
  return (
    <section aria-labelledby="readiness-heading" className="space-y-2">
      <h3 id="readiness-heading" className="text-base font-semibold">
        {title}
      </h3>
      <p className="text-xs text-slate-400">
        {met} of {items.length} criteria met. Each verdict comes from the recording; the figure says why.
      </p>
      <ul className="space-y-2">
        {items.map((item) => {
          const s = STATUS[item.status];
          return (
            <li
              key={item.id}
              className="rounded border border-slate-800 p-2 text-sm"
              data-testid={`readiness-${item.id}`}
              data-status={item.status}
            >
              <div className="flex items-start justify-between gap-2">
                <span className="font-medium">{item.label}</span>
                <span className={`shrink-0 rounded border px-2 text-xs ${s.className}`}>
                  <span aria-hidden>{s.mark} </span>
                  {s.text}
                </span>
              </div>
              <p className="mt-1 text-slate-300">{item.figure}</p>
              {item.rule && (
                <p className="mt-1 text-xs text-slate-400" data-testid="readiness-rule">
                  How it is counted: {item.rule}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
