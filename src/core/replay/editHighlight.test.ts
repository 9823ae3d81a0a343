import { describe, expect, it } from 'vitest';
import { applyChanges } from '../session/editLog';
import { editedRanges } from './editHighlight';

describe('editedRanges', () => {
  it('places each change’s inserted text in the text after the edit', () => {
    const before = 'let a = 1;\nlet b = 2;\n';
    const changes = [
      { offset: 15, deleteCount: 1, insert: 'bb' },
      { offset: 4, deleteCount: 1, insert: 'alpha' },
    ];
    const after = applyChanges(before, changes);
    const ranges = editedRanges(changes);
    expect(ranges.map((r) => after.slice(r.start, r.end))).toEqual(['alpha', 'bb']);
  });

  it('marks a deletion by an empty range where the text was', () => {
    expect(editedRanges([{ offset: 3, deleteCount: 4, insert: '' }])).toEqual([{ start: 3, end: 3 }]);
  });
});
