import { describe, expect, it } from 'vitest';
import {
  MAX_TEXT_CHARS,
  parseBoardDraft,
  restoreBoardChange,
  restoreBoardElement,
  restoreBoardElements,
  serialiseBoardDraft,
} from './restoreBoard';
import { arrow, rect, text } from './testElements';

describe('restoreBoardElement', () => {
  it('keeps a well-formed rectangle as it is', () => {
    const r = rect('r1', 10, 20, 3);
    expect(restoreBoardElement(r)).toEqual(r);
  });

  it('drops unknown kinds, missing ids, bad versions and non-numeric coordinates', () => {
    expect(restoreBoardElement({ ...rect('a', 0, 0), type: 'image' })).toBeNull();
    expect(restoreBoardElement({ ...rect('a', 0, 0), id: '' })).toBeNull();
    expect(restoreBoardElement({ ...rect('a', 0, 0), version: 1.5 })).toBeNull();
    expect(restoreBoardElement({ ...rect('a', 0, 0), x: 'left' })).toBeNull();
    expect(restoreBoardElement({ ...rect('a', 0, 0), y: Infinity })).toBeNull();
    expect(restoreBoardElement(null)).toBeNull();
    expect(restoreBoardElement([rect('a', 0, 0)])).toBeNull();
  });

  it('drops fields it does not know and trims oversized text', () => {
    const restored = restoreBoardElement({
      ...text('t', 0, 0, 'x'.repeat(MAX_TEXT_CHARS + 5)),
      onclick: 'alert(1)',
      customData: { a: 1 },
    })!;
    expect(restored).not.toHaveProperty('onclick');
    expect(restored).not.toHaveProperty('customData');
    expect((restored.text as string).length).toBe(MAX_TEXT_CHARS);
  });

  it('drops a line without valid points, and a text element without text', () => {
    expect(
      restoreBoardElement({
        ...arrow('a', [0, 0], [10, 10]),
        points: [
          [0, 0],
          ['x', 1],
        ],
      }),
    ).toBeNull();
    expect(restoreBoardElement({ ...arrow('a', [0, 0], [10, 10]), points: undefined })).toBeNull();
    expect(restoreBoardElement({ ...text('t', 0, 0, 'hi'), text: 5 })).toBeNull();
  });

  it('reads the same after a trip through JSON (no -0 anywhere)', () => {
    const a = {
      ...arrow('a', [0, 0], [10, 10]),
      x: -0,
      points: [
        [-0, 0],
        [10, -0],
      ],
      startBinding: { elementId: 'r', focus: -0, gap: 1 },
    };
    const restored = restoreBoardElement(a)!;
    expect(JSON.parse(JSON.stringify(restored))).toEqual(restored);
    expect(Object.is(restored.x, -0)).toBe(false);
  });

  it('keeps bindings with their element id and replaces a broken one by null', () => {
    const a = { ...arrow('a', [0, 0], [10, 10]), startBinding: { elementId: 'r1', focus: 0.1, gap: 4, extra: 1 }, endBinding: 'nonsense' };
    const restored = restoreBoardElement(a)!;
    expect(restored.startBinding).toEqual({ elementId: 'r1', focus: 0.1, gap: 4 });
    expect(restored.endBinding).toBeNull();
  });
});

describe('restoreBoardElements and drafts', () => {
  it('keeps one element per id (the last) and skips broken ones', () => {
    const list = restoreBoardElements([rect('a', 0, 0, 1), { id: 'bad' }, rect('a', 5, 5, 2), rect('b', 1, 1)]);
    expect(list.map((e) => [e.id, e.version])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(restoreBoardElements('not a list')).toEqual([]);
  });

  it('round-trips a draft and rejects text that is not one', () => {
    const elements = [rect('a', 0, 0), arrow('b', [0, 0], [40, 0])];
    expect(parseBoardDraft(serialiseBoardDraft(elements))!.elements).toEqual(elements);
    expect(parseBoardDraft('{')).toBeNull();
    expect(parseBoardDraft(JSON.stringify({ format: 'rehearse-whiteboard', version: 2, elements }))).toBeNull();
    expect(parseBoardDraft(JSON.stringify({ elements }))).toBeNull();
  });

  it('restores a board change: an empty change is nothing, an empty full board is a cleared board', () => {
    expect(restoreBoardChange({ elements: [] })).toBeNull();
    expect(restoreBoardChange({ elements: [], full: true })).toEqual({ elements: [], full: true });
    expect(restoreBoardChange({ elements: 'x' })).toBeNull();
    const a = rect('a', 0, 0);
    expect(restoreBoardChange({ elements: [a] })).toEqual({ elements: [a] });
  });
});
