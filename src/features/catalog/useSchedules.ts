/** Each graded problem's next re-do (core/plan/schedule.ts, loaded on first use), for the cards' "due" line and the due order. */
import { useEffect, useState } from 'react';
import type { ProblemSchedule } from '../../core/plan/due';
import { listReviewCards } from '../../storage/plan';
import { listReviews } from '../../storage/reviews';

export function useSchedules(): Map<string, ProblemSchedule> {
  const [schedules, setSchedules] = useState(new Map<string, ProblemSchedule>());
  useEffect(() => {
    let live = true;
    // The scheduler (ts-fsrs) loads after the catalog's first paint: only the due lines wait for it.
    Promise.all([listReviewCards(), listReviews(), import('../../core/plan/schedule')])
      .then(([cards, reviews, { schedulesOf }]) => live && setSchedules(schedulesOf(cards, reviews)))
      .catch((e: unknown) => console.error('Could not read the re-do schedule', e));
    return () => {
      live = false;
    };
  }, []);
  return schedules;
}
