/**
 * Where an edit landed in the text after it: the ranges its changes inserted, for highlighting "the current
 * edit" in the replay. An edit's offsets refer to the text before it (see `EditEvent`), so each change
 * moves by what the changes before it in the document added or removed.
 */
import type { TextChange } from '../session/types';

export interface TextRange {
  /** Offsets in the text after the edit (UTF-16 code units); `start === end` marks where text was deleted. */
  start: number;
  end: number;
}

export function editedRanges(changes: readonly TextChange[]): TextRange[] {
  const ordered = [...changes].sort((a, b) => a.offset - b.offset || a.deleteCount - b.deleteCount);
  const ranges: TextRange[] = [];
  let shift = 0;
  for (const change of ordered) {
    const start = change.offset + shift;
    ranges.push({ start, end: start + change.insert.length });
    shift += change.insert.length - change.deleteCount;
  }
  return ranges;
}
