/**
 * The whiteboard as Rehearse keeps it: a list of drawing elements in the shape Excalidraw uses (so the
 * workspace can hand them back to it), restricted to the fields that draw something (restoreBoard.ts).
 * Pure types: the replay, the facts and the bundle read them without loading Excalidraw.
 */

/** The element kinds the board keeps; anything else (images, embeds, frames) is dropped on restore. */
export const BOARD_ELEMENT_TYPES = ['rectangle', 'ellipse', 'diamond', 'arrow', 'line', 'freedraw', 'text'] as const;
export type BoardElementType = (typeof BOARD_ELEMENT_TYPES)[number];

export interface BoardBinding {
  elementId: string;
  focus: number;
  gap: number;
}

/** One element: the common fields are required, the rest only for the kinds that have them. */
export interface BoardElement {
  id: string;
  type: BoardElementType;
  /** Excalidraw raises it on every change of the element: the diff compares it. */
  version: number;
  x: number;
  y: number;
  width: number;
  height: number;
  angle: number;
  isDeleted: boolean;
  strokeColor: string;
  backgroundColor: string;
  strokeWidth: number;
  opacity: number;
  /** Fractional z-order index (compares as a string); null in very old scenes. */
  index: string | null;
  [field: string]: unknown;
}

/**
 * One change of the board in the session log. `elements`: every element added or changed since the
 * previous board event, in full (a deleted one with isDeleted true). `full`: this event is the whole board
 * (at the start of a session and after a resume), so a replay can start over from it.
 */
export interface BoardChange {
  elements: BoardElement[];
  full?: true;
}

/** The draft file the workspace autosaves the board to (storage key `<problem>/whiteboard.json`). */
export interface BoardDraft {
  format: 'rehearse-whiteboard';
  version: 1;
  elements: BoardElement[];
}
