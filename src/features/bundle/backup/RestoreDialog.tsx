/**
 * What a restore will do, before it does it: how many records are new, how many are already here, and
 * for each one that differs from what is here, the person's choice (keep both, replace, skip).
 */
import { useState } from 'react';
import type { RestoreChoice, RestoreItem } from '../../../core/backup/restoreChoices';

const CHOICE_LABEL: Record<RestoreChoice, string> = {
  'keep-both': 'Keep both',
  replace: 'Replace with the backup’s',
  skip: 'Skip (keep mine)',
};

export function RestoreDialog({
  items,
  onRestore,
  onCancel,
}: {
  items: RestoreItem[];
  onRestore: (choices: Map<string, RestoreChoice>) => void;
  onCancel: () => void;
}) {
  const conflicts = items.filter((i) => i.state === 'conflict');
  const [choices, setChoices] = useState(() => new Map(conflicts.map((c) => [c.key, 'skip' as RestoreChoice])));
  const count = (state: RestoreItem['state'], kind?: RestoreItem['kind']) =>
    items.filter((i) => i.state === state && (kind === undefined ? i.kind !== 'session' : i.kind === kind)).length;
  const applyToAll = (choice: RestoreChoice) =>
    setChoices(new Map(conflicts.map((c) => [c.key, c.choices.includes(choice) ? choice : 'skip'])));

  return (
    <div role="dialog" aria-labelledby="restore-title" className="mt-3 rounded-lg border border-sky-800 bg-slate-950 p-4">
      <h3 id="restore-title" className="mb-2 font-semibold">
        Restore this backup?
      </h3>
      <p className="text-sm text-slate-300" data-testid="restore-summary">
        {count('new', 'session')} new sessions and {count('new')} new records will be added. {count('same', 'session') + count('same')}{' '}
        already here unchanged will be left as they are.
      </p>
      {conflicts.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="mb-2 text-amber-200">
            {conflicts.length} differ from what is here. Choose for each (nothing is replaced unless you say so):
          </p>
          <label className="mb-2 flex items-center gap-2">
            For all
            <select className="input" defaultValue="" onChange={(e) => e.target.value && applyToAll(e.target.value as RestoreChoice)}>
              <option value="">—</option>
              {(['keep-both', 'replace', 'skip'] as const).map((c) => (
                <option key={c} value={c}>
                  {CHOICE_LABEL[c]}
                </option>
              ))}
            </select>
          </label>
          <ul className="grid max-h-64 gap-1 overflow-auto">
            {conflicts.map((c) => (
              <li key={c.key} className="flex flex-wrap items-center justify-between gap-2">
                <span>{c.label}</span>
                <select
                  className="input"
                  aria-label={`What to do with ${c.label}`}
                  value={choices.get(c.key)}
                  onChange={(e) => setChoices(new Map(choices).set(c.key, e.target.value as RestoreChoice))}
                >
                  {c.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {CHOICE_LABEL[choice]}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-3 flex gap-2">
        {/* Focus lands here: nothing differing is replaced unless chosen above, so Restore is safe to press. */}
        <button type="button" className="btn btn-primary" autoFocus onClick={() => onRestore(choices)}>
          Restore
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
