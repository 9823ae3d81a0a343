/**
 * The plan towards an interview and its progress (database version 5 `plans`; one plan, id 'current'),
 * and each problem's graded attempts (`reviewCards`). Read back through core/records/restorePlan.ts.
 * A finished session updates both in one transaction, so the plan never says done for an attempt its
 * card lacks.
 */
import type { GradedAttempt, PlanRecord, ReviewCardRecord } from '../core/records/types';
import { restorePlan, restoreReviewCard } from '../core/records/restorePlan';
import { withAttempt } from '../core/plan/reviewCard';
import { openRehearseDB } from './db';

export const CURRENT_PLAN_ID = 'current';

export async function loadPlan(): Promise<PlanRecord | null> {
  return restorePlan(await (await openRehearseDB()).get('plans', CURRENT_PLAN_ID));
}

export async function savePlan(plan: PlanRecord): Promise<void> {
  await (await openRehearseDB()).put('plans', plan);
}

export async function deletePlan(): Promise<void> {
  await (await openRehearseDB()).delete('plans', CURRENT_PLAN_ID);
}

export async function listReviewCards(): Promise<ReviewCardRecord[]> {
  const rows = await (await openRehearseDB()).getAll('reviewCards');
  return rows.map(restoreReviewCard).filter((c): c is ReviewCardRecord => c !== null);
}

/**
 * Adds a graded attempt to its problem's card and lets `updatePlan` mark the plan's item, in one
 * transaction (read and write together, so two tabs finishing at once cannot lose an attempt).
 */
export async function recordGradedAttempt(
  problemId: string,
  attempt: GradedAttempt,
  updatePlan: (plan: PlanRecord) => PlanRecord,
): Promise<void> {
  const db = await openRehearseDB();
  const tx = db.transaction(['reviewCards', 'plans'], 'readwrite');
  const cards = tx.objectStore('reviewCards');
  const plans = tx.objectStore('plans');
  const [card, plan] = await Promise.all([cards.get(problemId), plans.get(CURRENT_PLAN_ID)]);
  const writes: Promise<unknown>[] = [cards.put(withAttempt(restoreReviewCard(card), problemId, attempt))];
  const restored = restorePlan(plan);
  if (restored) {
    const next = updatePlan(restored);
    if (next !== restored) writes.push(plans.put(next));
  }
  await Promise.all([...writes, tx.done]);
}

/** Notes the item started from the Plan page, reading the plan in the same transaction (a session may have just ended). */
export async function markPlanItemStarted(started: { itemId: string; problemId: string }): Promise<void> {
  const db = await openRehearseDB();
  const tx = db.transaction('plans', 'readwrite');
  const plan = restorePlan(await tx.store.get(CURRENT_PLAN_ID));
  await Promise.all([...(plan ? [tx.store.put({ ...plan, started })] : []), tx.done]);
}
