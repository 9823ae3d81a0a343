/**
 * The design workspace's whiteboard as the UI reads it: the practice engine's board (parts/board.ts owns
 * its draft `whiteboard.json`, the debounced autosave, the session log and New attempt's reset). A selector
 * hook over the engine's store, and the engine's actions under the names the components use.
 */
import { useStore } from 'zustand';
import { practice, type BoardView } from '../../practice';

const actions = {
  open: (problemId: string) => practice.openBoard(problemId),
  /** Excalidraw's onChange: its full element list (deleted ones included), from the canvas made for `generation`. */
  change: (elements: readonly unknown[], generation?: number) => practice.changeBoard(elements, generation),
  /** Log and save what is pending now (leaving the page). */
  flush: () => practice.flushBoard(),
  close: () => practice.closeBoard(),
};

export function useBoard<T>(selector: (s: BoardView) => T): T {
  return useStore(practice.store, (s) => selector(s.board));
}

/** The board now with the actions, for event handlers (no subscription). */
useBoard.getState = (): BoardView & typeof actions => ({ ...practice.state.board, ...actions });
