/**
 * The review's shapes live with the other stored records (core/records/review.ts); re-exported here for the
 * modules that work with reviews (rubrics, facts, plan grades, the review forms).
 */
export type { DesignGrade, Learnings, ReviewRecord, SelfReviewItemId, SelfScore } from '../records/review';
