import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../core/session/editLog';
import { diffAsChange } from './textDiff';

describe('diffAsChange', () => {
  it('gives the minimal change for a keystroke, a deletion and a paste', () => {
    expect(diffAsChange('abc', 'abXc')).toEqual({ offset: 2, deleteCount: 0, insert: 'X' });
    expect(diffAsChange('abc', 'ac')).toEqual({ offset: 1, deleteCount: 1, insert: '' });
    expect(diffAsChange('aaa', 'aaaa')).toEqual({ offset: 3, deleteCount: 0, insert: 'a' });
    expect(diffAsChange('same', 'same')).toBeNull();
  });

  it('always reproduces the new text (random pairs)', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = () => Array.from({ length: rand(8) }, () => 'ab\n '[rand(4)]).join('');
    for (let i = 0; i < 500; i++) {
      const before = word() + word();
      const after = before.slice(0, rand(before.length + 1)) + word() + before.slice(rand(before.length + 1));
      const change = diffAsChange(before, after);
      expect(change ? applyChanges(before, [change]) : before).toBe(after);
    }
  });
});
