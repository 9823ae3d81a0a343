/**
 * The candidate's own review of a session (database store `reviews`, keyed by session id; a bundle's
 * session.json `review`): the self-review rubric (every problem), the four-part evaluation (design
 * problems), learnings, and whether they compared with the reference. Kept apart from the session record,
 * so the recorder never overwrites a review and a review never touches the recording. Restored by
 * `restoreReview` (restoreReview.ts).
 */
import type { RubricLevel } from '../problems/parseDesign';

/** The self-review rubric's items, in the order the practice protocol lists them (see rubrics.ts). */
export type SelfReviewItemId = 'talked' | 'explained' | 'tested' | 'caught-bugs' | 'edge-cases' | 'calm';

export interface SelfScore {
  /** 1–10, or null while not scored yet. */
  score: number | null;
  note: string;
}

/** A design problem's evaluation, one grade per rubric part (Communication, Problem solving, …). */
export interface DesignGrade {
  /** The rubric part's name as in the problem's rubric.md. */
  part: string;
  /** Its weight in percent (25 each for the four parts). */
  weight: number;
  level: RubricLevel | null;
  note: string;
}

export interface Learnings {
  wentWell: string;
  improve: string;
  /** Specific actions for next time: shown when the next session on the same protocol starts. */
  actions: string;
}

export interface ReviewRecord {
  sessionId: string;
  selfScores: Record<SelfReviewItemId, SelfScore>;
  /** Present for design problems. */
  design: DesignGrade[] | null;
  learnings: Learnings;
  /** Epoch ms when the candidate opened the comparison with the reference solution, or null. */
  comparedAt: number | null;
  updatedAt: number;
}
