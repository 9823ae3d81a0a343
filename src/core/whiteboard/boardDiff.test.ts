import { describe, expect, it } from 'vitest';
import { BoardDiffer } from './boardDiff';
import { rect } from './testElements';

describe('BoardDiffer', () => {
  it('logs the whole board first, then only what changed', () => {
    const differ = new BoardDiffer();
    const a = rect('a', 0, 0, 1);
    const b = rect('b', 0, 100, 1);
    expect(differ.full([a])).toEqual({ elements: [a], full: true });
    expect(differ.diff([a])).toBeNull();
    expect(differ.diff([a, b])).toEqual({ elements: [b] });
    const moved = { ...a, x: 50, version: 2 };
    expect(differ.diff([moved, b])).toEqual({ elements: [moved] });
  });

  it('logs a deletion as a stub with the flag, and ignores something deleted before it was logged', () => {
    const differ = new BoardDiffer();
    const a = rect('a', 0, 0, 1);
    differ.full([a]);
    const change = differ.diff([{ ...a, version: 2, isDeleted: true }, rect('ghost', 0, 0, 3, { isDeleted: true })])!;
    expect(change.elements).toHaveLength(1);
    expect(change.elements[0]).toMatchObject({ id: 'a', isDeleted: true, version: 2 });
  });

  it('leaves deleted elements out of a full board and skips elements it cannot restore', () => {
    const differ = new BoardDiffer();
    expect(differ.full([rect('a', 0, 0, 1, { isDeleted: true }), { id: 'x', type: 'image' }]).elements).toEqual([]);
    expect(differ.diff([{ id: 'x', type: 'image', version: 1 }])).toBeNull();
  });
});
