import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBoardReplay, sessionViewBox, type TimedBoardChange } from './boardReplay';
import { rect, arrow } from './testElements';
import type { BoardElement } from './types';

describe('createBoardReplay', () => {
  const a = rect('a', 0, 0, 1);
  const b = rect('b', 200, 0, 1);
  const link = arrow('ab', [120, 30], [200, 30]);
  const changes: TimedBoardChange[] = [
    { t: 0, elements: [], full: true },
    { t: 1_000, elements: [a] },
    { t: 2_000, elements: [b] },
    { t: 3_000, elements: [link] },
    { t: 4_000, elements: [{ ...a, x: 10, version: 2 }] },
    { t: 5_000, elements: [{ ...b, version: 2, isDeleted: true }] },
  ];

  it('shows the board as it was at each moment', () => {
    const replay = createBoardReplay(changes, 2);
    expect(replay.boardAt(-1)).toEqual([]);
    expect(replay.boardAt(999)).toEqual([]);
    expect(replay.boardAt(1_000).map((e) => e.id)).toEqual(['a']);
    expect(replay.boardAt(1_500).map((e) => e.id)).toEqual(['a']);
    expect(replay.boardAt(3_000).map((e) => e.id)).toEqual(['a', 'b', 'ab']);
    expect(replay.boardAt(4_000).find((e) => e.id === 'a')!.x).toBe(10);
    expect(replay.boardAt(Infinity).map((e) => e.id)).toEqual(['a', 'ab']);
  });

  it('starts over at a full board (a resumed session)', () => {
    const replay = createBoardReplay([...changes, { t: 6_000, elements: [b], full: true }], 3);
    expect(replay.boardAt(6_000).map((e) => e.id)).toEqual(['b']);
    expect(replay.versionAt(5_999)).toBe(6);
    expect(replay.versionAt(6_000)).toBe(7);
  });

  it('[model] agrees with replaying every change from the start, at any checkpoint interval', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const change = fc.record({
      dt: fc.integer({ min: 0, max: 5 }),
      full: fc.boolean(),
      edits: fc.array(fc.record({ id: fc.constantFrom(...ids), x: fc.integer({ min: -50, max: 50 }), deleted: fc.boolean() }), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: -1, max: 120 }),
        (steps, every, at) => {
          let t = 0;
          let version = 0;
          const timed: TimedBoardChange[] = steps.map((s) => {
            t += s.dt;
            const elements = s.edits.map((e) => rect(e.id, e.x, 0, ++version, { isDeleted: e.deleted, index: e.id }));
            return s.full ? { t, elements, full: true } : { t, elements };
          });
          let model = new Map<string, BoardElement>();
          for (const c of timed) {
            if (c.t > at) break;
            if (c.full) model = new Map();
            for (const e of c.elements) model.set(e.id, e);
          }
          const expected = [...model.values()].filter((e) => !e.isDeleted).sort((x, y) => x.id.localeCompare(y.id));
          expect(createBoardReplay(timed, every).boardAt(at)).toEqual(expected);
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});

describe('sessionViewBox', () => {
  it('frames everything the session ever drew, erased boxes included, at one zoom', () => {
    const a = rect('a', 0, 0, 1);
    const far = rect('far', 1000, 500, 1);
    const replay = createBoardReplay([
      { t: 0, elements: [], full: true },
      { t: 10, elements: [a] },
      { t: 20, elements: [far] },
      { t: 30, elements: [{ ...far, version: 2, isDeleted: true }] },
    ]);
    const [x, y, w, h] = sessionViewBox(replay);
    // Wider than the final board (only `a`), reaching the erased box.
    expect(x).toBeLessThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(0);
    expect(x + w).toBeGreaterThanOrEqual(1000 + far.width);
    expect(y + h).toBeGreaterThanOrEqual(500 + far.height);
  });

  it('is the empty board frame when nothing was drawn', () => {
    expect(sessionViewBox(createBoardReplay([]))).toEqual([0, 0, 400, 300]);
  });
});
