import { useEffect, useState } from 'react';
import { computeFacts } from '../../core/analysis/facts';
import { isDesignSession } from '../../core/analysis/designFacts';
import { findEntry } from '../../problems/catalog';
import type { ProgressInput } from '../../core/progress/series';
import type { CustomProtocolRecord } from '../../storage/db';
import { listCustomProtocols } from '../../storage/protocols';
import { listReviews } from '../../storage/reviews';
import { loadSessionEvents } from '../../storage/sessionLog';
import { listSessions } from '../../storage/sessions';

export type ProgressData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `recording`: sessions left out because they are still being recorded (their figures are not final). */
  | { status: 'ready'; inputs: ProgressInput[]; recording: number; customProtocols: CustomProtocolRecord[]; kinds: Map<string, SessionKind> };

/** Coding and design sessions are measured differently: Progress never charts them together. */
export type SessionKind = 'coding' | 'design';

async function loadProgress(): Promise<Extract<ProgressData, { status: 'ready' }>> {
  const [sessions, reviews, customProtocols] = await Promise.all([listSessions(), listReviews(), listCustomProtocols().catch(() => [])]);
  const done = sessions.filter((s) => s.status !== 'recording');
  const logs = await Promise.all(done.map((s) => loadSessionEvents(s.id)));
  const inputs = done.map((session, i) => ({ session, facts: computeFacts({ session, events: logs[i]! }), review: reviews.get(session.id) ?? null }));
  const kinds = new Map<string, SessionKind>(done.map((s, i) => [s.id, isDesignSession(findEntry(s.problemId)?.kind, logs[i]!) ? 'design' : 'coding']));
  return { status: 'ready', inputs, recording: sessions.length - done.length, customProtocols, kinds };
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
