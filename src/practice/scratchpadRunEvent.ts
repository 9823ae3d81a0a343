import type { ScratchpadRunEvent } from '../core/session/types';
import { scratchpadOutput } from '../core/whiteboard/restoreScratchpadRun';
import type { RunResult } from '../runner/types';

/** A scratchpad run as the session log keeps it: its outcome and what it printed (capped), no test counts. */
export function scratchpadRunEventOf(result: RunResult): Omit<ScratchpadRunEvent, 't'> {
  const lines = result.console.map((l) => l.text);
  const problem = result.message ?? result.compileErrors[0]?.message ?? result.error?.message;
  if (result.outcome !== 'completed' && problem) lines.push(problem);
  return { type: 'scratchpad-run', outcome: result.outcome, output: scratchpadOutput(lines) };
}
