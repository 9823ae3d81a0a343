import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../core/session/types';
import { EventLogWriter } from './eventLogWriter';

const written: { sessionId: string; seq: number; events: SessionEvent[] }[] = [];
let failNext = false;
const appendSessionEvents = async (sessionId: string, seq: number, events: SessionEvent[]) => {
  if (failNext) {
    failNext = false;
    throw new DOMException('full', 'QuotaExceededError');
  }
  written.push({ sessionId, seq, events });
};

describe('EventLogWriter', () => {
  beforeEach(() => {
    written.length = 0;
    failNext = false;
  });

  it('never stamps a time earlier than one already stamped', () => {
    const log = new EventLogWriter(appendSessionEvents);
    expect([log.stamp(100), log.stamp(90), log.stamp(120)]).toEqual([100, 100, 120]);
    log.reset(0);
    expect(log.stamp(5)).toBe(5);
  });

  it('coalesces edits until taken, and numbers batches from the reset point', async () => {
    const log = new EventLogWriter(appendSessionEvents);
    log.reset(7);
    log.push({ t: 1, type: 'edit', file: 'solution.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'a' }] });
    log.push({ t: 2, type: 'edit', file: 'solution.ts', changes: [{ offset: 1, deleteCount: 0, insert: 'b' }] });
    const events = log.take();
    expect(events).toHaveLength(1);
    expect(log.take()).toEqual([]);
    await log.write('s', events);
    expect(written.map((w) => w.seq)).toEqual([7]);
  });

  it('keeps a batch that failed to write and puts it first in the next one', async () => {
    const log = new EventLogWriter(appendSessionEvents);
    const first: SessionEvent = { t: 1, type: 'pause' };
    const second: SessionEvent = { t: 2, type: 'resume' };
    failNext = true;
    await expect(log.write('s', [first])).rejects.toThrow();
    expect(log.hasUnsaved()).toBe(true);
    await log.write('s', [second]);
    expect(written).toEqual([{ sessionId: 's', seq: 1, events: [first, second] }]);
    expect(log.hasUnsaved()).toBe(false);
  });
});
