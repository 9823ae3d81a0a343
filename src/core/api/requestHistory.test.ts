import { describe, expect, it } from 'vitest';
import { EVENT_SAMPLES } from '../records/testEventSamples';
import {
  EMPTY_REQUEST_DRAFT,
  HISTORY_LIMIT,
  parseRequestMemory,
  serialiseRequestMemory,
  withSent,
  type SentRequest,
} from './requestHistory';

const sent = (at: number): SentRequest => ({ at, request: EVENT_SAMPLES.request.request, outcome: EVENT_SAMPLES.request.outcome });

describe('the Requests pane memory', () => {
  it('round-trips what was typed and what was sent', () => {
    const memory = { draft: { method: 'POST', path: '/users', headers: 'X-A: 1', body: '{}' }, history: [sent(1), sent(2)] };
    expect(parseRequestMemory(serialiseRequestMemory(memory))).toEqual(memory);
  });

  it('keeps the last HISTORY_LIMIT requests, and bounds each response as the log does', () => {
    let history: SentRequest[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = withSent(history, sent(i));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.at).toBe(5);
    const big = withSent([], {
      ...sent(1),
      outcome: { kind: 'response', ms: 1, response: { status: 200, headers: [], body: 'x'.repeat(100_000), truncated: false } },
    });
    expect(big[0]!.outcome.kind === 'response' && big[0]!.outcome.response.truncated).toBe(true);
  });

  it('reads nothing, garbage or a damaged entry as far as it can: never throws', () => {
    expect(parseRequestMemory(undefined)).toEqual({ draft: EMPTY_REQUEST_DRAFT, history: [] });
    expect(parseRequestMemory('{not json')).toEqual({ draft: EMPTY_REQUEST_DRAFT, history: [] });
    const damaged = JSON.stringify({
      draft: { method: 7, path: '/x' },
      history: [sent(1), { at: 2, request: { method: 'GET' } }, 'junk', sent(3)],
    });
    expect(parseRequestMemory(damaged)).toEqual({ draft: { ...EMPTY_REQUEST_DRAFT, path: '/x' }, history: [sent(1), sent(3)] });
  });
});
