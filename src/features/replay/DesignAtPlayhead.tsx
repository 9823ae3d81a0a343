/**
 * The middle of a design session's replay: the whiteboard at the play head (or the strong answer, to
 * compare), above the scratchpad and notes with the scratchpad's output at the play head.
 */
import { useMemo, useState } from 'react';
import type { ReferenceAnswer } from '../../core/problems/parseDesign';
import type { Replay } from '../../core/replay/replayModel';
import type { SessionEvent } from '../../core/session/types';
import { BoardAtPlayhead, boardReplayOf } from './BoardAtPlayhead';
import { CodeAtPlayhead } from './CodeAtPlayhead';
import type { PlaybackController } from './playbackController';
import { ScratchpadOutputAtPlayhead } from './ScratchpadOutputAtPlayhead';
import { StrongAnswerPanel } from './StrongAnswerPanel';

type Tab = 'board' | 'answer';

export function DesignAtPlayhead({
  replay,
  events,
  controller,
  referenceAnswer,
}: {
  replay: Replay;
  events: readonly SessionEvent[];
  controller: PlaybackController;
  referenceAnswer: ReferenceAnswer | null;
}) {
  const board = useMemo(() => boardReplayOf(events), [events]);
  const [tab, setTab] = useState<Tab>('board');
  return (
    <div className="grid min-h-0 grid-rows-[3fr_2fr]">
      <div className="flex min-h-0 flex-col border-t border-slate-800">
        {referenceAnswer && (
          <div role="tablist" aria-label="Board or strong answer" className="flex gap-1 px-2 pt-1">
            {(['board', 'answer'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                onClick={() => setTab(t)}
                className={`rounded-t px-3 py-1 text-sm ${tab === t ? 'bg-slate-800 text-slate-50' : 'text-slate-400 hover:text-slate-200'}`}
              >
                {t === 'board' ? 'Whiteboard' : 'Strong answer'}
              </button>
            ))}
          </div>
        )}
        <div className="min-h-0 flex-1">
          {tab === 'board' || !referenceAnswer ? (
            <BoardAtPlayhead board={board} controller={controller} />
          ) : (
            <StrongAnswerPanel answer={referenceAnswer} />
          )}
        </div>
      </div>
      <CodeAtPlayhead
        replay={replay}
        controller={controller}
        codeLabel="Scratchpad"
        results={<ScratchpadOutputAtPlayhead events={events} controller={controller} />}
      />
    </div>
  );
}
