/** Everything the Plan page shows, read once per visit (and again after the plan changes). */
import { useCallback, useEffect, useState } from 'react';
import type { PlanRecord, ReviewCardRecord } from '../../core/records/types';
import type { ReviewRecord } from '../../core/review/types';
import { loadPlan, listReviewCards } from '../../storage/plan';
import { listReviews } from '../../storage/reviews';

export type PlanData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; plan: PlanRecord | null; cards: ReviewCardRecord[]; reviews: Map<string, ReviewRecord> };

export function usePlanData(): { data: PlanData; reload: () => void } {
  const [data, setData] = useState<PlanData>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([loadPlan(), listReviewCards(), listReviews()]).then(
      ([plan, cards, reviews]) => live && setData({ status: 'ready', plan, cards, reviews }),
      (e: unknown) => live && setData({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, reload };
}
