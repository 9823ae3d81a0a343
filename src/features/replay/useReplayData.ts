/**
 * Everything a replay needs, loaded once: the session record, its event log (indexed for seeking), the
 * problem (which may no longer exist), and each audio segment as an object URL with waveform peaks from
 * the stored levels. Object URLs are revoked when the page goes.
 */
import { useEffect, useState } from 'react';
import type { Problem } from '../../core/problems/types';
import { audioSpans, type AudioSpan } from '../../core/replay/audioSpans';
import { peaksFromLevels } from '../../core/replay/peaks';
import { createReplay, type Replay } from '../../core/replay/replayModel';
import type { SessionEvent, SessionRecord } from '../../core/session/types';
import { findEntry, loadProblem } from '../../problems/catalog';
import { loadSegmentAudio, loadSegmentLevels } from '../../storage/audio';
import { loadSessionEvents } from '../../storage/sessionLog';
import { loadSession } from '../../storage/sessions';

export interface SegmentMedia {
  span: AudioSpan;
  url: string;
  peaks: Float32Array;
}

export interface ReplayData {
  session: SessionRecord;
  events: SessionEvent[];
  replay: Replay;
  problem: Problem | null;
  /** Why the problem is missing (deleted or renamed since), when it is. */
  problemError: string | null;
  segments: SegmentMedia[];
}

export type ReplayLoad = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: ReplayData };

async function loadProblemOf(problemId: string): Promise<{ problem: Problem | null; problemError: string | null }> {
  if (!findEntry(problemId)) {
    return {
      problem: null,
      problemError: `The problem “${problemId}” is no longer in the catalog, so its statement and reference solution are not available.`,
    };
  }
  try {
    return { problem: await loadProblem(problemId), problemError: null };
  } catch (e) {
    return { problem: null, problemError: `The problem “${problemId}” could not be loaded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function loadSegments(session: SessionRecord, urls: string[]): Promise<SegmentMedia[]> {
  const out: SegmentMedia[] = [];
  for (const info of session.audio?.segments ?? []) {
    const [stored, levels] = await Promise.all([
      loadSegmentAudio(session.id, info.index, info.mimeType),
      loadSegmentLevels(session.id, info.index),
    ]);
    if (stored.chunks === 0) continue;
    const [span] = audioSpans([info], () => levels.length * session.levelFrameMs);
    if (!span) continue;
    const url = URL.createObjectURL(stored.blob);
    urls.push(url);
    out.push({ span, url, peaks: peaksFromLevels(levels, Math.ceil(span.durationMs / session.levelFrameMs)) });
  }
  return out.sort((a, b) => a.span.startMs - b.span.startMs);
}

export function useReplayData(sessionId: string): ReplayLoad {
  const [load, setLoad] = useState<ReplayLoad>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    void (async () => {
      try {
        const session = await loadSession(sessionId);
        if (!session) {
          if (live)
            setLoad({
              state: 'error',
              message: `There is no recorded session “${sessionId}” in this browser. It may have been deleted, or recorded in another browser.`,
            });
          return;
        }
        const [events, problemResult, segments] = await Promise.all([
          loadSessionEvents(sessionId),
          loadProblemOf(session.problemId),
          loadSegments(session, urls),
        ]);
        if (!live) {
          // The page went while the audio loaded: revoke what was created after the clean-up ran.
          urls.forEach((u) => URL.revokeObjectURL(u));
          return;
        }
        setLoad({ state: 'ready', data: { session, events, replay: createReplay(session, events), ...problemResult, segments } });
      } catch (e) {
        if (live)
          setLoad({
            state: 'error',
            message: `The session could not be read from this browser’s storage: ${e instanceof Error ? e.message : String(e)}`,
          });
      }
    })();
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [sessionId]);
  return load;
}
