/**
 * Reviews: the candidate's scores and learnings for a session (core/review/types.ts), one per session,
 * deleted with it (sessions.ts). Read back through `restoreReview`.
 */
import type { ReviewRecord } from '../core/records/types';
import { openRehearseDB } from './db';
import { restoreReview } from '../core/records/restoreReview';

export async function saveReview(review: ReviewRecord): Promise<void> {
  await (await openRehearseDB()).put('reviews', review);
}

export async function loadReview(sessionId: string): Promise<ReviewRecord | undefined> {
  return restoreReview(await (await openRehearseDB()).get('reviews', sessionId)) ?? undefined;
}

/** Every review, keyed by session id (for the library and the progress chart). */
export async function listReviews(): Promise<Map<string, ReviewRecord>> {
  const all = await (await openRehearseDB()).getAll('reviews');
  const out = new Map<string, ReviewRecord>();
  for (const raw of all) {
    const review = restoreReview(raw);
    if (review) out.set(review.sessionId, review);
  }
  return out;
}
