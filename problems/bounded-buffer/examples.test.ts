import { expect } from 'chai';
import { BoundedBuffer, BufferClosedError, TimeoutError } from './solution';

/** Timers the test drives by hand: nothing fires until advance() is called. */
class FakeTimers {
  now = 0;
  private nextId = 1;
  readonly pending = new Map<number, { at: number; callback: () => void }>();
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = target;
  }
}

/** Lets every pending promise callback run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Records how a promise settles, without awaiting it (so a promise that never settles cannot hang a test). */
function track<T>(promise: Promise<T>) {
  const state: { status: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown } = { status: 'pending' };
  promise.then(
    (value) => Object.assign(state, { status: 'fulfilled', value }),
    (reason) => Object.assign(state, { status: 'rejected', reason }),
  );
  return state;
}

describe('BoundedBuffer — examples', () => {
  it('hands items out first-in-first-out by default', async () => {
    const buf = new BoundedBuffer<number>({ capacity: 3 });
    await buf.put(1);
    await buf.put(2);
    await buf.put(3);
    expect(buf.size, 'three items stored').to.equal(3);
    expect([await buf.take(), await buf.take(), await buf.take()], 'FIFO order').to.deep.equal([1, 2, 3]);
  });

  it('makes a producer wait while the buffer is full (Example 1)', async () => {
    const buf = new BoundedBuffer<string>({ capacity: 2 });
    await buf.put('a');
    await buf.put('b');
    const blocked = track(buf.put('c'));
    await flush();
    expect(blocked.status, 'put into a full buffer should wait').to.equal('pending');
    expect(buf.size, "'c' is not in the buffer yet").to.equal(2);
    expect(await buf.take()).to.equal('a');
    await flush();
    expect(blocked.status, 'the take made room, so the put completes').to.equal('fulfilled');
    expect(await buf.take()).to.equal('b');
    expect(await buf.take()).to.equal('c');
  });

  it('makes a consumer wait until an item arrives', async () => {
    const buf = new BoundedBuffer<string>({ capacity: 1 });
    const taken = track(buf.take());
    await flush();
    expect(taken.status, 'take on an empty buffer should wait').to.equal('pending');
    await buf.put('hello');
    await flush();
    expect(taken.value, 'the waiting take receives the item').to.equal('hello');
  });

  it('takes the highest priority first, equal priorities in arrival order (Example 2)', async () => {
    const buf = new BoundedBuffer<{ id: string; p: number }>({ capacity: 10, strategy: 'priority', priority: (j) => j.p });
    await buf.put({ id: 'x', p: 1 });
    await buf.put({ id: 'y', p: 5 });
    await buf.put({ id: 'z', p: 5 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await buf.take()).id);
    expect(ids).to.deep.equal(['y', 'z', 'x']);
  });

  it('drains after close, then signals the end with BufferClosedError', async () => {
    const buf = new BoundedBuffer<number>({ capacity: 2, strategy: 'lifo' });
    await buf.put(1);
    await buf.put(2);
    buf.close();
    expect(await buf.take(), 'LIFO: newest first').to.equal(2);
    expect(await buf.take()).to.equal(1);
    const end = track(buf.take());
    await flush();
    expect(end.reason, 'empty and closed').to.be.instanceOf(BufferClosedError);
  });

  it('gives up a take after timeoutMs with TimeoutError', async () => {
    const timers = new FakeTimers();
    const buf = new BoundedBuffer<number>({ capacity: 1, timers });
    const taken = track(buf.take({ timeoutMs: 100 }));
    timers.advance(99);
    await flush();
    expect(taken.status, 'still waiting at 99 ms').to.equal('pending');
    timers.advance(1);
    await flush();
    expect(taken.reason, 'timed out at 100 ms').to.be.instanceOf(TimeoutError);
  });
});
