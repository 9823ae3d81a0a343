/**
 * Replay and review of one session: the audio with its waveform and a timeline of what happened, the code
 * exactly as it was at the play head with the results of the last run before it, and the review beside it.
 */
import { DEFAULT_LANGUAGE, languageOr, languageSpec } from '../../core/languages/registry';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { formatClock } from '../../core/timer/phaseClock';
import { ExportButton } from '../bundle';
import { ReviewPanel } from '../review';
import { AudioRow } from './AudioRow';
import { CodeAtPlayhead } from './CodeAtPlayhead';
import { CompareWithReference } from './CompareWithReference';
import { DesignAtPlayhead } from './DesignAtPlayhead';
import { isDesignSession } from '../../core/analysis/designFacts';
import type { PlaybackController } from './playbackController';
import { PlayerControls } from './PlayerControls';
import { ReplayHeader } from './ReplayHeader';
import { RequestsAtPlayhead } from './RequestsAtPlayhead';
import { Timeline } from './Timeline';
import { usePlaybackController } from './usePlayback';
import { useReplayData, type ReplayData } from './useReplayData';
import { useReplayShortcuts } from './useReplayShortcuts';

const AUDIO_OFF: Record<string, string> = {
  denied: 'No audio: the microphone was blocked for this session.',
  'no-device': 'No audio: no microphone was found for this session.',
  unsupported: 'No audio: this browser could not record.',
  quota: 'No audio: storage was full.',
};

/** The play head on the player region (`data-playhead-ms`), updated without re-rendering React on every frame. */
function usePlayheadAttribute(controller: PlaybackController) {
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const write = (ms: number) => ref.current?.setAttribute('data-playhead-ms', String(ms));
    write(controller.store.getState().playheadMs);
    return controller.store.subscribe((s) => write(s.playheadMs));
  }, [controller]);
  return ref;
}

const NO_REFERENCE: Readonly<Record<string, string>> = {};

function Replay({ data }: { data: ReplayData }) {
  const { session, events, replay, problem, problemError, segments } = data;
  const { timeline } = replay;
  const controller = usePlaybackController(
    timeline.durationMs,
    segments.map((s) => s.span),
  );
  useReplayShortcuts(controller, timeline);
  const playerRef = usePlayheadAttribute(controller);
  /** When the reference diff was opened on this page: the review records the first time (protocol step 2). */
  const [comparedAt, setComparedAt] = useState<number | null>(null);
  const title = problem?.title ?? session.problemId;

  useEffect(() => {
    document.title = `Replay: ${title} · Rehearse`;
  }, [title]);

  const audioNote = session.audio?.segments.length
    ? 'The audio of this session could not be read.'
    : (AUDIO_OFF[session.audioOffReason ?? ''] ?? 'No audio was recorded in this session.');

  const codeAtCompare = () => {
    const at = controller.store.getState().playheadMs;
    const atEnd = at <= 0 || at >= timeline.durationMs;
    return {
      code: replay.codeAt(atEnd ? Infinity : at),
      what: atEnd ? 'your final code' : `your code at ${formatClock(at)}`,
    };
  };

  return (
    <div className="flex h-screen flex-col">
      <ReplayHeader
        session={session}
        title={title}
        durationMs={timeline.durationMs}
        actions={
          <>
            {problem?.kind === 'coding' && (
              <CompareWithReference
                reference={problem.code[languageOr(session.language)]?.reference ?? NO_REFERENCE}
                language={session.language ?? 'typescript'}
                getCode={() => codeAtCompare().code}
                describeCode={() => codeAtCompare().what}
                onOpen={() => setComparedAt(Date.now())}
              />
            )}
            <ExportButton sessionId={session.id} />
          </>
        }
      />
      {problemError && (
        <p className="border-b border-slate-800 bg-amber-950/40 px-4 py-1 text-sm text-amber-200" role="note">
          {problemError} The recording still replays.
        </p>
      )}
      <div className="grid min-h-0 flex-1 grid-cols-[1fr_minmax(20rem,26rem)]">
        <main className="grid min-h-0 grid-rows-[auto_1fr]">
          <section ref={playerRef} aria-label="Player" className="space-y-2 px-4 py-3" data-player>
            <PlayerControls controller={controller} clockOnly={segments.length === 0} />
            <Timeline
              timeline={timeline}
              controller={controller}
              audioRow={<AudioRow segments={segments} durationMs={timeline.durationMs} controller={controller} audioNote={audioNote} />}
            />
          </section>
          {isDesignSession(problem?.kind, events) ? (
            <DesignAtPlayhead
              replay={replay}
              events={events}
              controller={controller}
              referenceAnswer={problem?.design?.referenceAnswer ?? null}
            />
          ) : (
            <CodeAtPlayhead
              replay={replay}
              controller={controller}
              codeLabel={
                languageOr(session.language) === DEFAULT_LANGUAGE ? 'Code' : `Code (${languageSpec(languageOr(session.language)).label})`
              }
              language={session.language ?? 'typescript'}
            />
          )}
        </main>
        <div className="min-h-0 overflow-auto border-l border-slate-800">
          {timeline.requests.length > 0 && <RequestsAtPlayhead requests={timeline.requests} controller={controller} />}
          <ReviewPanel session={session} problem={problem} events={events} onSeek={(t) => controller.seek(t)} comparedAt={comparedAt} />
        </div>
      </div>
    </div>
  );
}

/** Replay of one session (route `/sessions/:id`). */
export function ReplayPage({ sessionId }: { sessionId: string }) {
  const load = useReplayData(sessionId);
  if (load.state === 'loading') {
    return (
      <main className="p-6 text-sm text-slate-400" aria-busy="true">
        Loading the session…
      </main>
    );
  }
  if (load.state === 'error') {
    return (
      <main className="space-y-3 p-6">
        <h1 className="text-lg font-semibold">Session not available</h1>
        <p role="alert" className="text-rose-300">
          {load.message}
        </p>
        <Link href="/sessions" className="text-sky-400 underline">
          Back to your sessions
        </Link>
      </main>
    );
  }
  return <Replay data={load.data} />;
}
