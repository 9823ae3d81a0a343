import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { problemTitle } from '../../problems/catalog';
import { loadLastActions, type LastActions } from '../../storage/lastActions';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * When a new session starts (the timer in its first phase), the actions written after the last session
 * on the same protocol, so that lesson is read before this attempt. Dismissible; gone once the first
 * phase ends. The workspace page says which session and protocol are live (this feature does not read its stores).
 */
interface Props {
  /** The protocol of the session being practised, or null before Start. */
  protocolId: string | null;
  /** The timer is running its first phase. */
  firstPhase: boolean;
  /** The session being recorded now, or null. */
  sessionId: string | null;
}

export function LastActionsBanner({ protocolId, firstPhase, sessionId }: Props) {
  const [found, setFound] = useState<{ sessionId: string; last: LastActions | undefined } | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const active = firstPhase && protocolId !== null && sessionId !== null;
  useEffect(() => {
    if (!active) return;
    let live = true;
    setError(null);
    loadLastActions(protocolId!, sessionId).then(
      (last) => live && setFound({ sessionId: sessionId!, last }),
      (e: unknown) => live && setError(`Could not load the actions from your last session: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [active, protocolId, sessionId]);

  if (!active || dismissed === sessionId) return null;
  if (error) {
    return (
      <p role="alert" className="bg-rose-900 px-4 py-1 text-sm">
        {error}
      </p>
    );
  }
  const last = found?.sessionId === sessionId ? found.last : undefined;
  if (!last) return null;
  const title = problemTitle(last.session.problemId);
  return (
    <section
      aria-label="Actions from your last session"
      className="flex items-start gap-3 border-b border-sky-800 bg-sky-950 px-4 py-2 text-sm"
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          Your actions from last time ({title}, {DATE.format(last.session.startedAt)}):
        </p>
        <p className="whitespace-pre-wrap text-sky-100">{last.actions}</p>
      </div>
      <Link href={`/sessions/${last.session.id}`} className="shrink-0 self-center text-sky-300 underline">
        Open that review
      </Link>
      <button type="button" className="btn shrink-0" onClick={() => setDismissed(sessionId)}>
        Dismiss
      </button>
    </section>
  );
}
