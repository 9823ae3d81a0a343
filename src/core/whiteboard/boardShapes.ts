/**
 * The board as plain shapes (rectangles, ellipses, paths, text), for the replay's SVG view and the SVG
 * exported in a bundle. Simpler than Excalidraw's hand-drawn look, but every element is where it was, so
 * the diagram reads the same; and it needs neither Excalidraw nor the DOM. Colours are whitelisted, text is
 * escaped by whoever writes it out (React, or `boardToSvg`).
 */
import type { BoardElement } from './types';

interface ShapeBase {
  id: string;
  /** What the candidate drew (the element type), e.g. "rectangle" or "arrow". */
  element: BoardElement['type'];
  stroke: string;
  fill: string;
  strokeWidth: number;
  opacity: number;
  /** Rotation about the element's centre, degrees. */
  rotate: { deg: number; cx: number; cy: number } | null;
}

export type Shape =
  | (ShapeBase & { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number })
  | (ShapeBase & { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number })
  | (ShapeBase & { kind: 'path'; d: string })
  | (ShapeBase & { kind: 'text'; x: number; y: number; lines: string[]; fontSize: number; anchor: 'start' | 'middle' | 'end' });

export interface BoardPicture {
  shapes: Shape[];
  /** Bounds of everything drawn, with a margin: `minX minY width height`. */
  viewBox: [number, number, number, number];
}

