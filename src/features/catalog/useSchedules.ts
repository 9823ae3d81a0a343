/** Each graded problem's next re-do (core/plan/schedule.ts), for the cards' "due" line and the due order. */
import { useEffect, useState } from 'react';
import { schedulesOf, type ProblemSchedule } from '../../core/plan/schedule';
import { listReviewCards } from '../../storage/plan';
import { listReviews } from '../../storage/reviews';

export function useSchedules(): Map<string, ProblemSchedule> {
  const [schedules, setSchedules] = useState(new Map<string, ProblemSchedule>());
  useEffect(() => {
    let live = true;
    Promise.all([listReviewCards(), listReviews()])
      .then(([cards, reviews]) => live && setSchedules(schedulesOf(cards, reviews)))
      .catch((e: unknown) => console.error('Could not read the re-do schedule', e));
    return () => {
      live = false;
    };
  }, []);
  return schedules;
}
