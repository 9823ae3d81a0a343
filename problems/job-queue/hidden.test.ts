import { expect } from 'chai';
import { JobQueue } from './solution';

async function settled(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function deferred<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(options: { concurrency?: number; retry?: Record<string, number> } = {}) {
  const clock = { now: 0 };
  const q = new JobQueue({ concurrency: options.concurrency ?? 1, clock: () => clock.now, retry: options.retry });
  return { clock, q };
}

/** A handler that fails its first `failures` attempts, then succeeds; it records every call. */
function flaky(failures: number, calls: Array<{ id: string; attempt: number }> = []) {
  return {
    calls,
    handler: async (ctx: { id: string; attempt: number }) => {
      calls.push({ ...ctx });
      if (calls.length <= failures) throw new Error(`failure ${calls.length}`);
      return 'done';
    },
  };
}

describe('JobQueue — hidden', () => {
  describe('validation', () => {
    it('rejects a concurrency that is not a positive integer with RangeError', () => {
      for (const bad of [0, -1, 1.5, NaN]) {
        expect(() => new JobQueue({ concurrency: bad }), `concurrency ${bad}`).to.throw(RangeError, /concurrency/);
      }
    });

    it('rejects options that are not an object, null included, with TypeError saying options must be an object', () => {
      for (const bad of [null, undefined, 4]) {
        let error: unknown;
        try {
          new JobQueue(bad as never);
        } catch (caught) {
          error = caught;
        }
        expect(error, `options ${String(bad)}`).to.be.instanceOf(TypeError);
        expect((error as Error).message, `options ${String(bad)}: the message names options`).to.match(/options/);
        expect((error as Error).message, `options ${String(bad)}: the message says it must be an object`).to.match(/object/);
      }
    });

    it('rejects a clock that is not a function with TypeError naming clock', () => {
      expect(() => new JobQueue({ concurrency: 1, clock: 1000 as never })).to.throw(TypeError, /clock/);
    });

    it('reads Date.now when no clock is given', () => {
      const q = new JobQueue({ concurrency: 1 });
      const before = Date.now();
      const id = q.enqueue(async () => 1);
      const after = Date.now();
      expect(q.get(id).runAt, 'runAt defaults to the real time now').to.be.within(before, after);
      expect(q.get(id).status).to.equal('queued');
    });

    it('rejects non-finite baseDelayMs and factor, and a maxDelayMs that is negative or not a number', () => {
      const make = (retry: Record<string, unknown>) => () => new JobQueue({ concurrency: 1, retry: retry as never });
      for (const bad of [NaN, Infinity]) {
        expect(make({ baseDelayMs: bad }), `baseDelayMs ${bad}`).to.throw(RangeError, /baseDelayMs/);
        expect(make({ factor: bad }), `factor ${bad}`).to.throw(RangeError, /factor/);
      }
      expect(make({ maxDelayMs: -1 }), 'maxDelayMs -1').to.throw(RangeError, /maxDelayMs/);
      expect(make({ maxDelayMs: '5' }), "maxDelayMs '5' (a string)").to.throw(RangeError, /maxDelayMs/);
      expect(make({ maxDelayMs: 0 }), 'maxDelayMs 0 is allowed').not.to.throw();
    });

    it('a maxDelayMs of 0 makes every retry due at once', async () => {
      const { q } = setup({ retry: { maxDelayMs: 0 } });
      const id = q.enqueue(flaky(1).handler);
      q.runDue();
      await settled();
      expect(q.get(id).runAt, 'the 1000 ms default delay is capped to 0').to.equal(0);
      expect(q.runDue(), 'retry due immediately').to.equal(1);
    });

    it('rejects a bad retry policy with RangeError naming the field', () => {
      const make = (retry: Record<string, number>) => () => new JobQueue({ concurrency: 1, retry });
      expect(make({ maxAttempts: 0 })).to.throw(RangeError, /maxAttempts/);
      expect(make({ maxAttempts: 2.5 })).to.throw(RangeError, /maxAttempts/);
      expect(make({ baseDelayMs: -1 })).to.throw(RangeError, /baseDelayMs/);
      expect(make({ factor: 0.5 })).to.throw(RangeError, /factor/);
      expect(make({ maxDelayMs: NaN })).to.throw(RangeError, /maxDelayMs/);
      expect(make({ maxDelayMs: Infinity }), 'Infinity means no cap and is allowed').not.to.throw();
    });

    it('rejects a bad job with the right error type', () => {
      const { q } = setup();
      expect(() => q.enqueue('not a function' as never)).to.throw(TypeError, /handler/);
      expect(() => q.enqueue(async () => 1, { priority: NaN })).to.throw(RangeError, /priority/);
      expect(() => q.enqueue(async () => 1, { runAt: Infinity })).to.throw(RangeError, /runAt/);
      expect(() => q.enqueue(async () => 1, { maxAttempts: 0 })).to.throw(RangeError, /maxAttempts/);
      expect(q.metrics().queued, 'rejected jobs are not added').to.equal(0);
    });

    it('throws for an unknown job id, naming it', () => {
      const { q } = setup();
      expect(() => q.get('job-42')).to.throw(Error, /unknown job.*job-42/);
    });
  });

  describe('enqueue and status', () => {
    it('numbers jobs job-1, job-2, ... and starts them queued with no attempts', () => {
      const { q } = setup();
      expect([q.enqueue(async () => 1), q.enqueue(async () => 2)]).to.deep.equal(['job-1', 'job-2']);
      const info = q.get('job-2');
      expect(info.status).to.equal('queued');
      expect(info.attempts).to.equal(0);
      expect(info.priority, 'default priority').to.equal(0);
      expect(info.maxAttempts, 'default maxAttempts').to.equal(3);
      expect(info.runAt, 'runAt defaults to now').to.equal(0);
    });

    it('a runAt in the past or exactly now is queued, in the future delayed', () => {
      const { clock, q } = setup();
      clock.now = 1000;
      expect(q.get(q.enqueue(async () => 1, { runAt: 999 })).status).to.equal('queued');
      expect(q.get(q.enqueue(async () => 1, { runAt: 1000 })).status).to.equal('queued');
      expect(q.get(q.enqueue(async () => 1, { runAt: 1001 })).status).to.equal('delayed');
    });

    it('get returns a copy that cannot change the queue', async () => {
      const { q } = setup();
      const id = q.enqueue(async () => 1);
      const info = q.get(id);
      info.status = 'succeeded';
      info.priority = 99;
      expect(q.get(id).status, 'the queue keeps its own state').to.equal('queued');
      expect(q.runDue(), 'the job is still due').to.equal(1);
    });
  });

  describe('scheduling', () => {
    it('calls the handler synchronously inside runDue with id and attempt 1', () => {
      const { q } = setup();
      const calls: Array<{ id: string; attempt: number }> = [];
      const id = q.enqueue(async (ctx) => {
        calls.push({ ...ctx });
      });
      q.runDue();
      expect(calls, 'handler called before runDue returns').to.deep.equal([{ id, attempt: 1 }]);
    });

    it('never runs more than `concurrency` jobs at once', async () => {
      const { q } = setup({ concurrency: 2 });
      const gates = [deferred(), deferred(), deferred(), deferred()];
      let started = 0;
      for (const gate of gates) {
        q.enqueue(() => {
          started++;
          return gate.promise;
        });
      }
      expect(q.runDue(), 'two slots').to.equal(2);
      expect(q.runDue(), 'slots still busy').to.equal(0);
      expect(started).to.equal(2);
      gates[0].resolve('ok');
      await settled();
      expect(q.metrics().running).to.equal(1);
      expect(q.runDue(), 'one slot freed').to.equal(1);
      expect(started).to.equal(3);
      expect(q.metrics().running).to.equal(2);
    });

    it('does not start the next job on its own when one finishes', async () => {
      const { q } = setup();
      const first = deferred();
      let secondRan = false;
      q.enqueue(() => first.promise);
      q.enqueue(async () => {
        secondRan = true;
      });
      q.runDue();
      first.resolve('ok');
      await settled();
      expect(secondRan, 'only runDue starts jobs').to.equal(false);
      expect(q.get('job-2').status).to.equal('queued');
    });

    it('runs higher priority first, ties in enqueue order, negatives last', async () => {
      const { q } = setup({ concurrency: 1 });
      const order: string[] = [];
      const job = (name: string, priority: number) => q.enqueue(async () => void order.push(name), { priority });
      job('low', -1);
      job('mid1', 3);
      job('high', 10);
      job('mid2', 3);
      job('zero', 0);
      for (let i = 0; i < 5; i++) {
        q.runDue();
        await settled();
      }
      expect(order).to.deep.equal(['high', 'mid1', 'mid2', 'zero', 'low']);
    });

    it('a high-priority job that is not due yet does not hold back due jobs', () => {
      const { q } = setup({ concurrency: 1 });
      const later = q.enqueue(async () => 1, { priority: 100, runAt: 50 });
      const now = q.enqueue(async () => 1, { priority: 0 });
      expect(q.runDue()).to.equal(1);
      expect(q.get(now).status).to.equal('running');
      expect(q.get(later).status).to.equal('delayed');
    });

    it('starts a delayed job exactly at runAt, not 1 ms before', () => {
      const { clock, q } = setup();
      const id = q.enqueue(async () => 1, { runAt: 250 });
      clock.now = 249;
      expect(q.runDue(), 'not due at 249').to.equal(0);
      expect(q.get(id).status).to.equal('delayed');
      clock.now = 250;
      expect(q.runDue(), 'due at 250').to.equal(1);
    });
  });

  describe('retries', () => {
    it('backs off base, base×factor, base×factor², measured from each failure', async () => {
      const { clock, q } = setup({ retry: { maxAttempts: 4, baseDelayMs: 100, factor: 2 } });
      const { handler } = flaky(10);
      const id = q.enqueue(handler);
      const seen: number[] = [];
      for (const start of [0, 130, 380, 900]) {
        clock.now = start;
        expect(q.runDue(), `attempt due at ${start}`).to.equal(1);
        clock.now = start + 7; // the handler takes 7 ms to fail
        await settled();
        seen.push(q.get(id).runAt);
      }
      expect(seen.slice(0, 3), 'next runAt = failure time + 100, 200, 400').to.deep.equal([107, 337, 787]);
      expect(q.get(id).status).to.equal('failed');
    });

    it('caps each delay at maxDelayMs', async () => {
      const { clock, q } = setup({ retry: { maxAttempts: 5, baseDelayMs: 1000, factor: 10, maxDelayMs: 5000 } });
      const id = q.enqueue(flaky(10).handler);
      const delays: number[] = [];
      for (let i = 0; i < 4; i++) {
        q.runDue();
        await settled();
        delays.push(q.get(id).runAt - clock.now);
        clock.now = q.get(id).runAt;
      }
      expect(delays, 'uncapped would be 1000, 10000, 100000, 1000000').to.deep.equal([1000, 5000, 5000, 5000]);
    });

    it('makes exactly maxAttempts attempts, then fails for good', async () => {
      const { clock, q } = setup({ retry: { maxAttempts: 3, baseDelayMs: 10, factor: 1 } });
      const job = flaky(100);
      const id = q.enqueue(job.handler);
      for (let t = 0; t <= 100; t += 10) {
        clock.now = t;
        q.runDue();
        await settled();
      }
      expect(job.calls.length, 'three attempts in total').to.equal(3);
      expect(q.get(id).status).to.equal('failed');
      expect(q.get(id).attempts).to.equal(3);
      expect(q.get(id).lastError).to.equal('failure 3');
    });

    it('succeeds on a retry and stops retrying', async () => {
      const { clock, q } = setup({ retry: { maxAttempts: 5, baseDelayMs: 10, factor: 1 } });
      const job = flaky(2);
      const id = q.enqueue(job.handler);
      for (let t = 0; t <= 100; t += 10) {
        clock.now = t;
        q.runDue();
        await settled();
      }
      expect(job.calls.map((c) => c.attempt), 'attempt numbers 1, 2, 3').to.deep.equal([1, 2, 3]);
      expect(job.calls.every((c) => c.id === id), 'context carries the job id').to.equal(true);
      const info = q.get(id);
      expect(info.status).to.equal('succeeded');
      expect(info.result).to.equal('done');
      expect(info.lastError, 'the last failure stays visible').to.equal('failure 2');
    });

    it('a per-job maxAttempts of 1 means no retry', async () => {
      const { q } = setup();
      const id = q.enqueue(flaky(1).handler, { maxAttempts: 1 });
      q.runDue();
      await settled();
      expect(q.get(id).status).to.equal('failed');
    });

    it('treats a handler that throws synchronously as a failed attempt', async () => {
      const { q } = setup({ retry: { baseDelayMs: 50 } });
      const id = q.enqueue(((): Promise<unknown> => {
        throw new Error('boom');
      }) as () => Promise<unknown>);
      expect(() => q.runDue(), 'runDue must not throw').not.to.throw();
      await settled();
      const info = q.get(id);
      expect(info.status).to.equal('retrying');
      expect(info.lastError).to.equal('boom');
      expect(info.runAt).to.equal(50);
    });

    it('records a non-Error rejection as a string', async () => {
      const { q } = setup();
      const id = q.enqueue(() => Promise.reject('plain string'));
      q.runDue();
      await settled();
      expect(q.get(id).lastError).to.equal('plain string');
    });

    it('frees the slot of a failed attempt', async () => {
      const { q } = setup({ concurrency: 1 });
      q.enqueue(() => Promise.reject(new Error('x')));
      const next = q.enqueue(async () => 'ok');
      q.runDue();
      await settled();
      expect(q.runDue(), 'the failure released its slot').to.equal(1);
      expect(q.get(next).status).to.equal('running');
    });

    it('a due retry competes by priority and enqueue order', async () => {
      const { clock, q } = setup({ concurrency: 1, retry: { baseDelayMs: 10 } });
      const order: string[] = [];
      let failedOnce = false;
      q.enqueue(async () => {
        order.push('old');
        if (!failedOnce) {
          failedOnce = true;
          throw new Error('once');
        }
      });
      q.runDue();
      await settled();
      q.enqueue(async () => void order.push('new'));
      q.enqueue(async () => void order.push('urgent'), { priority: 1 });
      clock.now = 10;
      for (let i = 0; i < 3; i++) {
        q.runDue();
        await settled();
      }
      expect(order, "urgent first, then the retry (job-1) before job-2").to.deep.equal(['old', 'urgent', 'old', 'new']);
    });

    it('a zero base delay makes the retry due at once', async () => {
      const { q } = setup({ retry: { baseDelayMs: 0 } });
      const job = flaky(1);
      q.enqueue(job.handler);
      q.runDue();
      await settled();
      expect(q.runDue(), 'retry due immediately').to.equal(1);
    });
  });

  describe('metrics', () => {
    it('counts every status and every attempt, retries included', async () => {
      const { clock, q } = setup({ concurrency: 3, retry: { maxAttempts: 2, baseDelayMs: 100 } });
      const hang = deferred();
      q.enqueue(async () => 'ok'); // succeeds
      q.enqueue(() => Promise.reject(new Error('x')), { maxAttempts: 1 }); // fails for good
      q.enqueue(() => Promise.reject(new Error('y'))); // will be retrying
      q.enqueue(() => hang.promise, { runAt: 5 }); // delayed, later running
      q.enqueue(async () => 'later', { priority: -1 }); // stays queued (no slot)
      q.runDue();
      await settled();
      expect(q.metrics()).to.deep.equal({
        queued: 1, delayed: 1, running: 0, retrying: 1, succeeded: 1, failed: 1, attempts: 3,
      });
      clock.now = 5;
      q.runDue();
      expect(q.metrics(), 'job-4 and job-5 running').to.deep.include({ running: 2, delayed: 0, queued: 0, attempts: 5 });
      clock.now = 100;
      q.runDue();
      await settled();
      expect(q.metrics(), 'job-3 retried and failed for good').to.deep.include({ failed: 2, retrying: 0, attempts: 6 });
    });
  });
});
