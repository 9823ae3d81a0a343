/**
 * The whiteboard as it was at the play head, drawn as SVG from the logged board changes (no Excalidraw on
 * this page). The board is recomputed only when a board change is crossed, from the checkpointed index
 * (core/whiteboard/boardReplay.ts), so it follows the audio as closely as the code does. It is drawn in one
 * frame for the whole session (sessionViewBox), inside its pane.
 */
import { useMemo } from 'react';
import { boardPicture, type Shape } from '../../core/whiteboard/boardShapes';
import { createBoardReplay, sessionViewBox, type BoardReplay } from '../../core/whiteboard/boardReplay';
import type { BoardEvent, SessionEvent } from '../../core/session/types';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

export function boardReplayOf(events: readonly SessionEvent[]): BoardReplay {
  return createBoardReplay(events.filter((e): e is BoardEvent => e.type === 'board'));
}

function ShapeView({ shape }: { shape: Shape }) {
  const common = {
    stroke: shape.kind === 'text' ? 'none' : shape.stroke,
    fill: shape.fill,
    strokeWidth: shape.strokeWidth,
    opacity: shape.opacity,
    transform: shape.rotate ? `rotate(${shape.rotate.deg} ${shape.rotate.cx} ${shape.rotate.cy})` : undefined,
    'data-element': shape.element,
  };
  switch (shape.kind) {
    case 'rect':
      return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.rx} {...common} />;
    case 'ellipse':
      return <ellipse cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} {...common} />;
    case 'path':
      return <path d={shape.d} strokeLinecap="round" strokeLinejoin="round" {...common} />;
    case 'text':
      return (
        <text x={shape.x} y={shape.y} fontSize={shape.fontSize} fontFamily="sans-serif" textAnchor={shape.anchor} {...common}>
          {shape.lines.map((line, i) => (
            <tspan key={i} x={shape.x} dy={i === 0 ? 0 : shape.fontSize * 1.25}>
              {line}
            </tspan>
          ))}
        </text>
      );
  }
}

export function BoardAtPlayhead({ board, controller }: { board: BoardReplay; controller: PlaybackController }) {
  const version = usePlaybackState(controller, (s) => board.versionAt(s.playheadMs));
  // The board depends only on how many board changes have happened by the play head.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the trigger: recompute per board change, not per playhead tick
  const picture = useMemo(() => boardPicture(board.boardAt(controller.store.getState().playheadMs)), [board, controller, version]);
  // One frame for the whole session: the same zoom at every seek (nothing jumps when a box is drawn).
  const [x, y, w, h] = useMemo(() => sessionViewBox(board), [board]);
  return (
    <section
      role="region"
      aria-label="Whiteboard at the play head"
      // The drawing stays inside its pane: never over the code, the notes or the timeline.
      className="flex min-h-0 flex-col overflow-hidden bg-white"
      data-shapes={picture.shapes.length}
      data-board-version={version}
    >
      {board.times.length === 0 ? (
        <p className="p-3 text-sm text-slate-600">Nothing was drawn on the whiteboard in this session.</p>
      ) : (
        <svg
          viewBox={`${x} ${y} ${w} ${h}`}
          className="min-h-0 w-full flex-1"
          preserveAspectRatio="xMidYMid meet"
          role="img"
          aria-label={`The whiteboard: ${picture.shapes.length} elements`}
        >
          {picture.shapes.map((shape) => (
            <ShapeView key={shape.id} shape={shape} />
          ))}
        </svg>
      )}
    </section>
  );
}
