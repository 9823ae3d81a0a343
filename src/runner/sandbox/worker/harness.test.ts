/**
 * The real test-worker script (mocha + chai + harness, bundled as the build does) run in a simulated
 * worker (simulatedWorker.ts) against attacks on the verdict. Each attack uses the token-bucket starter,
 * which must fail every hidden test: whatever the attack, the problem's group never reports a pass it did
 * not earn, and nothing user code posts reaches the results channel. (Infinite loops cannot be simulated
 * in-process; e2e/trust-the-verdict.spec.ts covers them in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../protocol';
import { MAX_OWN_TESTS } from './harness';
import { MAX_OWN_TITLE_LENGTH } from './reporter';
import { runInSimulatedWorker, type SimulatedRun } from './simulatedWorker';
import { enumerateTests } from '../../../../scripts/vite/enumerateTests';

const file = (name: string) => readFileSync(`problems/token-bucket/${name}`, 'utf8');
const STARTER = file('starter.ts');
const REFERENCE = file('reference.ts');
const HIDDEN = file('hidden.test.ts');
// As many as the build's test manifest lists for the file (the titles change as the problem's rules are pinned).
const HIDDEN_COUNT = (await enumerateTests({ tests: HIDDEN, reference: REFERENCE, testFileName: 'hidden.test.ts' })).length;

interface GroupSummary {
  planned: number;
  passed: number;
  failed: number;
  titles: string[];
  done: boolean;
  note?: string;
}

function group(run: SimulatedRun, which: 'problem' | 'own'): GroupSummary {
  const started = run.events.find((e): e is Extract<WorkerEvent, { type: 'started' }> => e.type === 'started' && e.group === which);
  const ends = run.events.filter((e): e is Extract<WorkerEvent, { type: 'test-end' }> => e.type === 'test-end' && e.group === which);
  return {
    planned: started?.tests.length ?? 0,
    passed: ends.filter((e) => e.state === 'passed').length,
    failed: ends.filter((e) => e.state === 'failed').length,
    titles: started?.tests.map((t) => t.title) ?? [],
    done: run.events.some((e) => e.type === 'done' && e.group === which),
    ...(started?.note ? { note: started.note } : {}),
  };
}

function crash(run: SimulatedRun): string | null {
  const c = run.events.find((e): e is Extract<WorkerEvent, { type: 'crashed' }> => e.type === 'crashed');
  return c ? `${c.error.name}: ${c.error.message}` : null;
}

/** The starter plus the attack: the problem's group either fails in full or never ran. */
async function attack(code: string): Promise<SimulatedRun> {
  const run = await runInSimulatedWorker(`${STARTER}\n${code}\n`, HIDDEN);
  expect(run.ended, 'the run ended by itself').toBe(true);
  const problem = group(run, 'problem');
  expect(problem.passed, 'no hidden test passed').toBe(0);
  if (problem.planned > 0) expect(problem.planned).toBe(HIDDEN_COUNT);
  return run;
}

