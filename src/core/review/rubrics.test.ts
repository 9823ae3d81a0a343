import { describe, expect, it } from 'vitest';
import { emptySelfScores, formatSelfReviewTotal, SELF_REVIEW_ITEMS, selfReviewTotal } from './rubrics';

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
