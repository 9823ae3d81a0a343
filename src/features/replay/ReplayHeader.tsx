/** The replay's header: the way back to the sessions, what was practised, when, how long, with which protocol. */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { SessionRecord } from '../../core/session/types';
import { findProtocol } from '../../core/timer/protocols';
import { formatClock } from '../../core/timer/phaseClock';

function protocolName(session: SessionRecord): string {
  const builtIn = findProtocol(session.protocolId);
  if (builtIn) return builtIn.name;
  const minutes = session.phases.reduce((sum, p) => sum + p.minutes, 0);
  return session.phases.length > 0
    ? `Custom protocol (${minutes} min: ${session.phases.map((p) => p.name).join(', ')})`
    : 'Unknown protocol';
}

const STATUS_NOTE: Record<SessionRecord['status'], string | null> = {
  finished: null,
  interrupted: 'This session was cut off before it finished; the replay shows what was stored.',
  recording: 'This session is still being recorded (or its tab closed without finishing); the replay shows what was stored so far.',
};

export function ReplayHeader({
  session,
  title,
  durationMs,
  actions,
}: {
  session: SessionRecord;
  title: string;
  durationMs: number;
  actions: ReactNode;
}) {
  const note = STATUS_NOTE[session.status];
  return (
    <header className="border-b border-slate-800 px-4 py-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <Link href="/sessions" className="text-sm text-slate-400 hover:text-slate-200">
          ← Sessions
        </Link>
        <h1 className="text-lg font-semibold">{title}</h1>
        <span className="text-sm text-slate-400" data-testid="session-facts">
          {new Date(session.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} · {formatClock(durationMs)} ·{' '}
          {protocolName(session)}
        </span>
        <div className="ml-auto flex items-center gap-2">{actions}</div>
      </div>
      {note && (
        <p className="mt-1 text-sm text-amber-300" role="note">
          {note}
        </p>
      )}
    </header>
  );
}
