import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, expectThrow } from 'rehearse-test';
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
    it('[R19] rejects a concurrency that is not a positive integer with RangeError', () => {
      for (const bad of [0, -0, -1, 1.5, NaN]) {
        expectThrow(() => new JobQueue({ concurrency: bad }), RangeError, ['concurrency'], `concurrency ${bad}`);
      }
    });

    it('[R18] rejects options that are not an object, null included, with TypeError saying options must be an object', () => {
      for (const bad of [null, undefined, 4]) {
        let error: unknown;
        try {
          new JobQueue(bad as never);
        } catch (caught) {
          error = caught;
        }
        expect(error, `options ${String(bad)}`).to.be.instanceOf(TypeError);
        expectMessage(error, ['options'], `options ${String(bad)}: the message names options`);
        expectMessage(error, ['object'], `options ${String(bad)}: the message says it must be an object`);
      }
    });

    it('[R20] rejects a clock that is not a function with TypeError naming clock', () => {
      expectThrow(() => new JobQueue({ concurrency: 1, clock: 1000 as never }), TypeError, ['clock']);
    });

    it('[R17][R2] reads Date.now when no clock is given', () => {
      const q = new JobQueue({ concurrency: 1 });
      const before = Date.now();
      const id = q.enqueue(async () => 1);
      const after = Date.now();
      expect(q.get(id).runAt, 'runAt defaults to the real time now').to.be.within(before, after);
      expect(q.get(id).status).to.equal('queued');
    });

    it('[R22] rejects non-finite baseDelayMs and factor, and a maxDelayMs that is negative or not a number', () => {
      const make = (retry: Record<string, unknown>) => () => new JobQueue({ concurrency: 1, retry: retry as never });
      for (const bad of [NaN, Infinity]) {
        expectThrow(make({ baseDelayMs: bad }), RangeError, ['baseDelayMs'], `baseDelayMs ${bad}`);
        expectThrow(make({ factor: bad }), RangeError, ['factor'], `factor ${bad}`);
      }
      expectThrow(make({ maxDelayMs: -1 }), RangeError, ['maxDelayMs'], 'maxDelayMs -1');
      expectThrow(make({ maxDelayMs: '5' }), RangeError, ['maxDelayMs'], "maxDelayMs '5' (a string)");
      expect(make({ maxDelayMs: 0 }), 'maxDelayMs 0 is allowed').not.to.throw();
    });

    it('[R14][R11] a maxDelayMs of 0 makes every retry due at once', async () => {
      const { q } = setup({ retry: { maxDelayMs: 0 } });
      const id = q.enqueue(flaky(1).handler);
      q.runDue();
      await settled();
      expect(q.get(id).runAt, 'the 1000 ms default delay is capped to 0').to.equal(0);
      expect(q.runDue(), 'retry due immediately').to.equal(1);
    });

    it('[R21 constructor][R22] rejects a bad retry policy with RangeError naming the field', () => {
      const make = (retry: Record<string, number>) => () => new JobQueue({ concurrency: 1, retry });
      expectThrow(make({ maxAttempts: 0 }), RangeError, ['maxAttempts']);
      expectThrow(make({ maxAttempts: 2.5 }), RangeError, ['maxAttempts']);
      expectThrow(make({ baseDelayMs: -1 }), RangeError, ['baseDelayMs']);
      expectThrow(make({ factor: 0.5 }), RangeError, ['factor']);
      expectThrow(make({ maxDelayMs: NaN }), RangeError, ['maxDelayMs']);
      expect(make({ maxDelayMs: Infinity }), 'Infinity means no cap and is allowed').not.to.throw();
    });

    it('[R23][R21 enqueue] rejects a bad job with the right error type', () => {
      const { q } = setup();
      expectThrow(() => q.enqueue('not a function' as never), TypeError, ['handler']);
      expectThrow(() => q.enqueue(async () => 1, { priority: NaN }), RangeError, ['priority']);
      expectThrow(() => q.enqueue(async () => 1, { runAt: Infinity }), RangeError, ['runAt']);
      expectThrow(() => q.enqueue(async () => 1, { maxAttempts: 0 }), RangeError, ['maxAttempts']);
      expect(q.metrics().queued, 'rejected jobs are not added').to.equal(0);
    });

    it('[R24] throws for an unknown job id, naming it', () => {
      const { q } = setup();
      expectThrow(() => q.get('job-42'), Error, ['unknown job', 'job-42'], 'get("job-42")');
      q.enqueue(async () => 1);
      expect(() => q.get('job-2'), 'an id not returned yet is unknown too').to.throw(Error);
    });
  });

  describe('enqueue and status', () => {
    it('[R1][R2] numbers jobs job-1, job-2, ... and starts them queued with no attempts', () => {
      const { q } = setup();
      expect([q.enqueue(async () => 1), q.enqueue(async () => 2)]).to.deep.equal(['job-1', 'job-2']);
      const info = q.get('job-2');
      expect(info.status).to.equal('queued');
      expect(info.attempts).to.equal(0);
      expect(info.priority, 'default priority').to.equal(0);
      expect(info.maxAttempts, 'default maxAttempts').to.equal(3);
      expect(info.runAt, 'runAt defaults to now').to.equal(0);
    });

    it('[R3] a runAt in the past or exactly now is queued, in the future delayed', () => {
      const { clock, q } = setup();
      clock.now = 1000;
      expect(q.get(q.enqueue(async () => 1, { runAt: 999 })).status).to.equal('queued');
      expect(q.get(q.enqueue(async () => 1, { runAt: 1000 })).status).to.equal('queued');
      expect(q.get(q.enqueue(async () => 1, { runAt: 1001 })).status).to.equal('delayed');
    });

    it('[R15] get returns a copy that cannot change the queue', async () => {
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
    it('[R6] calls the handler synchronously inside runDue with id and attempt 1', () => {
      const { q } = setup();
      const calls: Array<{ id: string; attempt: number }> = [];
      const id = q.enqueue(async (ctx) => {
        calls.push({ ...ctx });
      });
      q.runDue();
      expect(calls, 'handler called before runDue returns').to.deep.equal([{ id, attempt: 1 }]);
    });

    it('[R5][R7][R13] never runs more than `concurrency` jobs at once', async () => {
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

    it('[R8] does not start the next job on its own when one finishes', async () => {
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

    it('[R5] runs higher priority first, ties in enqueue order, negatives last', async () => {
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

    it('[R5][R4] a high-priority job that is not due yet does not hold back due jobs', () => {
      const { q } = setup({ concurrency: 1 });
      const later = q.enqueue(async () => 1, { priority: 100, runAt: 50 });
      const now = q.enqueue(async () => 1, { priority: 0 });
      expect(q.runDue()).to.equal(1);
      expect(q.get(now).status).to.equal('running');
      expect(q.get(later).status).to.equal('delayed');
    });

    it('[R4][R3] starts a delayed job exactly at runAt, not 1 ms before', () => {
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
    it('[R11] backs off base, base×factor, base×factor², measured from each failure', async () => {
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

    it('[R11] caps each delay at maxDelayMs', async () => {
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

    it('[R12] makes exactly maxAttempts attempts, then fails for good', async () => {
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

    it('[R9][R6][R10] succeeds on a retry and stops retrying', async () => {
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

    it('[R12][R2] a per-job maxAttempts of 1 means no retry', async () => {
      const { q } = setup();
      const id = q.enqueue(flaky(1).handler, { maxAttempts: 1 });
      q.runDue();
      await settled();
      expect(q.get(id).status).to.equal('failed');
    });

    it('[R10] treats a handler that throws synchronously as a failed attempt', async () => {
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

    it('[R10] records a non-Error rejection as a string', async () => {
      const { q } = setup();
      const id = q.enqueue(() => Promise.reject('plain string'));
      q.runDue();
      await settled();
      expect(q.get(id).lastError).to.equal('plain string');
    });

    it('[R13] frees the slot of a failed attempt', async () => {
      const { q } = setup({ concurrency: 1 });
      q.enqueue(() => Promise.reject(new Error('x')));
      const next = q.enqueue(async () => 'ok');
      q.runDue();
      await settled();
      expect(q.runDue(), 'the failure released its slot').to.equal(1);
      expect(q.get(next).status).to.equal('running');
    });

    it('[R5][R11] a due retry competes by priority and enqueue order', async () => {
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

    it('[R11] a zero base delay makes the retry due at once', async () => {
      const { q } = setup({ retry: { baseDelayMs: 0 } });
      const job = flaky(1);
      q.enqueue(job.handler);
      q.runDue();
      await settled();
      expect(q.runDue(), 'retry due immediately').to.equal(1);
    });
  });

  describe('defaults and status changes', () => {
    it('[R14] retries by default after 1000 ms then 2000 ms and fails after 3 attempts', async () => {
      const clock = { now: 0 };
      const q = new JobQueue({ concurrency: 1, clock: () => clock.now });
      const { handler, calls } = flaky(5);
      const id = q.enqueue(handler);
      expect(q.get(id).maxAttempts, 'default maxAttempts').to.equal(3);
      q.runDue();
      await settled();
      expect(q.get(id).runAt, 'first delay 1000 ms').to.equal(1000);
      clock.now = 1000;
      q.runDue();
      await settled();
      expect(q.get(id).runAt, 'second delay 2000 ms, from the second failure').to.equal(3000);
      clock.now = 3000;
      q.runDue();
      await settled();
      expect(q.get(id).status, 'three attempts in total').to.equal('failed');
      clock.now = 1e9;
      expect(q.runDue(), 'a failed job never runs again').to.equal(0);
      expect(calls.length).to.equal(3);
    });

    it('[R3] keeps a delayed job delayed after its runAt has passed, until runDue starts it', async () => {
      const { clock, q } = setup({ concurrency: 1 });
      const gate = deferred();
      q.enqueue(() => gate.promise);
      const later = q.enqueue(async () => 'later', { runAt: 50 });
      q.runDue();
      clock.now = 80;
      expect(q.runDue(), 'the only slot is busy').to.equal(0);
      expect(q.get(later).status, 'due, but not started: still delayed').to.equal('delayed');
      expect(q.metrics()).to.deep.include({ delayed: 1, queued: 0, running: 1 });
      gate.resolve('ok');
      await settled();
      expect(q.runDue()).to.equal(1);
      expect(q.get(later).status).to.equal('running');
    });
  });

  describe('metrics', () => {
    it('[R16] counts every status and every attempt, retries included', async () => {
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

  describe('model', () => {
    type Step =
      | { op: 'enqueue'; priority: number; runAtOffset: number | undefined; maxAttempts: number | undefined }
      | { op: 'runDue' }
      | { op: 'finish'; pick: number; ok: boolean; errorIsString: boolean }
      | { op: 'advance'; ms: number };
    interface Retry {
      maxAttempts: number;
      baseDelayMs: number;
      factor: number;
      maxDelayMs: number;
    }
    interface Scenario {
      concurrency: number;
      retry: Retry;
      steps: Step[];
    }
    interface ModelJob {
      id: string;
      status: string;
      priority: number;
      attempts: number;
      maxAttempts: number;
      runAt: number;
      lastError?: string;
      result?: unknown;
    }

    /**
     * The statement, literally. The test finishes each running attempt itself. Handlers here always return a
     * promise: whether a handler that throws synchronously frees its slot within the same runDue() call is
     * left open by the statement, so that case is only checked by the example-based tests above.
     */
    class ModelQueue {
      readonly jobs: ModelJob[] = [];
      /** Attempts in the order they started, still running: the test finishes them by position. */
      readonly running: string[] = [];
      readonly calls: string[] = [];
      attemptsStarted = 0;
      constructor(
        private readonly concurrency: number,
        private readonly retry: Retry,
      ) {}
      enqueue(step: Extract<Step, { op: 'enqueue' }>, now: number): string {
        const id = `job-${this.jobs.length + 1}`;
        const runAt = step.runAtOffset === undefined ? now : now + step.runAtOffset;
        this.jobs.push({
          id, status: runAt > now ? 'delayed' : 'queued', priority: step.priority, attempts: 0,
          maxAttempts: step.maxAttempts ?? this.retry.maxAttempts, runAt,
        });
        return id;
      }
      runDue(now: number): number {
        const due = this.jobs
          .filter((j) => ['queued', 'delayed', 'retrying'].includes(j.status) && j.runAt <= now)
          .sort((a, b) => b.priority - a.priority || this.jobs.indexOf(a) - this.jobs.indexOf(b));
        const starting = due.slice(0, Math.max(0, this.concurrency - this.runningCount()));
        for (const job of starting) {
          job.status = 'running';
          job.attempts++;
          this.attemptsStarted++;
          this.calls.push(`${job.id}#${job.attempts}`);
          this.running.push(job.id);
        }
        return starting.length;
      }
      runningCount(): number {
        return this.jobs.filter((j) => j.status === 'running').length;
      }
      succeed(job: ModelJob, result: unknown): void {
        job.status = 'succeeded';
        job.result = result;
      }
      fail(job: ModelJob, message: string, now: number): void {
        job.lastError = message;
        if (job.attempts >= job.maxAttempts) {
          job.status = 'failed';
          return;
        }
        const { baseDelayMs, factor, maxDelayMs } = this.retry;
        job.status = 'retrying';
        job.runAt = now + Math.min(maxDelayMs, baseDelayMs * factor ** (job.attempts - 1));
      }
      metrics(): string {
        const counts: Record<string, number> = { queued: 0, delayed: 0, running: 0, retrying: 0, succeeded: 0, failed: 0 };
        for (const job of this.jobs) counts[job.status]!++;
        return JSON.stringify({ ...counts, attempts: this.attemptsStarted });
      }
    }

    const scenarios: fc.Arbitrary<Scenario> = fc.record({
      concurrency: fc.integer({ min: 1, max: 3 }),
      retry: fc.record({
        maxAttempts: fc.integer({ min: 1, max: 3 }),
        baseDelayMs: fc.constantFrom(0, 1, 5),
        factor: fc.constantFrom(1, 2, 3),
        maxDelayMs: fc.constantFrom(0, 8, Infinity),
      }),
      steps: fc.array(
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record({
              op: fc.constant<'enqueue'>('enqueue'),
              priority: fc.constantFrom(-1, 0, 0, 2),
              runAtOffset: fc.option(fc.constantFrom(-5, 0, 3, 10), { nil: undefined }),
              maxAttempts: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
            }),
          },
          { weight: 3, arbitrary: fc.constant<Step>({ op: 'runDue' }) },
          { weight: 3, arbitrary: fc.record({ op: fc.constant<'finish'>('finish'), pick: fc.nat(3), ok: fc.boolean(), errorIsString: fc.boolean() }) },
          { weight: 2, arbitrary: fc.record({ op: fc.constant<'advance'>('advance'), ms: fc.integer({ min: 1, max: 12 }) }) },
        ),
        { minLength: 1, maxLength: 30, size: 'max' },
      ),
    });

    const call = (s: Step): string => {
      if (s.op === 'runDue') return 'runDue()';
      if (s.op === 'advance') return `advance(${s.ms} ms)`;
      if (s.op === 'finish') return `finish running #${s.pick} ${s.ok ? 'ok' : s.errorIsString ? 'rejecting a string' : 'rejecting an Error'}`;
      const options = [
        s.priority !== 0 ? `priority: ${s.priority}` : '',
        s.runAtOffset !== undefined ? `runAt: now${s.runAtOffset < 0 ? '' : '+'}${s.runAtOffset}` : '',
        s.maxAttempts !== undefined ? `maxAttempts: ${s.maxAttempts}` : '',
      ].filter(Boolean);
      return `enqueue(handler${options.length ? `, { ${options.join(', ')} }` : ''})`;
    };

    const fields = ['status', 'priority', 'attempts', 'maxAttempts', 'runAt', 'lastError', 'result'] as const;

    /** Runs the scenario on the solution and the model; describes the first step after which they differ. */
    async function divergence({ concurrency, retry, steps }: Scenario): Promise<string | null> {
      let now = 0;
      const q = new JobQueue({ concurrency, clock: () => now, retry });
      const model = new ModelQueue(concurrency, retry);
      const gates = new Map<string, ReturnType<typeof deferred>>();
      const calls: string[] = [];
      const done: string[] = [];
      const header = `new JobQueue({ concurrency: ${concurrency}, retry: ${JSON.stringify(retry).replace('null', 'Infinity')} })`;
      let finished = 0;
      for (const step of steps) {
        let note = '';
        try {
          if (step.op === 'enqueue') {
            const expected = model.enqueue(step, now);
            const id = q.enqueue(
              (ctx) => {
                calls.push(`${ctx.id}#${ctx.attempt}`);
                const gate = deferred();
                gates.set(ctx.id, gate);
                return gate.promise;
              },
              {
                ...(step.priority !== 0 && { priority: step.priority }),
                ...(step.runAtOffset !== undefined && { runAt: now + step.runAtOffset }),
                ...(step.maxAttempts !== undefined && { maxAttempts: step.maxAttempts }),
              },
            );
            if (id !== expected) return `${header}, after ${done.join(', ')}: ${call(step)} expected id ${expected}, got ${id}`;
            note = ` → ${id}`;
          } else if (step.op === 'runDue') {
            const started = model.runDue(now);
            const got = q.runDue();
            if (got !== started) return `${header}, after ${done.join(', ')}: runDue() at ${now} ms expected ${started}, got ${got}`;
            note = ` → ${got}`;
          } else if (step.op === 'finish') {
            if (model.running.length > 0) {
              const id = model.running.splice(step.pick % model.running.length, 1)[0]!;
              const job = model.jobs.find((j) => j.id === id)!;
              const gate = gates.get(id);
              finished++;
              if (step.ok) {
                model.succeed(job, `result ${finished}`);
                gate?.resolve(`result ${finished}`);
                note = ` (${id} resolves 'result ${finished}')`;
              } else {
                const reason = step.errorIsString ? `reason ${finished}` : new Error(`error ${finished}`);
                model.fail(job, String(step.errorIsString ? reason : (reason as Error).message), now);
                gate?.reject(reason);
                note = ` (${id} rejects ${step.errorIsString ? `'reason ${finished}'` : `Error('error ${finished}')`})`;
              }
            } else note = ' (nothing running)';
          } else now += step.ms;
        } catch (err) {
          return `${header}, after ${done.join(', ')}: ${call(step)} threw ${String(err)}`;
        }
        // Only finishing an attempt can settle anything: handlers here return promises that wait for the test.
        if (step.op === 'finish') await settled();
        done.push(step.op === 'finish' ? `finish${note}` : step.op === 'advance' ? `advance to ${now} ms` : `${call(step)}${note}`);
        const where = () => `${header}, after ${done.join(', ')}`;
        if (calls.join(' ') !== model.calls.join(' ')) {
          return `${where()}: handler calls (id#attempt) expected [${model.calls.join(', ')}], got [${calls.join(', ')}]`;
        }
        for (const job of model.jobs) {
          const info = q.get(job.id) as unknown as Record<string, unknown>;
          for (const field of fields) {
            if (!Object.is(info[field], job[field])) {
              return `${where()}: get('${job.id}').${field} expected ${String(job[field])}, got ${String(info[field])}`;
            }
          }
        }
        const metrics = JSON.stringify(q.metrics(), ['queued', 'delayed', 'running', 'retrying', 'succeeded', 'failed', 'attempts']);
        if (metrics !== model.metrics()) return `${where()}: metrics() expected ${model.metrics()}, got ${metrics}`;
      }
      return null;
    }

    it('[model] agrees with a model over random enqueues, runDue calls, finishing attempts and clock steps', async () => {
      const result = await fc.check(
        fc.asyncProperty(scenarios, async (scenario) => (await divergence(scenario)) === null),
        { seed: 14, numRuns: 50 },
      );
      if (result.failed) {
        const shrunk = result.counterexample![0];
        expect.fail(`${await divergence(shrunk)}  (fast-check seed ${result.seed}, shrunk ${result.numShrinks} times)`);
      }
    });
  });
});
