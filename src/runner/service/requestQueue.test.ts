import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './requestQueue';

/** A task that records its start and ends when told. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return name;
    },
  };
}

describe('requests to a service', () => {
  it('run one at a time, in the order sent; another service does not wait', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    const first = queue.run('a', a1.task);
    const second = queue.run('a', a2.task);
    const other = queue.run('b', b1.task);
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['start a1', 'start b1']);
    expect(queue.busy).toBe(2);
    a2.open(); // the second cannot overtake the first
    b1.open();
    await other;
    expect(log).not.toContain('start a2');
    a1.open();
    expect(await first).toBe('a1');
    expect(await second).toBe('a2');
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
  });

  it('goes on after a failed request', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
    await Promise.resolve();
    expect(queue.busy).toBe(0);
  });
});
