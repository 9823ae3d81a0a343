import type { Learnings } from '../../core/review/types';

const FIELDS: readonly { field: keyof Learnings; label: string; hint: string }[] = [
  { field: 'wentWell', label: 'What went well', hint: 'Keep doing these.' },
  { field: 'improve', label: 'What to improve', hint: 'The moments in the replay you would do differently.' },
  {
    field: 'actions',
    label: 'Actions for next time',
    hint: 'Specific steps. They are shown when your next session on this protocol starts.',
  },
];

/** Learnings: what went well, what to improve, and the actions carried to the next session. */
export function LearningsForm({ learnings, onChange }: { learnings: Learnings; onChange(field: keyof Learnings, value: string): void }) {
  return (
    <section aria-labelledby="learnings-heading" className="space-y-3">
      <h3 id="learnings-heading" className="text-base font-semibold">
        Learnings
      </h3>
      {FIELDS.map(({ field, label, hint }) => (
        <label key={field} className="block space-y-1 text-sm">
          <span className="font-medium">{label}</span>
          <span className="block text-xs text-slate-400">{hint}</span>
          <textarea className="input w-full text-sm" rows={3} value={learnings[field]} onChange={(e) => onChange(field, e.target.value)} />
        </label>
      ))}
    </section>
  );
}
