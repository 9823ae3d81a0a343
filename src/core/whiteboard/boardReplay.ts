/**
 * The board at any moment of a session, from the board events of its log. Building it indexes the log
 * once: a copy of the board every `checkpointEvery` events, so a seek copies one checkpoint and applies
 * at most that many events (bench/seek.ts measures it on 2,000 changes). Pure.
 */
import type { BoardChange, BoardElement } from './types';
import { boardPicture } from './boardShapes';

export interface TimedBoardChange extends BoardChange {
  t: number;
}

export interface BoardReplay {
  /** Session times of the board events, ascending. */
  times: readonly number[];
  /** The elements shown at `atMs` (deleted ones left out), in z-order. */
  boardAt(atMs: number): BoardElement[];
  /** How many board events happened by `atMs`: the board changes only when this does. */
  versionAt(atMs: number): number;
}

type Board = Map<string, BoardElement>;

function apply(board: Board, change: BoardChange): Board {
  const next = change.full ? new Map<string, BoardElement>() : board;
  for (const e of change.elements) next.set(e.id, e);
  return next;
}

/** Excalidraw's fractional indices compare as plain strings; elements without one keep their order. */
function inZOrder(board: Board): BoardElement[] {
  const visible = [...board.values()].filter((e) => !e.isDeleted);
  if (visible.every((e) => typeof e.index === 'string')) {
    return visible.sort((a, b) => (a.index! < b.index! ? -1 : a.index! > b.index! ? 1 : 0));
  }
  return visible;
}

/** Index of the last time ≤ atMs, or -1 (binary search). */
function lastAtOrBefore(times: readonly number[], atMs: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= atMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function createBoardReplay(changes: readonly TimedBoardChange[], checkpointEvery = 50): BoardReplay {
  const sorted = [...changes].sort((a, b) => a.t - b.t);
  const times = sorted.map((c) => c.t);
  /** checkpoints[k]: the board after event k * checkpointEvery - 1 (checkpoints[0]: empty). */
  const checkpoints: Board[] = [new Map()];
  let board: Board = new Map();
  sorted.forEach((change, i) => {
    board = apply(board, change);
    if ((i + 1) % checkpointEvery === 0) checkpoints.push(new Map(board));
  });

  return {
    times,
    boardAt(atMs) {
      const last = lastAtOrBefore(times, atMs);
      const k = Math.floor((last + 1) / checkpointEvery);
      let at: Board = new Map(checkpoints[k]!);
      for (let i = k * checkpointEvery; i <= last; i++) at = apply(at, sorted[i]!);
      return inZOrder(at);
    },
    versionAt(atMs) {
      return lastAtOrBefore(times, atMs) + 1;
    },
  };
}

/** The most board states `sessionViewBox` looks at: a long session is sampled evenly, its last state always. */
const VIEWBOX_SAMPLES = 400;

/**
 * One frame for the whole session: the union of the board's extent at every board change (sampled evenly in
 * a very long session, the final board always included). A replay drawn in it keeps one zoom at every seek,
 * so a box never jumps or rescales because another was drawn or erased.
 */
export function sessionViewBox(replay: BoardReplay): [number, number, number, number] {
  const { times } = replay;
  if (times.length === 0) return boardPicture([]).viewBox;
  const step = Math.max(1, Math.ceil(times.length / VIEWBOX_SAMPLES));
  const at = times.filter((_, i) => i % step === 0 || i === times.length - 1);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const t of at) {
    const picture = boardPicture(replay.boardAt(t));
    if (picture.shapes.length === 0) continue;
    const [x, y, w, h] = picture.viewBox;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  }
  return minX === Infinity ? boardPicture([]).viewBox : [minX, minY, maxX - minX, maxY - minY];
}