describe('the test harness under attack (starter as the solution)', { timeout: 30_000 }, () => {
  it('runs the reference green and the starter red, with no own tests', async () => {
    const good = await runInSimulatedWorker(REFERENCE, HIDDEN);
    expect(group(good, 'problem')).toMatchObject({ planned: HIDDEN_COUNT, passed: HIDDEN_COUNT, done: true });
    expect(group(good, 'own')).toMatchObject({ planned: 0, done: true });
    const bad = await attack('');
    expect(group(bad, 'problem').failed).toBe(HIDDEN_COUNT);
  });

  it('keeps it.only, describe.only, skips and hooks of the solution in its own group', async () => {
    const run = await attack(`
      const g = globalThis as any;
      g.it.only('my own quick check', () => {});
      g.describe.only('mine', () => { g.it('also mine', () => {}); });
      g.it.skip('skipped', () => {});
      g.before(() => { throw new Error('my root hook'); });
      g.beforeEach(function (this: any) { this.skip(); });
    `);
    expect(group(run, 'problem')).toMatchObject({ planned: HIDDEN_COUNT, failed: HIDDEN_COUNT, done: true });
    // mocha's own `.only` rules apply, inside the candidate's group only.
    expect(group(run, 'own').titles).toContain('my own quick check');
  });

  it('ignores a redefined global it/describe: the hidden tests hold their own', async () => {
    const run = await attack(`
      const g = globalThis as any;
      const realIt = g.it;
      g.it = (title: string) => realIt(title, () => {});
      g.describe = (_: string, body: () => void) => body();
    `);
    expect(group(run, 'problem').failed).toBe(HIDDEN_COUNT);
  });

  it('never relays what user code posts on the worker itself, nor lets it hear the run request', async () => {
    const run = await attack(`
      const g = globalThis as any;
      g.postMessage({ type: 'started', group: 'problem', tests: [{ index: 0, title: 'fake', path: [] }] });
      g.postMessage({ type: 'test-end', group: 'problem', index: 0, title: 'fake', path: [], state: 'passed', durationMs: 1 });
      g.postMessage({ type: 'done', group: 'problem' });
      g.onmessage = () => { throw new Error('heard'); };
      g.addEventListener('message', () => { throw new Error('heard'); });
    `);
    expect(run.strayMessages).toHaveLength(3);
    expect(run.events.some((e) => e.type === 'test-end' && e.title === 'fake')).toBe(false);
    expect(group(run, 'problem').failed).toBe(HIDDEN_COUNT);
  });

  it.each([
    ['Function.prototype.call', '(Function.prototype as any).call = function () { return undefined; };'],
    ['Function.prototype.apply', '(Function.prototype as any).apply = function () { return undefined; };'],
    ['Array.prototype.push', '(Array.prototype as any).push = function () { return 0; };'],
    ['Array.prototype.forEach', 'Object.defineProperty(Array.prototype, "forEach", { value() {} });'],
    ['Object.keys', '(Object as any).keys = () => [];'],
    ['Promise.prototype.then', '(Promise.prototype as any).then = function () { return this; };'],
    ['Error.prepareStackTrace', '(Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames;'],
    ['Error.captureStackTrace', '(Error as any).captureStackTrace = () => {};'],
    ['a global Promise', '(globalThis as any).Promise = class {};'],
    ['structuredClone', '(globalThis as any).structuredClone = (x: unknown) => x;'],
    ['MessagePort.prototype.postMessage', '(globalThis as any).MessagePort.prototype.postMessage = () => {};'],
    ['setTimeout', '(globalThis as any).setTimeout = () => 0;'],
    ['Object.prototype', 'Object.defineProperty(Object.prototype, "state", { get() { return "passed"; } });'],
    ['Symbol.iterator of arrays', '(Array.prototype as any)[Symbol.iterator] = function* () {};'],
    ['the claim global', '(globalThis as any).__rehearseTests = () => {};'],
  ])('refuses to let user code patch %s (the run crashes, nothing passes)', async (_what, code) => {
    const run = await attack(code);
    expect(crash(run)).toMatch(/TypeError/);
  });

  it('refuses a claim of the problem tests without the run secret', async () => {
    const run = await attack(
      `(globalThis as any).__rehearseTests('guess', function (_d: unknown, _c: unknown, it: any) { it('fake', () => {}); });`,
    );
    expect(crash(run)).toMatch(/defined once, by the test runner/);
  });

  it("cannot reach mocha's classes to change how tests run, nor the build's mocha globals", async () => {
    const run = await attack(`
      const g = globalThis as any;
      const test = g.it('mine', () => {});
      const runnable = Object.getPrototypeOf(Object.getPrototypeOf(test));
      runnable.run = function (fn: (e?: unknown) => void) { fn(); };
    `);
    expect(crash(run)).toMatch(/TypeError/);
    const names = await attack(`
      const g = globalThis as any;
      if (g.mocha !== undefined || g.Mocha !== undefined || g.__rehearseChai !== undefined) throw new Error('found mocha');
    `);
    expect(crash(names)).toBeNull();
  });

  it('cannot re-run the script to claim the project or the tests with the genuine secret: the run crashes', async () => {
    const run = await attack(`
      const url = /(blob:null\\/\\d+)/.exec(new Error().stack ?? '')?.[1];
      if (url && !(globalThis as any).again) { (globalThis as any).again = true; (globalThis as any).importScripts(url); }
    `);
    // The project's claim comes first in the script, and refuses the second evaluation before the tests' can.
    expect(crash(run)).toMatch(/loaded once, by the runner/);
  });

  it("keeps grep, retries and timeouts of the candidate's own tests in their group", async () => {
    const run = await attack(`
      const g = globalThis as any;
      g.describe('mine', function (this: any) {
        this.retries(5);
        this.timeout(0);
        g.it('retried', function (this: any) { this.timeout(1); throw new Error('x'); });
      });
      try { g.mocha.grep('nothing'); } catch { /* there is no mocha */ }
    `);
    expect(group(run, 'problem')).toMatchObject({ planned: HIDDEN_COUNT, failed: HIDDEN_COUNT });
    expect(group(run, 'own')).toMatchObject({ planned: 1, failed: 1 });
  });

  it('still lets ordinary code override toString, name and message on its own objects', async () => {
    const run = await runInSimulatedWorker(
      `${REFERENCE}
class NotFound extends Error { constructor(m: string) { super(m); this.name = 'NotFound'; this.message = 'nf: ' + m; } }
const thing: any = {};
thing.toString = () => 'thing';
thing.valueOf = () => 42;
describe('overrides', () => {
  it('work on instances', () => {
    const e = new NotFound('x');
    if (e.name !== 'NotFound' || e.message !== 'nf: x' || String(thing) !== 'thing') throw new Error('override failed');
    if (Error.prototype.name !== 'Error') throw new Error('prototype changed');
  });
});`,
      HIDDEN,
    );
    expect(crash(run)).toBeNull();
    expect(group(run, 'problem').passed).toBe(HIDDEN_COUNT);
    expect(group(run, 'own')).toMatchObject({ planned: 1, passed: 1 });
  });

  it('runs the reference plus its own describe/it/it.only exactly like the reference', async () => {
    const run = await runInSimulatedWorker(
      `${REFERENCE}
describe('my checks', () => {
  it('one', () => {});
  it.only('two', () => {});
});`,
      HIDDEN,
    );
    expect(group(run, 'problem')).toMatchObject({ planned: HIDDEN_COUNT, passed: HIDDEN_COUNT });
    expect(group(run, 'own')).toMatchObject({ planned: 1, passed: 1, titles: ['two'] });
  });

  it('does not run a flood of own tests, and clips huge own titles', async () => {
    const flood = await attack(`for (let i = 0; i < ${MAX_OWN_TESTS + 1}; i++) (globalThis as any).it('t' + i, () => {});`);
    expect(group(flood, 'own')).toMatchObject({ planned: 0, done: true });
    expect(group(flood, 'own').note).toMatch(/were not run/);
    const long = await attack(`(globalThis as any).it('x'.repeat(100000), () => {});`);
    expect(group(long, 'own').titles[0]?.length).toBe(MAX_OWN_TITLE_LENGTH + 1);
  });

  it('survives errors with throwing getters thrown from the solution', async () => {
    const run = await attack(`
      (RateLimiter.prototype as any).allow = function () {
        throw { get message(): string { throw new Error('no'); }, get name(): string { throw new Error('no'); } };
      };
    `);
    expect(group(run, 'problem').done).toBe(true);
  });
});

