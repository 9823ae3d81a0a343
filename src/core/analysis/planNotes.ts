/**
 * Reading the plan notes (notes.md): how many list items the candidate wrote down. The practice
 * protocol asks for edge cases as a list before any code, so the count of non-empty list items at the
 * first code edit is the measurable trace of "edge cases listed before coding".
 */

/** `- x`, `* x`, `+ x`, `1. x`, `1) x`, with any indentation (nested items count too). */
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
/** `---`, `* * *`, `___`: thematic breaks, which a bullet pattern would otherwise take for an item. */
const THEMATIC_BREAK = /^\s*([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s*(```|~~~)/;
/** A task-list box (`[ ]`, `[x]`) is not text: `- [ ]` alone is an empty item. */
const TASK_BOX = /^\[[ xX]\]\s*/;

/** Markdown list items with some text in them, outside code fences. */
export function countListItems(markdown: string): number {
  let inFence = false;
  let count = 0;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || THEMATIC_BREAK.test(line)) continue;
    const match = LIST_ITEM.exec(line);
    if (match && match[1]!.replace(TASK_BOX, '').trim() !== '') count++;
  }
  return count;
}
