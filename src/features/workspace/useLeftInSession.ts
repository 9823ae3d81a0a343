import { leftInSession } from '../../core/interview/leftInSession';
import type { Problem } from '../../core/problems/types';
import { useFollowUpsAsked } from '../interview';
import { useWorkspace } from './useWorkspace';

/** What ending the current session now would leave undone (the same list for End session and Finish). */
export function useLeftInSession(problem: Problem): string[] {
  const sessionKey = useWorkspace((s) => (s.clock && s.clock.finishedAt === null ? s.clock.startedAt : null));
  const asked = useFollowUpsAsked(sessionKey);
  return sessionKey === null ? [] : leftInSession({ followUps: problem.followUps.length, followUpsAsked: asked });
}
