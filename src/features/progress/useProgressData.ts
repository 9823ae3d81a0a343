import { useEffect, useState } from 'react';
import { summariseSession } from '../../core/analysis/sessionSummary';
import { findEntry } from '../../problems/catalog';
import type { DesignProgressInput } from '../../core/progress/designSeries';
import type { ProgressInput } from '../../core/progress/series';
import type { CustomProtocolRecord } from '../../storage/db';
import { listCustomProtocols } from '../../storage/protocols';
import { listReviews } from '../../storage/reviews';
import { loadSessionEvents } from '../../storage/sessionLog';
import { listSessions } from '../../storage/sessions';
import { allAttempts, compareConsecutive } from '../../core/practice/attempts';
import type { AttemptRecord } from '../../core/records/types';
import { listAllAttempts } from '../../storage/attempts';
import type { PracticeRecord } from '../../storage/db';
import { listPractice } from '../../storage/practice';

export type ProgressData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `recording`: sessions left out because they are still being recorded (their figures are not final). */
  | {
      status: 'ready';
      /** Coding sessions, by coding measures. */
      inputs: ProgressInput[];
      /** Design sessions, by design measures (core/analysis/sessionSummary.ts decides which a session is). */
      designInputs: DesignProgressInput[];
      recording: number;
      customProtocols: CustomProtocolRecord[];
      /** Per problem, each attempt compared with the one before it ("2nd attempt: 12 min faster to all-passing"). */
      attemptComparisons: { problemId: string; lines: string[] }[];
    };

/** Coding and design sessions are measured differently: Progress never charts them together. */
export type SessionKind = 'coding' | 'design';

async function loadProgress(): Promise<Extract<ProgressData, { status: 'ready' }>> {
  const [sessions, reviews, customProtocols, attempts, practice] = await Promise.all([
    listSessions(),
    listReviews(),
    listCustomProtocols().catch(() => []),
    listAllAttempts().catch(() => []),
    listPractice().catch(() => []),
  ]);
  const done = sessions.filter((s) => s.status !== 'recording');
  const logs = await Promise.all(done.map((s) => loadSessionEvents(s.id)));
  const inputs: ProgressInput[] = [];
  const designInputs: DesignProgressInput[] = [];
  done.forEach((session, i) => {
    const summary = summariseSession({ session, events: logs[i]!, problemKind: findEntry(session.problemId)?.kind });
    const review = reviews.get(session.id) ?? null;
    if (summary.kind === 'design') designInputs.push({ session, facts: summary.facts, review });
    else inputs.push({ session, facts: summary.facts, review });
  });
  return {
    status: 'ready',
    inputs,
    designInputs,
    recording: sessions.length - done.length,
    customProtocols,
    attemptComparisons: compareAttemptsByProblem(inputs, attempts, practice),
  };
}

function compareAttemptsByProblem(
  inputs: readonly ProgressInput[],
  attempts: readonly AttemptRecord[],
  practice: readonly PracticeRecord[],
) {
  const talk = new Map(
    inputs.flatMap(({ session, facts }) => {
      const audioMs = (session.audio?.segments ?? []).reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
      return facts.talk ? [[session.id, { silenceMs: facts.talk.totalSilenceMs, audioMs }] as const] : [];
    }),
  );
  const problemIds = [...new Set(attempts.map((a) => a.problemId))];
  return problemIds.flatMap((problemId) => {
    const history = attempts.filter((a) => a.problemId === problemId).sort((a, b) => a.number - b.number);
    const current = practice.find((p) => p.problemId === problemId);
    const currentSummary = current ? allAttempts([], current)[0] : undefined;
    const all = [
      ...history.map((a) => ({ ...a, lastAt: a.endedAt })),
      ...(currentSummary && current ? [{ ...currentSummary, sessionIds: current.sessionIds ?? [] }] : []),
    ];
    const lines = compareConsecutive(all, (id) => talk.get(id) ?? null);
    return lines.length > 0 ? [{ problemId, lines }] : [];
  });
}

/** Every finished or interrupted session with its measured facts and review, read from IndexedDB. */
export function useProgressData(): ProgressData {
  const [data, setData] = useState<ProgressData>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadProgress().then(
      (d) => live && setData(d),
      (e: unknown) => live && setData({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return data;
}
