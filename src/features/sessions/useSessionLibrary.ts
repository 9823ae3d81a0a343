import { useCallback, useEffect, useState } from 'react';
import { protocolName } from '../../core/library/protocolName';
import { estimateSessionSize, type SessionStorageSize } from '../../core/library/sessionSize';
import { summariseSession, type SessionSummary } from '../../core/library/summarise';
import { listCustomProtocols } from '../../storage/protocols';
import { estimateStorage, type StorageEstimateInfo } from '../../storage/quota';
import { listReviews } from '../../storage/reviews';
import { loadSessionEvents } from '../../storage/sessionLog';
import { listSessions } from '../../storage/sessions';
import { measureStoredBulk } from '../../storage/sessionSize';

export interface LibraryRow extends SessionSummary {
  protocol: string;
  /** Bytes this session takes (audio exact, the rest estimated); null if it could not be measured. */
  size: SessionStorageSize | null;
}

export type LibraryState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      rows: LibraryRow[];
      /** Sum of the sessions' sizes. */
      sessionsBytes: number;
      /** The browser's figure for the whole app (code cache included), or null when it gives none. */
      estimate: StorageEstimateInfo | null;
    };

async function loadLibrary(): Promise<Extract<LibraryState, { status: 'ready' }>> {
  const [sessions, reviews, customs, bulk, estimate] = await Promise.all([
    listSessions(),
    listReviews(),
    // Custom protocols only name a column: without them the name falls back to the session's own phases.
    listCustomProtocols().catch(() => []),
    // A failed measurement should not hide the list: the size column then says so.
    measureStoredBulk().catch((e: unknown) => {
      console.error('Could not measure session storage', e);
      return null;
    }),
    estimateStorage(),
  ]);
  // The result column needs each session's Submits: one log read per session (fine for tens of them).
  const logs = await Promise.all(sessions.map((s) => loadSessionEvents(s.id)));
  const rows = sessions.map((session, i) => ({
    ...summariseSession(session, logs[i]!, reviews.get(session.id)),
    protocol: protocolName(session, customs),
    size: bulk
      ? estimateSessionSize({
          session,
          events: logs[i]!,
          review: reviews.get(session.id),
          ...(bulk.get(session.id) ?? { audioBytes: 0, levelsBytes: 0 }),
        })
      : null,
  }));
  const sessionsBytes = rows.reduce((sum, r) => sum + (r.size?.totalBytes ?? 0), 0);
  return { status: 'ready', rows, sessionsBytes, estimate };
}

/** The sessions with everything the library shows about them, and a way to load them again. */
export function useSessionLibrary(): { state: LibraryState; reload: () => Promise<void> } {
  const [state, setState] = useState<LibraryState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState(await loadLibrary());
    } catch (e) {
      setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}
