import { useEffect, useState } from 'react';
import type { SessionRecord } from '../../core/session/types';
import { sessionAudioBytes } from '../../storage/audio';
import { formatBytes } from '../../storage/quota';
import { deleteSession, listSessions } from '../../storage/sessions';
import { useRecorder } from './useRecorder';

interface Row {
  session: SessionRecord;
  bytes: number;
}

/**
 * Shown when a write hit the storage quota: recording stopped, nothing already stored was lost, and the
 * biggest finished sessions are listed so the user can delete some.
 */
export function StorageFullNotice() {
  const storageFull = useRecorder((s) => s.storageFull);
  const current = useRecorder((s) => s.session?.id);
  const [rows, setRows] = useState<Row[]>([]);

  useEffect(() => {
    if (!storageFull) return;
    let live = true;
    void (async () => {
      const sessions = (await listSessions()).filter((s) => s.status === 'finished' && s.id !== current);
      const withBytes = await Promise.all(sessions.map(async (session) => ({ session, bytes: await sessionAudioBytes(session.id) })));
      if (live) setRows(withBytes.sort((a, b) => b.bytes - a.bytes).slice(0, 5));
    })();
    return () => {
      live = false;
    };
  }, [storageFull, current]);

  if (!storageFull) return null;
  return (
    <div role="alert" className="bg-rose-900 px-4 py-2 text-sm" data-testid="storage-full">
      <p>
        Storage is full, so audio recording stopped. Everything recorded so far is kept and your code is still saved. To record again,
        delete old recorded sessions below (largest first) or free disk space on this device, then reload and continue the session.
      </p>
      {rows.length > 0 && (
        <ul className="mt-1 space-y-1">
          {rows.map(({ session, bytes }) => (
            <li key={session.id} className="flex items-center gap-2">
              <span>
                {session.problemId}, {new Date(session.startedAt).toLocaleString()} — {formatBytes(bytes)}
              </span>
              <button
                type="button"
                className="btn"
                onClick={() => void deleteSession(session.id).then(() => setRows((r) => r.filter((x) => x.session.id !== session.id)))}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
