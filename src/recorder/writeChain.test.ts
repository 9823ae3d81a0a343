import { describe, expect, it } from 'vitest';
import { WriteChain } from './writeChain';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('WriteChain', () => {
  it('writes one at a time, in the order asked, however long each takes', async () => {
    const order: string[] = [];
    const chain = new WriteChain(() => undefined);
    chain.enqueue(async () => {
      await later(20);
      order.push('slow first');
    });
    chain.enqueue(async () => {
      order.push('quick second');
    });
    await chain.settled();
    expect(order).toEqual(['slow first', 'quick second']);
  });

  it('hands a failed write to onError and goes on with the next', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const chain = new WriteChain((e) => errors.push(e));
    chain.enqueue(async () => {
      throw new Error('full');
    });
    chain.enqueue(async () => {
      written.push(2);
    });
    await chain.settled();
    expect(errors).toEqual([new Error('full')]);
    expect(written).toEqual([2]);
  });

  it('settled() waits for what was enqueued before it, not after', async () => {
    const chain = new WriteChain(() => undefined);
    let first = false;
    let second = false;
    chain.enqueue(async () => {
      await later(5);
      first = true;
    });
    const settled = chain.settled();
    chain.enqueue(async () => {
      await later(20);
      second = true;
    });
    await settled;
    expect([first, second]).toEqual([true, false]);
    await chain.settled();
    expect(second).toBe(true);
  });
});
