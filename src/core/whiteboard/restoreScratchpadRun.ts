/** A logged scratchpad run, restored from IndexedDB or a bundle: output capped, wrong types dropped. */
import { SCRATCHPAD_OUTPUT_LINES, type ScratchpadRunEvent } from '../session/types';

const MAX_LINE_CHARS = 500;

export function scratchpadOutput(lines: readonly string[]): string[] {
  return lines.slice(0, SCRATCHPAD_OUTPUT_LINES).map((l) => l.slice(0, MAX_LINE_CHARS));
}

export function restoreScratchpadRun(t: number, v: Record<string, unknown>): ScratchpadRunEvent | null {
  if (typeof v.outcome !== 'string' || !Array.isArray(v.output)) return null;
  return {
    t,
    type: 'scratchpad-run',
    outcome: v.outcome.slice(0, 40),
    output: scratchpadOutput(v.output.filter((l): l is string => typeof l === 'string')),
  };
}
