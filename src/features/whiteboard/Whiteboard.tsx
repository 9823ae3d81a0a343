/**
 * The design workspace's whiteboard: Excalidraw (boxes, arrows, text, freehand, select/move/delete,
 * undo/redo, zoom and its keyboard shortcuts), loaded only in design workspaces. What is drawn goes to
 * the practice engine's board, which autosaves it and logs it in the session.
 */
import './assetPath';
import '@excalidraw/excalidraw/index.css';
import { Excalidraw, restoreElements } from '@excalidraw/excalidraw';
import { useMemo } from 'react';
import { useBoard } from './boardStore';
import { useResolvedTheme } from '../theme';

// The UI we do not need for an interview board: no file menu (the board autosaves), no image tool
// (images are not kept), no collaboration.
const UI_OPTIONS = {
  canvasActions: {
    loadScene: false,
    saveToActiveFile: false,
    export: false as const,
    saveAsImage: false,
    toggleTheme: false,
    changeViewBackgroundColor: false,
    clearCanvas: true,
  },
  tools: { image: false },
};

export default function Whiteboard() {
  const loaded = useBoard((s) => s.loaded);
  const problemId = useBoard((s) => s.problemId);
  // A New attempt starts the board afresh: a new canvas, and the old one's late changes are dropped.
  const generation = useBoard((s) => s.generation);
  // Excalidraw's dark theme inverts the canvas as it draws it: the board's stored colours need no change.
  const theme = useResolvedTheme();
  // Only the elements Excalidraw starts with: afterwards it owns the scene and reports changes.
  const initialData = useMemo(
    () => ({
      elements: restoreElements(useBoard.getState().elements as never, null),
      appState: { viewBackgroundColor: '#ffffff' },
      scrollToContent: true,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [problemId, loaded, generation],
  );
  if (!loaded) return <p className="p-3 text-sm text-slate-400">Restoring your whiteboard…</p>;
  return (
    <div className="h-full w-full" data-testid="whiteboard-canvas">
      <Excalidraw
        key={`${problemId}:${generation}`}
        initialData={initialData}
        onChange={(elements) => useBoard.getState().change(elements, generation)}
        UIOptions={UI_OPTIONS}
        theme={theme}
      />
    </div>
  );
}
