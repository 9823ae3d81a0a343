import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerEvent } from '../protocol';
import { EventBatcher, FLUSH_DELAY_MS } from './eventBatcher';

const log = (text: string): WorkerEvent => ({ type: 'console', level: 'log', text });

describe('EventBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends events in order, at most FLUSH_DELAY_MS after the first of a batch', () => {
    const sent: WorkerEvent[][] = [];
    const b = new EventBatcher((events) => sent.push(events));
    b.push({ type: 'loading' });
    vi.advanceTimersByTime(FLUSH_DELAY_MS - 1);
    b.push(log('a'));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[{ type: 'loading' }, log('a')]]);
    b.push(log('b'));
    vi.advanceTimersByTime(FLUSH_DELAY_MS);
    expect(sent).toEqual([[{ type: 'loading' }, log('a')], [log('b')]]);
  });

  it('flushes at once when the run ends, and never sends an empty batch', () => {
    const sent: WorkerEvent[][] = [];
    const b = new EventBatcher((events) => sent.push(events));
    b.push(log('a'));
    b.push({ type: 'done', group: 'own' });
    expect(sent).toEqual([[log('a'), { type: 'done', group: 'own' }]]);
    vi.advanceTimersByTime(100);
    b.flush();
    expect(sent).toHaveLength(1);
    b.push({ type: 'crashed', error: { name: 'E', message: 'm', isAssertion: false, isTimeout: false } });
    expect(sent).toHaveLength(2);
  });

  it('can flush on demand (before a watchdog report) or discard', () => {
    const sent: WorkerEvent[][] = [];
    const b = new EventBatcher((events) => sent.push(events));
    b.push(log('a'));
    b.flush();
    expect(sent).toEqual([[log('a')]]);
    b.push(log('b'));
    b.discard();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[log('a')]]);
  });
});
