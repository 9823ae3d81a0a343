/**
 * What a design session adds to its bundle (format version 2): `whiteboard.svg`, the final board drawn
 * from the log (report.md shows it beside the design facts: designReport.ts). Derived files: an importer
 * checks their checksum and never parses or renders them (the board itself travels in events.jsonl).
 */
import { strToU8 } from 'fflate';
import type { BoardEvent, SessionEvent } from '../session/types';
import type { BoardElement } from '../whiteboard/types';
import { createBoardReplay } from '../whiteboard/boardReplay';
import { boardToSvg } from '../whiteboard/boardShapes';

export const WHITEBOARD_FILE = 'whiteboard.svg';
/** Format 6: the final board as an Excalidraw scene, to open (and go on drawing) in Excalidraw itself. */
export const EXCALIDRAW_FILE = 'whiteboard.excalidraw';

export const boardEvents = (events: readonly SessionEvent[]) => events.filter((e): e is BoardEvent => e.type === 'board');

/**
 * The final board as an Excalidraw scene file. The elements carry the fields the log keeps; Excalidraw fills
 * in the rest with its defaults when it opens the file.
 */
function excalidrawScene(elements: readonly BoardElement[]): string {
  const scene = { type: 'excalidraw', version: 2, source: 'rehearse', elements, appState: { viewBackgroundColor: '#ffffff' }, files: {} };
  return JSON.stringify(scene, null, 2);
}

/** whiteboard.svg and whiteboard.excalidraw when the session has a board, else nothing. */
export function whiteboardFiles(events: readonly SessionEvent[]): Map<string, Uint8Array> {
  const changes = boardEvents(events);
  if (changes.length === 0) return new Map();
  const final = createBoardReplay(changes).boardAt(Infinity);
  return new Map([
    [WHITEBOARD_FILE, strToU8(boardToSvg(final))],
    [EXCALIDRAW_FILE, strToU8(excalidrawScene(final))],
  ]);
}
