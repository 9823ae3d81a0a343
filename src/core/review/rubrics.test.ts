import { describe, expect, it } from 'vitest';
import { emptySelfScores, formatSelfReviewTotal, SELF_REVIEW_ITEMS, selfReviewAverage, selfReviewTotal } from './rubrics';

describe('the self-review total, one text for every page', () => {
  it('is out of the items scored while some are not, saying how many', () => {
    const scores = emptySelfScores();
    for (const item of SELF_REVIEW_ITEMS.slice(0, 3)) scores[item.id] = { score: 7, note: '' };
    expect(formatSelfReviewTotal(selfReviewTotal(scores))).toBe('21 of 30 (3 of 6 items scored)');
  });

  it('is out of 60 once every item is scored, and absent before any is', () => {
    const scores = emptySelfScores();
    expect(formatSelfReviewTotal(selfReviewTotal(scores))).toBeNull();
    for (const item of SELF_REVIEW_ITEMS) scores[item.id] = { score: 5, note: '' };
    expect(formatSelfReviewTotal(selfReviewTotal(scores))).toBe('30 of 60');
  });
});

describe('the self-review on one scale', () => {
  it('is the average of the items scored, out of 10', () => {
    expect(selfReviewAverage({ total: 21, scored: 3 })).toBe(7);
    expect(selfReviewAverage({ total: 30, scored: 6 })).toBe(5);
  });
  it('is nothing when no item is scored', () => {
    expect(selfReviewAverage(null)).toBeNull();
    expect(selfReviewAverage({ total: 0, scored: 0 })).toBeNull();
  });
});
