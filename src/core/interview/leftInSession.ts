/**
 * What a session would leave undone if it ended now, in the words the end-of-session question uses
 * ("2 follow-up questions not asked yet"). One rule for every way a session ends (End session, Finish on
 * the last phase), so they ask the same question.
 */
export interface SessionProgress {
  /** The problem's follow-up questions. */
  followUps: number;
  /** How many the interviewer has asked (shown) in this session. */
  followUpsAsked: number;
}

export function leftInSession({ followUps, followUpsAsked }: SessionProgress): string[] {
  const left: string[] = [];
  const notAsked = Math.max(0, followUps - Math.max(0, followUpsAsked));
  if (notAsked > 0) left.push(`${notAsked} follow-up question${notAsked === 1 ? '' : 's'} not asked yet`);
  return left;
}