const COLOUR = /^(#[0-9a-fA-F]{3,8}|transparent|[a-zA-Z]{3,20})$/;
const safeColour = (c: string, fallback: string) => (COLOUR.test(c) ? c : fallback);
const round = (n: number) => Math.round(n * 10) / 10;
const MARGIN = 20;

function base(e: BoardElement): ShapeBase {
  return {
    id: e.id,
    element: e.type,
    stroke: safeColour(e.strokeColor, '#1e1e1e'),
    fill: safeColour(e.backgroundColor, 'transparent') === 'transparent' ? 'none' : safeColour(e.backgroundColor, 'none'),
    strokeWidth: e.strokeWidth,
    opacity: e.opacity / 100,
    rotate: e.angle ? { deg: round((e.angle * 180) / Math.PI), cx: round(e.x + e.width / 2), cy: round(e.y + e.height / 2) } : null,
  };
}

function pointsOf(e: BoardElement): [number, number][] {
  return Array.isArray(e.points) ? (e.points as [number, number][]) : [];
}

function polyline(points: readonly [number, number][], dx: number, dy: number): string {
  return points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${round(px + dx)} ${round(py + dy)}`).join(' ');
}

/** Two short strokes at the arrow's last point, along its last segment. */
function arrowhead(points: readonly [number, number][], dx: number, dy: number): string {
  if (points.length < 2) return '';
  const [x1, y1] = points[points.length - 2]!;
  const [x2, y2] = points[points.length - 1]!;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const size = 12;
  const wing = (side: number) => {
    const a = angle + Math.PI + (side * Math.PI) / 7;
    return `M${round(x2 + dx)} ${round(y2 + dy)} L${round(x2 + dx + size * Math.cos(a))} ${round(y2 + dy + size * Math.sin(a))}`;
  };
  return ` ${wing(1)} ${wing(-1)}`;
}

export function shapeOf(e: BoardElement): Shape | null {
  const b = base(e);
  switch (e.type) {
    case 'rectangle':
      return {
        ...b,
        kind: 'rect',
        x: round(e.x),
        y: round(e.y),
        width: round(Math.abs(e.width)),
        height: round(Math.abs(e.height)),
        rx: e.roundness ? 8 : 0,
      };
    case 'ellipse':
      return {
        ...b,
        kind: 'ellipse',
        cx: round(e.x + e.width / 2),
        cy: round(e.y + e.height / 2),
        rx: round(Math.abs(e.width) / 2),
        ry: round(Math.abs(e.height) / 2),
      };
    case 'diamond': {
      const [x, y, w, h] = [e.x, e.y, e.width, e.height];
      const d = `M${round(x + w / 2)} ${round(y)} L${round(x + w)} ${round(y + h / 2)} L${round(x + w / 2)} ${round(y + h)} L${round(x)} ${round(y + h / 2)} Z`;
      return { ...b, kind: 'path', d };
    }
    case 'line':
    case 'freedraw':
    case 'arrow': {
      const points = pointsOf(e);
      if (points.length === 0) return null;
      const head = e.type === 'arrow' && e.endArrowhead !== null ? arrowhead(points, e.x, e.y) : '';
      return { ...b, kind: 'path', d: polyline(points, e.x, e.y) + head, fill: 'none' };
    }
    case 'text': {
      const fontSize = typeof e.fontSize === 'number' && e.fontSize > 0 ? e.fontSize : 20;
      const align = e.textAlign === 'center' ? 'middle' : e.textAlign === 'right' ? 'end' : 'start';
      const x = align === 'middle' ? e.x + e.width / 2 : align === 'end' ? e.x + e.width : e.x;
      return {
        ...b,
        kind: 'text',
        x: round(x),
        y: round(e.y + fontSize),
        lines: String(e.text ?? '').split('\n'),
        fontSize,
        anchor: align,
        fill: b.stroke,
      };
    }
  }
}

export function boardPicture(elements: readonly BoardElement[]): BoardPicture {
  const shapes: Shape[] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const e of elements) {
    if (e.isDeleted) continue;
    const shape = shapeOf(e);
    if (!shape) continue;
    shapes.push(shape);
    const xs = [e.x, e.x + e.width];
    const ys = [e.y, e.y + e.height];
    for (const [px, py] of pointsOf(e)) {
      xs.push(e.x + px);
      ys.push(e.y + py);
    }
    minX = Math.min(minX, ...xs);
    minY = Math.min(minY, ...ys);
    maxX = Math.max(maxX, ...xs);
    maxY = Math.max(maxY, ...ys);
  }
  if (shapes.length === 0) return { shapes, viewBox: [0, 0, 400, 300] };
  return {
    shapes,
    viewBox: [round(minX - MARGIN), round(minY - MARGIN), round(maxX - minX + 2 * MARGIN), round(maxY - minY + 2 * MARGIN)],
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function common(s: Shape): string {
  const rotate = s.rotate ? ` transform="rotate(${s.rotate.deg} ${s.rotate.cx} ${s.rotate.cy})"` : '';
  return `stroke="${s.kind === 'text' ? 'none' : s.stroke}" fill="${s.fill}" stroke-width="${s.strokeWidth}" opacity="${s.opacity}"${rotate} data-element="${s.element}"`;
}

function shapeToSvg(s: Shape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" rx="${s.rx}" ${common(s)}/>`;
    case 'ellipse':
      return `<ellipse cx="${s.cx}" cy="${s.cy}" rx="${s.rx}" ry="${s.ry}" ${common(s)}/>`;
    case 'path':
      return `<path d="${s.d}" stroke-linecap="round" stroke-linejoin="round" ${common(s)}/>`;
    case 'text': {
      const tspans = s.lines
        .map((line, i) => `<tspan x="${s.x}" dy="${i === 0 ? 0 : round(s.fontSize * 1.25)}">${escapeXml(line)}</tspan>`)
        .join('');
      return `<text x="${s.x}" y="${s.y}" font-size="${s.fontSize}" font-family="sans-serif" text-anchor="${s.anchor}" ${common(s)}>${tspans}</text>`;
    }
  }
}

/** A standalone SVG document of the board (the bundle's whiteboard.svg). */
export function boardToSvg(elements: readonly BoardElement[]): string {
  const { shapes, viewBox } = boardPicture(elements);
  const [x, y, w, h] = viewBox;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}">`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>`,
    ...shapes.map(shapeToSvg),
    '</svg>',
    '',
  ].join('\n');
}
