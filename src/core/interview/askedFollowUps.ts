/**
 * Which of a problem's follow-up questions the interviewer asked in a session, and when: read from the
 * session log's `followup` events. The question text in the log wins over the index, so a log stays
 * readable after the problem's followups.md was edited.
 */
import type { FollowUp } from '../problems/types';
import type { SessionEvent } from '../session/types';

export interface AskedFollowUp {
  /** Session time it was asked, ms. */
  t: number;
  question: string;
  /** What a strong answer covers; empty when the problem no longer has this question. */
  points: string[];
}

export interface FollowUpReport {
  asked: AskedFollowUp[];
  notAsked: FollowUp[];
}

export function followUpReport(events: readonly SessionEvent[], followUps: readonly FollowUp[]): FollowUpReport {
  const asked: AskedFollowUp[] = [];
  const matched = new Set<number>();
  const seenQuestions = new Set<string>();
  for (const event of events) {
    if (event.type !== 'followup' || seenQuestions.has(event.question)) continue;
    seenQuestions.add(event.question);
    let index = followUps.findIndex((f) => f.question === event.question);
    if (index === -1 && followUps[event.index] && !matched.has(event.index) && !event.question) index = event.index;
    if (index !== -1) matched.add(index);
    asked.push({
      t: event.t,
      question: event.question || (followUps[index]?.question ?? ''),
      points: index === -1 ? [] : [...followUps[index]!.points],
    });
  }
  return { asked, notAsked: followUps.filter((_, i) => !matched.has(i)) };
}
