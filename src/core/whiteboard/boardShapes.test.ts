import { describe, expect, it } from 'vitest';
import { boardPicture, boardToSvg, shapeOf } from './boardShapes';
import { arrow, rect, text } from './testElements';

describe('boardPicture', () => {
  it('draws each element kind as a shape and frames them all', () => {
    const picture = boardPicture([rect('a', 0, 0), arrow('b', [120, 30], [300, 30]), text('c', 10, 10, 'API')]);
    expect(picture.shapes.map((s) => [s.element, s.kind])).toEqual([
      ['rectangle', 'rect'],
      ['arrow', 'path'],
      ['text', 'text'],
    ]);
    // The text (y 10, 60 high) reaches lowest: 70 + margins.
    expect(picture.viewBox).toEqual([-20, -20, 340, 110]);
  });

  it('leaves deleted elements out and gives an empty board a default frame', () => {
    expect(boardPicture([rect('a', 0, 0, 1, { isDeleted: true })])).toEqual({ shapes: [], viewBox: [0, 0, 400, 300] });
  });

  it('puts an arrowhead on an arrow but not on a plain line', () => {
    const withHead = shapeOf(arrow('a', [0, 0], [100, 0]))!;
    const line = shapeOf({ ...arrow('l', [0, 0], [100, 0]), type: 'line' })!;
    expect(withHead.kind === 'path' && withHead.d.split('M').length).toBe(4);
    expect(line.kind === 'path' && line.d.split('M').length).toBe(2);
  });

  it('never lets a colour carry anything but a colour', () => {
    const shape = shapeOf(rect('a', 0, 0, 1, { strokeColor: 'url(javascript:alert(1))', backgroundColor: '"/><script>' }))!;
    expect(shape.stroke).toBe('#1e1e1e');
    expect(shape.fill).toBe('none');
  });
});

describe('boardToSvg', () => {
  it('escapes text so a label can never become markup', () => {
    const svg = boardToSvg([text('t', 0, 0, '<script>alert("x")</script> & co')]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });

  it('writes one element per shape, labelled with what was drawn', () => {
    const svg = boardToSvg([rect('a', 0, 0), rect('b', 200, 0), arrow('c', [120, 30], [200, 30])]);
    expect(svg.match(/data-element="rectangle"/g)).toHaveLength(2);
    expect(svg.match(/data-element="arrow"/g)).toHaveLength(1);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
