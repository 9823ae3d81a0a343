import { formatLiveElapsed } from '../../core/session/liveElapsed';
import type { SessionRecord } from '../../core/session/types';
import { useSharedNow } from '../../shared/useNow';

/**
 * How long a live session has run ("00:42"), ticking. Every place that shows a live session's time
 * renders this, so the recording bar, the leave dialog, the navigation and the Sessions list agree.
 */
export function LiveElapsed({ session }: { session: Pick<SessionRecord, 'startedAt' | 'endedAt'> }) {
  const now = useSharedNow();
  return <>{formatLiveElapsed(session, now)}</>;
}
