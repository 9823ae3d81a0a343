import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, expectThrow } from 'rehearse-test';
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

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

type Tracked<T> = { status: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** Records how a promise settles without awaiting it, so a promise that never settles cannot hang a test. */
function track<T>(promise: Promise<T>): Tracked<T> {
  const state: Tracked<T> = { status: 'pending' };
  promise.then(
    (value) => Object.assign(state, { status: 'fulfilled', value }),
    (reason) => Object.assign(state, { status: 'rejected', reason }),
  );
  return state;
}

/** Awaits a promise that should settle through promise callbacks alone; fails instead of hanging if it does not. */
async function settles<T>(promise: Promise<T>, what: string): Promise<T> {
  const stuck = Symbol('stuck');
  const result = await Promise.race([promise, new Promise<typeof stuck>((resolve) => setTimeout(() => resolve(stuck), 0))]);
  if (result === stuck) expect.fail(`${what} should have finished`);
  return result as T;
}

/** Takes n items one after another (each must be available). */
async function takeN<T>(buf: BoundedBuffer<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const t = track(buf.take());
    await flush();
    expect(t.status, `take #${i + 1} should be served at once`).to.equal('fulfilled');
    out.push(t.value as T);
  }
  return out;
}

describe('BoundedBuffer — hidden', () => {
  describe('construction', () => {
    it('[R25] rejects a capacity that is not a positive integer with RangeError', () => {
      for (const bad of [0, -1, 1.5, NaN]) {
        expectThrow(() => new BoundedBuffer({ capacity: bad }), RangeError, ['capacity'], `capacity ${bad}`);
      }
    });

    it('[R26] rejects an unknown strategy with RangeError', () => {
      expectThrow(() => new BoundedBuffer({ capacity: 1, strategy: 'random' as 'fifo' }), RangeError, ['strategy']);
    });

    it("[R27] requires a priority function for the 'priority' strategy", () => {
      expectThrow(() => new BoundedBuffer({ capacity: 1, strategy: 'priority' }), TypeError, ['priority']);
    });

    it('[R24] rejects options that are not an object, null included, with TypeError saying options must be an object', () => {
      for (const bad of [null, undefined, 5, 'capacity: 1']) {
        let error: unknown;
        try {
          new BoundedBuffer(bad as never);
        } catch (caught) {
          error = caught;
        }
        expect(error, `options ${String(bad)}`).to.be.instanceOf(TypeError);
        expectMessage(error, ['options'], `options ${String(bad)}: the message names options`);
        expectMessage(error, ['object'], `options ${String(bad)}: the message says it must be an object`);
      }
    });

    it('[R26] names the three allowed strategies when it rejects an unknown one', () => {
      expectThrow(() => new BoundedBuffer({ capacity: 1, strategy: 'random' as 'fifo' }), RangeError, ['strategy', 'fifo', 'lifo', 'priority'], 'each allowed strategy as a word of its own');
    });

    it('[R28] rejects timers without both setTimeout and clearTimeout functions with TypeError naming timers', () => {
      const fn = () => undefined;
      const cases: Array<[string, unknown]> = [
        ['{}', {}],
        ['null', null],
        ['setTimeout only', { setTimeout: fn }],
        ['clearTimeout only', { clearTimeout: fn }],
      ];
      for (const [what, timers] of cases) {
        expectThrow(() => new BoundedBuffer({ capacity: 1, timers: timers as never }), TypeError, ['timers'], `timers ${what}`);
      }
    });

    it('[R23] keeps the given error classes: each has its class name and a default message', () => {
      const closed = new BufferClosedError();
      const timeout = new TimeoutError();
      expect(closed.name).to.equal('BufferClosedError');
      expect(timeout.name).to.equal('TimeoutError');
      expectMessage(closed, ['closed'], 'BufferClosedError has a default message');
      expectMessage(timeout, ['timed out'], 'TimeoutError has a default message');
    });

    it('[R22 capacity, size, closed] exposes capacity, size and closed', () => {
      const buf = new BoundedBuffer<number>({ capacity: 4 });
      expect(buf.capacity).to.equal(4);
      expect(buf.size).to.equal(0);
      expect(buf.closed).to.equal(false);
    });
  });

  describe('backpressure', () => {
    it('[R2][R3] never holds more than capacity items, however many producers push', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 3 });
      const puts = [1, 2, 3, 4, 5, 6].map((n) => track(buf.put(n)));
      await flush();
      expect(buf.size, 'size is capped at capacity').to.equal(3);
      expect(puts.map((p) => p.status), 'first three accepted, last three waiting').to.deep.equal([
        'fulfilled', 'fulfilled', 'fulfilled', 'pending', 'pending', 'pending',
      ]);
    });

    it('[R4][R5] admits blocked producers one per freed slot, in the order they called put', async () => {
      const buf = new BoundedBuffer<string>({ capacity: 1 });
      await buf.put('a');
      const b = track(buf.put('b'));
      const c = track(buf.put('c'));
      await flush();
      expect(await buf.take()).to.equal('a');
      await flush();
      expect([b.status, c.status], "only 'b' gets the freed slot").to.deep.equal(['fulfilled', 'pending']);
      expect(buf.size).to.equal(1);
      expect(await buf.take(), "'b' called put before 'c'").to.equal('b');
      await flush();
      expect(c.status).to.equal('fulfilled');
      expect(await buf.take()).to.equal('c');
    });

    it('[R1] hands a put straight to a waiting consumer without storing it', async () => {
      const buf = new BoundedBuffer<string>({ capacity: 1 });
      const taker = track(buf.take());
      const put = track(buf.put('x'));
      await flush();
      expect(put.status, 'put resolves at once when a consumer waits').to.equal('fulfilled');
      expect(taker.value).to.equal('x');
      expect(buf.size, 'the item went to the consumer, not the buffer').to.equal(0);
    });

    it('[R9][R1] serves waiting consumers in the order they called take', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 2 });
      const first = track(buf.take());
      const second = track(buf.take());
      const third = track(buf.take());
      await buf.put(10);
      await buf.put(20);
      await flush();
      expect([first.value, second.value, third.status], 'oldest waiter first').to.deep.equal([10, 20, 'pending']);
      await buf.put(30);
      await flush();
      expect(third.value).to.equal(30);
    });
  });

  describe('strategies', () => {
    it('[R6] lifo takes the newest item first', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 5, strategy: 'lifo' });
      for (const n of [1, 2, 3]) await buf.put(n);
      expect(await takeN(buf, 3)).to.deep.equal([3, 2, 1]);
    });

    it('[R8][R6] lifo: a blocked item does not compete for the take that frees its slot', async () => {
      const buf = new BoundedBuffer<string>({ capacity: 2, strategy: 'lifo' });
      await buf.put('a');
      await buf.put('b');
      const c = track(buf.put('c'));
      expect(await buf.take(), "'c' is not in the buffer when this take runs").to.equal('b');
      await flush();
      expect(c.status).to.equal('fulfilled');
      expect(await takeN(buf, 2), "then 'c' (newest) and 'a'").to.deep.equal(['c', 'a']);
    });

    it('[R7] priority: higher numbers first, including negative and fractional priorities', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 10, strategy: 'priority', priority: (n) => n });
      for (const n of [0, -3, 2.5, 7, -0.5, 2]) await buf.put(n);
      expect(await takeN(buf, 6)).to.deep.equal([7, 2.5, 2, 0, -0.5, -3]);
    });

    it('[R7] priority is stable: equal priorities come out in the order they were stored', async () => {
      const buf = new BoundedBuffer<string>({
        capacity: 10, strategy: 'priority', priority: (s) => (s.startsWith('hi') ? 1 : 0),
      });
      for (const s of ['lo1', 'hi1', 'lo2', 'hi2', 'lo3', 'hi3']) await buf.put(s);
      expect(await takeN(buf, 6)).to.deep.equal(['hi1', 'hi2', 'hi3', 'lo1', 'lo2', 'lo3']);
    });

    it('[R7] priority: an item stored later with a higher priority jumps the queue', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 10, strategy: 'priority', priority: (n) => n });
      await buf.put(1);
      await buf.put(2);
      expect(await buf.take()).to.equal(2);
      await buf.put(5);
      await buf.put(1.5);
      expect(await takeN(buf, 3)).to.deep.equal([5, 1.5, 1]);
    });

    it('[R8][R3] priority: a blocked high-priority item waits for a slot like any other', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 2, strategy: 'priority', priority: (n) => n });
      await buf.put(1);
      await buf.put(2);
      const urgent = track(buf.put(100));
      expect(await buf.take(), 'only stored items compete').to.equal(2);
      await flush();
      expect(urgent.status).to.equal('fulfilled');
      expect(await takeN(buf, 2)).to.deep.equal([100, 1]);
    });
  });

  describe('close', () => {
    it('[R19] rejects puts after close with BufferClosedError and stores nothing', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 2 });
      buf.close();
      const put = track(buf.put(1));
      await flush();
      expect(put.reason, 'put after close').to.be.instanceOf(BufferClosedError);
      expect(buf.size).to.equal(0);
      expect(buf.closed).to.equal(true);
    });

    it('[R20][R5] lets consumers drain every stored item in strategy order, then rejects', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 3 });
      for (const n of [1, 2, 3]) await buf.put(n);
      buf.close();
      expect(await takeN(buf, 3), 'closing keeps accepted work').to.deep.equal([1, 2, 3]);
      const end = track(buf.take());
      await flush();
      expect(end.reason, 'drained and closed').to.be.instanceOf(BufferClosedError);
    });

    it('[R18] rejects consumers already waiting when it closes', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      const a = track(buf.take());
      const b = track(buf.take());
      buf.close();
      await flush();
      expect(a.reason, 'first waiter').to.be.instanceOf(BufferClosedError);
      expect(b.reason, 'second waiter').to.be.instanceOf(BufferClosedError);
    });

    it('[R17] rejects blocked producers when it closes and never stores their items', async () => {
      const buf = new BoundedBuffer<string>({ capacity: 1 });
      await buf.put('kept');
      const blocked = track(buf.put('dropped'));
      buf.close();
      await flush();
      expect(blocked.reason, 'blocked put').to.be.instanceOf(BufferClosedError);
      expect(await buf.take()).to.equal('kept');
      const end = track(buf.take());
      await flush();
      expect(end.reason, "'dropped' was never accepted").to.be.instanceOf(BufferClosedError);
    });

    it('[R21 put][R19] rejects a put after close without throwing synchronously, storing nothing', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      buf.close();
      let put: Tracked<void> | undefined;
      expect(() => {
        put = track(buf.put(1));
      }, 'put(1) after close must return a rejected promise, not throw').not.to.throw();
      await flush();
      expect(put!.reason, 'put after close').to.be.instanceOf(BufferClosedError);
      expect(buf.size, 'nothing stored').to.equal(0);
    });

    it('[R30 put][R19] rejects a put after close with a BufferClosedError whose message says the buffer is closed', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      buf.close();
      const put = track(buf.put(1));
      await flush();
      const error = put.reason as Error;
      expect(error.name, 'the error keeps its class name').to.equal('BufferClosedError');
      expectMessage(error, ['closed'], 'the message says why the put failed');
    });

    it('[R30 take][R20] rejects a take on a closed, drained buffer with a message saying it is closed', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      buf.close();
      const end = track(buf.take());
      await flush();
      expect(end.reason, 'end of stream').to.be.instanceOf(BufferClosedError);
      expectMessage(end.reason, ['closed']);
    });

    it('[R30 put][R17] rejects a blocked producer on close with a message saying the buffer closed', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      await buf.put(1);
      const blocked = track(buf.put(2));
      buf.close();
      await flush();
      expect(blocked.reason, 'blocked put').to.be.instanceOf(BufferClosedError);
      expectMessage(blocked.reason, ['closed']);
    });

    it('[R30 take][R18] rejects a waiting consumer on close with a message saying the buffer closed', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      const waiting = track(buf.take());
      buf.close();
      await flush();
      expect(waiting.reason, 'waiting take').to.be.instanceOf(BufferClosedError);
      expectMessage(waiting.reason, ['closed']);
    });

    it('[R16] is idempotent', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      await buf.put(1);
      buf.close();
      expect(() => buf.close(), 'closing twice is harmless').not.to.throw();
      expect(await buf.take()).to.equal(1);
    });
  });

  describe('timeouts', () => {
    it('[R10] does not time out one tick early', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const taken = track(buf.take({ timeoutMs: 250 }));
      timers.advance(249);
      await flush();
      expect(taken.status, 'still waiting at 249 ms').to.equal('pending');
      timers.advance(1);
      await flush();
      expect(taken.reason, 'rejected at 250 ms').to.be.instanceOf(TimeoutError);
    });

    it('[R10] removes a timed-out consumer so the next item is not lost', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<string>({ capacity: 1, timers });
      const gone = track(buf.take({ timeoutMs: 10 }));
      const patient = track(buf.take());
      timers.advance(10);
      await flush();
      expect(gone.reason).to.be.instanceOf(TimeoutError);
      await buf.put('item');
      await flush();
      expect(patient.value, 'the item goes to the consumer still waiting').to.equal('item');
    });

    it('[R10] a timed-out consumer leaves the next item in the buffer when nobody else waits', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<string>({ capacity: 1, timers });
      track(buf.take({ timeoutMs: 5 }));
      timers.advance(5);
      await flush();
      await buf.put('later');
      expect(buf.size, 'the item is stored, not handed to the timed-out take').to.equal(1);
      expect(await buf.take()).to.equal('later');
    });

    it('[R11] cancels the timer when the take is satisfied', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const taken = track(buf.take({ timeoutMs: 1000 }));
      await buf.put(7);
      await flush();
      expect(taken.value).to.equal(7);
      expect(timers.pending.size, 'no timer should outlive a satisfied take').to.equal(0);
    });

    it('[R12] starts no timer when an item is already available', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      await buf.put(3);
      const taken = track(buf.take({ timeoutMs: 50 }));
      await flush();
      expect(taken.value).to.equal(3);
      expect(timers.pending.size, 'no timer for a take served at once').to.equal(0);
    });

    it('[R11][R18] close rejects a timed take with BufferClosedError and cancels its timer', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const taken = track(buf.take({ timeoutMs: 100 }));
      buf.close();
      await flush();
      expect(taken.reason, 'closed, not timed out').to.be.instanceOf(BufferClosedError);
      expect(timers.pending.size, 'timer cancelled by close').to.equal(0);
    });

    it('[R14] timeoutMs 0 on an empty buffer fails when the timer fires', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const taken = track(buf.take({ timeoutMs: 0 }));
      timers.advance(0);
      await flush();
      expect(taken.reason).to.be.instanceOf(TimeoutError);
    });

    it('[R30 take][R10] rejects a timed-out take with a TimeoutError whose message gives the timeout in ms', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const taken = track(buf.take({ timeoutMs: 250 }));
      timers.advance(250);
      await flush();
      const error = taken.reason as Error;
      expect(error.name, 'the error keeps its class name').to.equal('TimeoutError');
      expectMessage(error, ['250'], 'the message says how long the take waited');
    });

    it('[R12] starts no timer for a take without timeoutMs', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const taken = track(buf.take());
      expect(timers.pending.size, 'an untimed take waits without a timer').to.equal(0);
      await buf.put(1);
      await flush();
      expect(taken.value).to.equal(1);
    });

    it('[R13] calls clearTimeout only with handles of its own timers that have neither fired nor been cleared', async () => {
      const fake = new FakeTimers();
      const issued: unknown[] = [];
      const cleared: unknown[] = [];
      const timers = {
        setTimeout: (callback: () => void, ms: number) => {
          const handle = fake.setTimeout(callback, ms);
          issued.push(handle);
          return handle;
        },
        clearTimeout: (handle: unknown) => {
          cleared.push(handle);
          fake.clearTimeout(handle);
        },
      };
      const buf = new BoundedBuffer<number>({ capacity: 1, timers });
      const untimed = track(buf.take());
      const timed = track(buf.take({ timeoutMs: 100 }));
      await buf.put(1); // served to the untimed take: no timer to cancel
      await buf.put(2); // served to the timed take: cancels issued[0]
      await flush();
      expect([untimed.value, timed.value]).to.deep.equal([1, 2]);
      const expires = track(buf.take({ timeoutMs: 10 }));
      fake.advance(10); // fires issued[1]: nothing to cancel
      await flush();
      expect(expires.reason).to.be.instanceOf(TimeoutError);
      const closing = track(buf.take({ timeoutMs: 100 }));
      buf.close(); // cancels issued[2]
      buf.close();
      await flush();
      expect(closing.reason).to.be.instanceOf(BufferClosedError);
      expect(issued, 'one timer per timed take that had to wait').to.have.length(3);
      expect(cleared, 'only the satisfied and the closed timed takes cancel their timers').to.deep.equal([issued[0], issued[2]]);
    });

    it('[R10][R9] removes a timed-out consumer from the middle of the queue so no item is lost', async () => {
      const timers = new FakeTimers();
      const buf = new BoundedBuffer<string>({ capacity: 1, timers });
      const first = track(buf.take());
      const gone = track(buf.take({ timeoutMs: 10 }));
      const last = track(buf.take());
      timers.advance(10);
      await flush();
      expect(gone.reason).to.be.instanceOf(TimeoutError);
      await buf.put('x');
      await buf.put('y');
      await flush();
      expect([first.value, last.value], 'the two consumers still waiting get both items').to.deep.equal(['x', 'y']);
      expect(buf.size, 'nothing left behind').to.equal(0);
    });

    it('[R15] uses the global setTimeout when no timers are given', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1 });
      const outcome = await settles(
        buf.take({ timeoutMs: 0 }).then(
          () => 'fulfilled',
          (error: unknown) => error,
        ),
        'a take with timeoutMs 0 and the global timers',
      );
      expect(outcome, 'the real 0 ms timer fires and the take times out').to.be.instanceOf(TimeoutError);
    });

    it('[R29][R21 take] rejects an invalid timeoutMs with RangeError, without throwing synchronously', async () => {
      const buf = new BoundedBuffer<number>({ capacity: 1, timers: new FakeTimers() });
      for (const bad of [-1, NaN, Infinity]) {
        let result: Tracked<number> | undefined;
        expect(() => {
          result = track(buf.take({ timeoutMs: bad }));
        }, `take({ timeoutMs: ${bad} }) must return a rejected promise, not throw`).not.to.throw();
        await flush();
        expect(result!.reason, `timeoutMs ${bad}`).to.be.instanceOf(RangeError);
        expectMessage(result!.reason, ['timeoutMs']);
      }
    });
  });

  describe('producers and consumers together', () => {
    it('[R4][R20] delivers every item exactly once, each producer in order, then shuts down cleanly', async () => {
      const buf = new BoundedBuffer<string>({ capacity: 2 });
      const received: string[][] = [[], []];
      const producer = async (name: string) => {
        for (let i = 0; i < 15; i++) await buf.put(`${name}${i}`);
      };
      const consumer = async (slot: number) => {
        for (;;) {
          try {
            received[slot].push(await buf.take());
          } catch (error) {
            expect(error, 'consumers stop on BufferClosedError').to.be.instanceOf(BufferClosedError);
            return;
          }
        }
      };
      const consumers = [consumer(0), consumer(1)];
      await settles(Promise.all(['a', 'b', 'c'].map(producer)), 'all producers');
      buf.close();
      await settles(Promise.all(consumers), 'all consumers after close');
      const all = [...received[0], ...received[1]];
      expect(all.length, '45 items delivered').to.equal(45);
      expect(new Set(all).size, 'no item delivered twice').to.equal(45);
      for (const name of ['a', 'b', 'c']) {
        const mine = all.filter((s) => s[0] === name).map((s) => Number(s.slice(1)));
        for (const list of received) {
          const seen = list.filter((s) => s[0] === name).map((s) => Number(s.slice(1)));
          expect(seen, `each consumer sees ${name}'s items in order`).to.deep.equal([...seen].sort((x, y) => x - y));
        }
        expect(mine.length).to.equal(15);
      }
    });
  });

  describe('model', () => {
    type Step =
      | { op: 'put'; item: number }
      | { op: 'take'; timeoutMs: number | undefined }
      | { op: 'close' }
      | { op: 'advance'; ms: number };
    interface Scenario {
      capacity: number;
      strategy: 'fifo' | 'lifo' | 'priority';
      steps: Step[];
    }
    /** Ties on purpose (priority 0, 1 or 2), so "among equal priorities, stored first" is exercised. */
    const priorityOf = (item: number) => item % 3;

    /** Fake timers that also report a clearTimeout of a handle that is not a live timer of theirs. */
    class CheckedTimers extends FakeTimers {
      misuse: string | null = null;
      private issued = new Set<unknown>();
      override setTimeout = (callback: () => void, ms: number): unknown => {
        const id = this.nextHandle++;
        this.issued.add(id);
        this.pending.set(id, { at: this.now + ms, callback });
        return id;
      };
      override clearTimeout = (handle: unknown): void => {
        if (!this.pending.has(handle as number)) this.misuse ??= `clearTimeout(${String(handle)}) of a timer that ${this.issued.has(handle) ? 'had fired or was cancelled' : 'it never started'}`;
        this.pending.delete(handle as number);
      };
      private nextHandle = 1;
    }

    /** The statement, literally: stored items, waiting puts and takes in call order, timers by due time. */
    class ModelBuffer {
      private items: { item: number; seq: number }[] = [];
      private seq = 0;
      private puts: { id: number; item: number }[] = [];
      private takes: { id: number; timer?: number }[] = [];
      private timers: { take: number; at: number; order: number }[] = [];
      private timerOrder = 0;
      private now = 0;
      closed = false;
      /** What each promise, by call number, should have settled to: 'pending', 'resolved 3', 'rejected TimeoutError'. */
      readonly status: string[] = [];
      constructor(
        private readonly capacity: number,
        private readonly strategy: Scenario['strategy'],
      ) {}
      get size(): number {
        return this.items.length;
      }
      get liveTimers(): number {
        return this.timers.length;
      }
      private store(item: number): void {
        this.items.push({ item, seq: this.seq++ });
      }
      private cancel(take: { timer?: number }): void {
        this.timers = this.timers.filter((t) => t.order !== take.timer);
      }
      put(item: number): void {
        const id = this.status.push('pending') - 1;
        if (this.closed) this.status[id] = 'rejected BufferClosedError';
        else if (this.takes.length > 0) {
          const take = this.takes.shift()!;
          this.cancel(take);
          this.status[take.id] = `resolved ${item}`;
          this.status[id] = 'resolved';
        } else if (this.items.length < this.capacity) {
          this.store(item);
          this.status[id] = 'resolved';
        } else this.puts.push({ id, item });
      }
      take(timeoutMs: number | undefined): void {
        const id = this.status.push('pending') - 1;
        if (this.items.length > 0) {
          this.status[id] = `resolved ${this.removeNext()}`;
          const admitted = this.puts.shift();
          if (admitted) {
            this.store(admitted.item);
            this.status[admitted.id] = 'resolved';
          }
        } else if (this.closed) this.status[id] = 'rejected BufferClosedError';
        else {
          const timer = timeoutMs === undefined ? undefined : this.timerOrder++;
          if (timer !== undefined) this.timers.push({ take: id, at: this.now + timeoutMs!, order: timer });
          this.takes.push({ id, timer });
        }
      }
      private removeNext(): number {
        let index = 0;
        if (this.strategy === 'lifo') index = this.items.length - 1;
        if (this.strategy === 'priority') {
          for (let i = 1; i < this.items.length; i++) {
            if (priorityOf(this.items[i]!.item) > priorityOf(this.items[index]!.item)) index = i;
          }
        }
        return this.items.splice(index, 1)[0]!.item;
      }
      close(): void {
        if (this.closed) return;
        this.closed = true;
        for (const put of this.puts) this.status[put.id] = 'rejected BufferClosedError';
        for (const take of this.takes) {
          this.cancel(take);
          this.status[take.id] = 'rejected BufferClosedError';
        }
        this.puts = [];
        this.takes = [];
      }
      advance(ms: number): void {
        const target = this.now + ms;
        for (;;) {
          const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
          if (!due) break;
          this.cancel({ timer: due.order });
          this.now = due.at;
          this.takes = this.takes.filter((t) => t.id !== due.take);
          this.status[due.take] = 'rejected TimeoutError';
        }
        this.now = target;
      }
    }

    const scenarios: fc.Arbitrary<Scenario> = fc.record({
      capacity: fc.integer({ min: 1, max: 3 }),
      strategy: fc.constantFrom<Scenario['strategy']>('fifo', 'lifo', 'priority'),
      steps: fc.array(
        fc.oneof(
          { arbitrary: fc.record({ op: fc.constant<'put'>('put'), item: fc.integer({ min: 1, max: 9 }) }), weight: 4 },
          { arbitrary: fc.record({ op: fc.constant<'take'>('take'), timeoutMs: fc.option(fc.constantFrom(0, 1, 5), { nil: undefined }) }), weight: 4 },
          { arbitrary: fc.record({ op: fc.constant<'advance'>('advance'), ms: fc.integer({ min: 0, max: 6 }) }), weight: 2 },
          { arbitrary: fc.constant<Step>({ op: 'close' }), weight: 1 },
        ),
        { minLength: 1, maxLength: 25, size: 'max' },
      ),
    });

    const call = (s: Step) =>
      s.op === 'put' ? `put(${s.item})` : s.op === 'take' ? `take(${s.timeoutMs === undefined ? '' : `{ timeoutMs: ${s.timeoutMs} }`})` : s.op === 'close' ? 'close()' : `advance(${s.ms} ms)`;

    function describeSettled(state: Tracked<unknown>): string {
      if (state.status === 'pending') return 'pending';
      if (state.status === 'rejected') return `rejected ${(state.reason as Error)?.name ?? String(state.reason)}`;
      return state.value === undefined ? 'resolved' : `resolved ${String(state.value)}`;
    }

    /** Runs the scenario on the solution and the model; describes the first step after which they differ. */
    async function divergence({ capacity, strategy, steps }: Scenario): Promise<string | null> {
      const timers = new CheckedTimers();
      const buf = new BoundedBuffer<number>({ capacity, strategy, priority: priorityOf, timers });
      const model = new ModelBuffer(capacity, strategy);
      const promises: Tracked<unknown>[] = [];
      const calls: string[] = [];
      const done: string[] = [];
      const header = `new BoundedBuffer({ capacity: ${capacity}, strategy: '${strategy}', priority: item % 3 })`;
      for (const step of steps) {
        try {
          if (step.op === 'put') {
            calls.push(`#${calls.length + 1} put(${step.item})`);
            model.put(step.item);
            promises.push(track(buf.put(step.item)));
          } else if (step.op === 'take') {
            calls.push(`#${calls.length + 1} ${call(step)}`);
            model.take(step.timeoutMs);
            promises.push(track(buf.take(step.timeoutMs === undefined ? undefined : { timeoutMs: step.timeoutMs })));
          } else if (step.op === 'close') {
            model.close();
            buf.close();
          } else {
            model.advance(step.ms);
            timers.advance(step.ms);
          }
        } catch (err) {
          return `${header}, ${done.length ? `after ${done.join(', ')}, ` : ''}${call(step)} threw synchronously: ${String(err)}`;
        }
        await flush();
        done.push(step.op === 'put' || step.op === 'take' ? calls[calls.length - 1]! : call(step));
        const where = () => `${header}, after ${done.join(', ')}`;
        for (let i = 0; i < promises.length; i++) {
          const got = describeSettled(promises[i]!);
          if (got !== model.status[i]) return `${where()}: ${calls[i]} expected ${model.status[i]}, got ${got}`;
        }
        if (buf.size !== model.size) return `${where()}: size expected ${model.size}, got ${buf.size}`;
        if (buf.closed !== model.closed) return `${where()}: closed expected ${model.closed}, got ${buf.closed}`;
        if (timers.misuse) return `${where()}: ${timers.misuse}`;
        if (timers.pending.size !== model.liveTimers) return `${where()}: live timers expected ${model.liveTimers}, got ${timers.pending.size}`;
      }
      return null;
    }

    it('[model] agrees with a model over random interleaved puts, takes, timeouts, clock steps and close', async () => {
      const result = await fc.check(
        fc.asyncProperty(scenarios, async (scenario) => (await divergence(scenario)) === null),
        { seed: 14, numRuns: 100 },
      );
      if (result.failed) {
        const shrunk = result.counterexample![0];
        expect.fail(`${await divergence(shrunk)}  (fast-check seed ${result.seed}, shrunk ${result.numShrinks} times)`);
      }
    });
  });
});
