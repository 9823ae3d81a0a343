import { describe, expect, it } from 'vitest';
import { compareWithReference, firstDifference, hasReference } from './referenceFiles';

describe('compareWithReference', () => {
  it('pairs a single-file problem’s one file with the reference’s, whatever their names', () => {
    expect(compareWithReference({ 'solution.ts': 'x = 1\n' }, { 'solution.py': 'x = 2\n' })).toEqual([
      { path: 'solution.py', code: 'x = 1\n', reference: 'x = 2\n', status: 'changed' },
    ]);
  });

  it('lists every file of either side in tree order: changed, same, created by the candidate, missing from theirs', () => {
    const comparisons = compareWithReference(
      { 'chat/hub.ts': 'hub', 'chat/store.ts': 'store\r\n', 'chat/util.ts': 'mine', 'demo.ts': 'demo' },
      { 'chat/hub.ts': 'hub2', 'chat/store.ts': 'store\n', 'chat/typing.ts': 'typing', 'demo.ts': 'demo' },
    );
    expect(comparisons.map((c) => [c.path, c.status])).toEqual([
      ['chat/hub.ts', 'changed'],
      ['chat/store.ts', 'same'],
      ['chat/typing.ts', 'missing'],
      ['chat/util.ts', 'created'],
      ['demo.ts', 'same'],
    ]);
    expect(comparisons[2]).toMatchObject({ code: null, reference: 'typing' });
    expect(comparisons[3]).toMatchObject({ code: 'mine', reference: null });
    expect(firstDifference(comparisons)?.path).toBe('chat/hub.ts');
  });

  it('shows the first file when every file is the same', () => {
    const comparisons = compareWithReference({ 'a.ts': 'a', 'b.ts': 'b' }, { 'a.ts': 'a', 'b.ts': 'b' });
    expect(firstDifference(comparisons)?.path).toBe('a.ts');
    expect(firstDifference([])).toBeNull();
  });
});

describe('hasReference', () => {
  it('is false when every reference file is blank (a design problem has none)', () => {
    expect(hasReference({})).toBe(false);
    expect(hasReference({ 'solution.ts': '  \n' })).toBe(false);
    expect(hasReference({ 'solution.ts': 'export {}' })).toBe(true);
  });
});