/** The candidate's way to mocha's Pending: a test of its own group throws one from skip() at load time. */
const GET_PENDING = `
let pendingSignal: any;
try { (globalThis as any).it('mine', () => {}).skip(); } catch (signal) { pendingSignal = signal; }
`;

function ends(run: SimulatedRun, which: 'problem' | 'own' = 'problem'): Array<Extract<WorkerEvent, { type: 'test-end' }>> {
  return run.events.filter((e): e is Extract<WorkerEvent, { type: 'test-end' }> => e.type === 'test-end' && e.group === which);
}

describe('a skip signal thrown by the code under test', { timeout: 30_000 }, () => {
  it.each([
    ["mocha's own Pending", 'pendingSignal'],
    ['an object made from its prototype', 'Object.create(Object.getPrototypeOf(pendingSignal))'],
    // Innocent when first asked, Pending afterwards: a guard that checks and then rethrows would lose.
    [
      'a Proxy that answers Pending only after the first question',
      'new Proxy({}, { getPrototypeOf: () => (asked++ === 0 ? Object.prototype : Object.getPrototypeOf(pendingSignal)) })',
    ],
  ])('fails every hidden test when each method throws %s', async (_what, thrown) => {
    const run = await attack(`${GET_PENDING}
let asked = 0;
const skipSignal = () => ${thrown};
for (const name of ['allow', 'remaining', 'retryAfterMs', 'cleanup']) {
  (RateLimiter.prototype as any)[name] = function () { throw skipSignal(); };
}
Object.defineProperty(RateLimiter.prototype, 'trackedUsers', { get() { throw skipSignal(); } });
`);
    expect(group(run, 'problem')).toMatchObject({ planned: HIDDEN_COUNT, failed: HIDDEN_COUNT, done: true });
    expect(ends(run).some((e) => e.state === 'skipped')).toBe(false);
  });

  it('names the skip signal in the failure, and fails a returned value, a rejection and a done-style test too', async () => {
    const run = await runInSimulatedWorker(
      `${GET_PENDING}
export const signal = (): never => { throw pendingSignal; };
export const thenable = () => ({ get then() { throw pendingSignal; } });
export const later = async (): Promise<void> => { throw pendingSignal; };
export const lookalike = (): never => { throw { constructor: Object.getPrototypeOf(pendingSignal).constructor }; };`,
      `import { signal, thenable, later, lookalike } from './solution';
describe('calls', () => {
  it('throws', () => { signal(); });
  it('throws a lookalike', () => { lookalike(); });
  it('returns what the solution made', () => thenable());
  it('awaits', async () => { await later(); });
  it('uses done', (done: () => void) => { signal(); done(); });
  beforeEach(() => {});
});
describe('a hook that calls it', () => {
  before(() => { signal(); });
  it('after a hook that threw', () => {});
});`,
      { testTimeoutMs: 1000 },
    );
    expect(run.ended).toBe(true);
    const results = ends(run).map((e) => [e.title, e.state, e.error?.message]);
    expect(results).toEqual([
      ['throws', 'failed', expect.stringMatching(/skip signal/)],
      ['throws a lookalike', 'failed', expect.stringMatching(/skip signal/)],
      ['returns what the solution made', 'failed', expect.stringMatching(/skip signal/)],
      ['awaits', 'failed', expect.stringMatching(/skip signal/)],
      ['uses done', 'failed', expect.stringMatching(/skip signal/)],
      [expect.stringMatching(/before all/), 'failed', expect.stringMatching(/skip signal/)],
    ]);
  });

  it("still lets the problem's own tests skip, and reports each skip for the page to check", async () => {
    const run = await runInSimulatedWorker(
      'export const one = 1;',
      `import { one } from './solution';
describe('skips', () => {
  it('runs', () => { if (one !== 1) throw new Error('no'); });
  it('skips itself', function (this: { skip(): void }) { this.skip(); });
  it.skip('is skipped by the file', () => {});
  it('has no body');
});`,
    );
    expect(ends(run).map((e) => [e.title, e.state, e.index])).toEqual([
      ['runs', 'passed', 0],
      ['skips itself', 'skipped', 1],
      ['is skipped by the file', 'skipped', -1],
      ['has no body', 'skipped', -1],
    ]);
  });
});

