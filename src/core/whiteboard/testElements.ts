/** Small element factories for the whiteboard's unit tests and the seek benchmark. */
import type { BoardElement } from './types';

let counter = 0;

export function rect(id: string, x: number, y: number, version = 1, extra: Partial<BoardElement> = {}): BoardElement {
  return {
    id,
    type: 'rectangle',
    version,
    x,
    y,
    width: 120,
    height: 60,
    angle: 0,
    isDeleted: false,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    strokeWidth: 2,
    opacity: 100,
    index: `a${String(++counter).padStart(4, '0')}`,
    ...extra,
  };
}

export function arrow(id: string, from: [number, number], to: [number, number], version = 1): BoardElement {
  return {
    ...rect(id, from[0], from[1], version),
    type: 'arrow',
    width: to[0] - from[0],
    height: to[1] - from[1],
    points: [
      [0, 0],
      [to[0] - from[0], to[1] - from[1]],
    ],
    endArrowhead: 'arrow',
  };
}

export function text(id: string, x: number, y: number, value: string, version = 1): BoardElement {
  return { ...rect(id, x, y, version), type: 'text', text: value, fontSize: 20 };
}
