import { describe, expect, it } from 'vitest';
import { emptyReview } from '../review/rubrics';
import type { SessionEvent } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { estimateSessionSize, jsonBytes } from './sessionSize';

describe('estimateSessionSize', () => {
  const session = sessionRecord();
  const events: SessionEvent[] = [{ t: 0, type: 'snapshot', file: 'solution.ts', text: 'x'.repeat(1000) }];

  it('adds the measured audio to the JSON length of the record, log, review and levels', () => {
    const review = emptyReview(session.id, null, 0);
    const size = estimateSessionSize({ session, events, review, audioBytes: 5000, levelsBytes: 300 });
    const data = jsonBytes(session) + jsonBytes(events) + jsonBytes(review) + 300;
    expect(size).toEqual({ audioBytes: 5000, dataBytes: data, totalBytes: 5000 + data });
    expect(size.dataBytes).toBeGreaterThan(1300);
  });

  it('counts nothing for a review that does not exist', () => {
    const size = estimateSessionSize({ session, events: [], review: undefined, audioBytes: 0, levelsBytes: 0 });
    expect(size.dataBytes).toBe(jsonBytes(session) + jsonBytes([]));
  });
});
