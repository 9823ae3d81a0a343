import type { Problem } from '../../core/problems/types';
import type { SessionEvent } from '../../core/session/types';

/** After a session: the follow-up questions asked, when, and what a strong answer covers. (Being built.) */
export function AskedFollowUps(_props: { problem: Problem; events: SessionEvent[]; onSeek?: (t: number) => void }) {
  return null;
}
