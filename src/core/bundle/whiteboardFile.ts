/**
 * What a design session adds to its bundle (format version 2): `whiteboard.svg`, the final board drawn
 * from the log (report.md shows it beside the design facts: designReport.ts). Derived files: an importer
 * checks their checksum and never parses or renders them (the board itself travels in events.jsonl).
 */
import { strToU8 } from 'fflate';
import type { BoardEvent, SessionEvent } from '../session/types';
import { createBoardReplay } from '../whiteboard/boardReplay';
import { boardToSvg } from '../whiteboard/boardShapes';

export const WHITEBOARD_FILE = 'whiteboard.svg';

export const boardEvents = (events: readonly SessionEvent[]) => events.filter((e): e is BoardEvent => e.type === 'board');

/** whiteboard.svg when the session has a board, else nothing. */
export function whiteboardFiles(events: readonly SessionEvent[]): Map<string, Uint8Array> {
  const changes = boardEvents(events);
  if (changes.length === 0) return new Map();
  return new Map([[WHITEBOARD_FILE, strToU8(boardToSvg(createBoardReplay(changes).boardAt(Infinity)))]]);
}