describe('how the events leave the worker', { timeout: 30_000 }, () => {
  /**
   * outbox.ts: an event may wait for a later message only when mocha's own code runs before that message.
   * So in every message, only the last event may be followed by user code: before it only plans, test ends,
   * and test starts whose beforeEach hook starts next (in the same message).
   */
  function expectNothingHeldBeforeUserCode(run: SimulatedRun): void {
    for (const message of run.messages) {
      const events = (Array.isArray(message) ? message : [message]) as WorkerEvent[];
      events.slice(0, -1).forEach((event, i) => {
        const next = events[i + 1];
        const safe =
          event.type === 'started' ||
          event.type === 'test-end' ||
          (event.type === 'runnable-start' && event.kind === 'test' && next?.type === 'runnable-start' && next.kind === 'hook');
        expect(safe, `${JSON.stringify(event)} waited in ${JSON.stringify(events.map((e) => e.type))}`).toBe(true);
      });
    }
  }

  it('sends the hidden tests in about two messages a test, never holding one that user code may follow', async () => {
    const run = await runInSimulatedWorker(REFERENCE, HIDDEN);
    expect(group(run, 'problem')).toMatchObject({ planned: HIDDEN_COUNT, passed: HIDDEN_COUNT, done: true });
    expectNothingHeldBeforeUserCode(run);
    expect(run.messages.length).toBeLessThan(run.events.length / 1.5);
  });

  it('sends at once a test start without hooks, a hook start and end, and console output', async () => {
    const run = await runInSimulatedWorker(
      'export const twice = (n: number): number => 2 * n;',
      `import { expect } from 'chai';
import { twice } from './solution';
describe('no hooks', () => {
  it('doubles', () => { console.log('doubling'); expect(twice(2)).to.equal(4); });
  it('doubles zero', () => expect(twice(0)).to.equal(0));
});
describe('hooks', () => {
  let n = 0;
  before(() => { n = 1; });
  beforeEach(() => { n += 1; });
  afterEach(() => { n -= 1; });
  describe('nested', () => {
    beforeEach(() => { n += 1; });
    it('sees both hooks', () => expect(n).to.equal(3));
  });
  it('sees one hook', () => expect(n).to.equal(2));
});`,
    );
    expect(group(run, 'problem')).toMatchObject({ planned: 4, passed: 4, done: true });
    expectNothingHeldBeforeUserCode(run);
    const last = (message: unknown) => (Array.isArray(message) ? (message.at(-1) as WorkerEvent) : (message as WorkerEvent));
    const lastTypes = run.messages.map((m) => {
      const e = last(m);
      return e.type === 'runnable-start' ? `${e.kind}-start` : e.type;
    });
    // Each of these ends the message it is in (user code runs next).
    expect(lastTypes.filter((t) => t === 'console')).toHaveLength(1);
    expect(lastTypes.filter((t) => t === 'test-start')).toHaveLength(2); // the two tests without hooks
    expect(lastTypes.filter((t) => t === 'hook-start')).toHaveLength(
      run.events.filter((e) => e.type === 'runnable-start' && e.kind === 'hook').length,
    );
    expect(lastTypes.filter((t) => t === 'hook-end')).toHaveLength(run.events.filter((e) => e.type === 'hook-end').length);
  });
});

describe("the run's per-test timeout", { timeout: 30_000 }, () => {
  it("applies to the problem's tests and the candidate's own: a test that never settles fails at it", async () => {
    const run = await runInSimulatedWorker(
      `export const never = (): Promise<void> => new Promise(() => {});
describe('mine', () => { it('waits too', async () => { await never(); }); });`,
      `import { never } from './solution';
describe('waiting', () => { it('waits', async () => { await never(); }); });`,
      { testTimeoutMs: 150 },
    );
    expect(run.ended).toBe(true);
    const starts = run.events.filter((e) => e.type === 'runnable-start' && e.kind === 'test');
    expect(starts.map((e) => (e.type === 'runnable-start' ? e.timeoutMs : null))).toEqual([150, 150]);
    const ends = run.events.filter((e): e is Extract<WorkerEvent, { type: 'test-end' }> => e.type === 'test-end');
    expect(ends.map((e) => [e.group, e.state, e.error?.isTimeout])).toEqual([
      ['problem', 'failed', true],
      ['own', 'failed', true],
    ]);
  });
});
