import { useState } from 'react';
import type { ScratchpadFill } from '../../../core/problems/clarifications';
import { fillScratchpadInput, scratchpadInputs } from '../../../core/problems/parseDesign';
import { useWorkspace } from '../useWorkspace';

/**
 * After an interviewer's answer is revealed: offers to put its figures into the scratchpad's matching
 * inputs (the edit goes through the editor, so the session log has it like any other).
 */
export function FillInputs({ fills }: { fills: readonly ScratchpadFill[] }) {
  const code = useWorkspace((s) => s.code);
  const [missing, setMissing] = useState<string | null>(null);
  if (fills.length === 0) return null;
  const current = new Map(scratchpadInputs(code).map((i) => [i.input, i.value]));
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      {fills.map((f) => {
        const filled = current.get(f.input) === f.value;
        return (
          <button
            key={f.input}
            type="button"
            className="btn text-xs"
            disabled={filled}
            onClick={() => {
              const next = fillScratchpadInput(useWorkspace.getState().code, f.input, f.value);
              if (next === null) setMissing(f.input);
              else {
                setMissing(null);
                useWorkspace.getState().setCode(next);
              }
            }}
          >
            {filled ? `${f.input} = ${f.value} ✓` : `Fill ${f.input} = ${f.value}`}
          </button>
        );
      })}
      {missing && (
        <p role="alert" className="w-full text-xs text-amber-300">
          The scratchpad has no input called {missing} any more; type the value where you need it.
        </p>
      )}
    </div>
  );
}
