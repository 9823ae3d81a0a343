import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { formatClock } from '../../core/timer/phaseClock';
import type { SessionEvent, SessionRecord } from '../../core/session/types';
import { isDesignSession } from '../../core/analysis/designFacts';
import { describeActivity } from '../../core/analysis/sessionSummary';
import { findEntry } from '../../problems/catalog';
import { totalSilenceMs } from '../../recorder/lifecycle';
import { loadSegmentAudio } from '../../storage/audio';
import { loadSessionEvents } from '../../storage/sessionLog';

interface SegmentAudio {
  index: number;
  url: string;
  durationMs: number | null;
  bytes: number;
}

function useSessionAudio(session: SessionRecord): SegmentAudio[] | null {
  const [segments, setSegments] = useState<SegmentAudio[] | null>(null);
  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    void (async () => {
      const out: SegmentAudio[] = [];
      for (const s of session.audio?.segments ?? []) {
        const stored = await loadSegmentAudio(session.id, s.index, s.mimeType);
        if (stored.chunks === 0) continue;
        const url = URL.createObjectURL(stored.blob);
        urls.push(url);
        out.push({ index: s.index, url, durationMs: s.durationMs, bytes: stored.blob.size });
      }
      if (live) setSegments(out);
    })();
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [session]);
  return segments;
}

/** The session's log, read once, and what the candidate did in it by its kind's measures (core/analysis/sessionSummary.ts). */
function useActivityLine(session: SessionRecord): string | null {
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadSessionEvents(session.id).then((events: SessionEvent[]) => {
      const kind = isDesignSession(findEntry(session.problemId)?.kind, events) ? 'design' : 'coding';
      if (live) setLine(describeActivity(kind, events));
    });
    return () => {
      live = false;
    };
  }, [session.id, session.problemId]);
  return line;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Why there is no audio, in the user's words (the record keeps a code). */
const AUDIO_OFF_WORDS: Record<NonNullable<SessionRecord['audioOffReason']>, string> = {
  denied: 'microphone blocked',
  'no-device': 'no microphone found',
  unsupported: 'this browser cannot record audio',
  quota: 'the disk was full',
};

/** After Finish: the recorded audio (playable, seekable), its duration, the silences and what was logged. */
export function FinishedSession({ session }: { session: SessionRecord }) {
  const segments = useSessionAudio(session);
  const activity = useActivityLine(session);
  const totalMs = (session.endedAt ?? session.startedAt) - session.startedAt;
  const silenceMs = totalSilenceMs(session.silences);
  const longest = session.silences.reduce((m, s) => Math.max(m, s.endMs - s.startMs), 0);

  return (
    <section
      aria-label="Recorded session"
      className="border-b border-slate-800 bg-slate-900 px-4 py-3 text-sm"
      data-testid="finished-session"
      data-session-id={session.id}
    >
      <div className="mb-1 flex flex-wrap items-center gap-3">
        <h2 className="font-semibold">Session recorded · {formatClock(totalMs)}</h2>
        <Link href={`/sessions/${encodeURIComponent(session.id)}`} className="btn btn-primary">
          Replay and review
        </Link>
      </div>
      {segments === null ? (
        <p className="text-slate-400">Loading the audio…</p>
      ) : segments.length === 0 ? (
        <p className="text-slate-400" data-testid="no-audio">
          This session has no audio{session.audioOffReason ? ` (${AUDIO_OFF_WORDS[session.audioOffReason]})` : ''}; its code and actions
          were recorded.
        </p>
      ) : (
        <ul className="space-y-1">
          {segments.map((s) => (
            <li key={s.index} className="flex flex-wrap items-center gap-3">
              <audio controls preload="metadata" src={s.url} data-testid="session-audio" aria-label={`Audio, part ${s.index + 1}`} />
              <span data-testid="audio-duration">{s.durationMs === null ? 'duration unknown' : formatClock(s.durationMs)}</span>
              <span className="text-slate-400">{(s.bytes / 1024).toFixed(0)} KB</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-slate-300" data-testid="silence-summary">
        {session.silences.length} silences, {seconds(silenceMs)} in total{longest > 0 ? `, longest ${seconds(longest)}` : ''}.
        {activity && ` ${activity}`}
      </p>
    </section>
  );
}
