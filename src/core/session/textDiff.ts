import type { TextChange } from './types';

/**
 * The one change that turns `before` into `after` (common prefix and suffix kept): how a plain
 * textarea's edit becomes a log event. Null when nothing changed. A keystroke or paste gives the exact
 * edit; anything else a correct, if larger, replacement.
 */
export function diffAsChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const maxStart = Math.min(before.length, after.length);
  while (start < maxStart && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) };
}
