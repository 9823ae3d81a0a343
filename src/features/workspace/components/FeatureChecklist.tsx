/**
 * A codebase problem's Requirement-2 features, chosen before Start: "Features you will attempt", one checkbox
 * each (two or three is the brief). The choice is kept with the problem (the engine's `chooseFeatures`) and
 * recorded with the session Start begins; while that session runs the choice is shown, not changed.
 */
import { useId } from 'react';
import type { Problem } from '../../../core/problems/types';
import { useRecorder } from '../../recording';
import { useWorkspace } from '../useWorkspace';

const NONE: readonly string[] = [];

function countNote(count: number): string {
  if (count === 0) return 'Pick two or three before Start; each is judged on its own.';
  if (count === 1) return 'One chosen: pick one or two more.';
  if (count <= 3) return `${count} chosen.`;
  return `${count} chosen: two or three is what fits in the session.`;
}

export function FeatureChecklist({ problem }: { problem: Problem }) {
  const chosen = useWorkspace((s) => s.practice?.features ?? NONE);
  const sessionRunning = useWorkspace((s) => !!s.clock && s.clock.finishedAt === null);
  const recording = useRecorder((s) => s.phase === 'recording');
  const locked = sessionRunning || recording;
  const noteId = useId();
  const features = problem.features ?? [];
  const toggle = (id: string, on: boolean) => useWorkspace.getState().chooseFeatures(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="mb-4 rounded border border-slate-700 p-3 text-sm" aria-describedby={noteId} data-testid="feature-checklist">
      <legend className="px-1 font-semibold">{locked ? 'Features you are attempting' : 'Features you will attempt'}</legend>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-x-3 gap-y-1">
        {features.map((f) => (
          <li key={f.id}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={chosen.includes(f.id)} disabled={locked} onChange={(e) => toggle(f.id, e.target.checked)} />
              {f.title}
            </label>
          </li>
        ))}
      </ul>
      <p id={noteId} className="mt-1 text-xs text-slate-400">
        {locked ? 'Chosen at Start: the results mark them, and the session records them.' : countNote(chosen.length)}
      </p>
    </fieldset>
  );
}
