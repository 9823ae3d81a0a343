import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../sandbox/protocol';
import { checkStep, integrityCrash } from './stepRules';

const log = (text: string): WorkerEvent => ({ type: 'console', level: 'log', text });
const started = (group: 'problem' | 'own', n: number): WorkerEvent => ({
  type: 'started',
  group,
  tests: Array.from({ length: n }, (_, index) => ({ index, title: `t${index}`, path: ['G'] })),
});
const end = (group: 'problem' | 'own', index: number, state: 'passed' | 'failed' = 'passed'): WorkerEvent => ({
  type: 'test-end',
  group,
  index,
  title: `t${index}`,
  path: ['G'],
  state,
  durationMs: 1,
});
const crash: WorkerEvent = { type: 'crashed', error: { name: 'E', message: 'm', isAssertion: false, isTimeout: false } };
const begin = (group: 'problem' | 'own', index: number): WorkerEvent => ({
  type: 'runnable-start',
  group,
  kind: 'test',
  index,
  title: `t${index}`,
  timeoutMs: 2000,
});

describe('checkStep: what a step of a Python run may claim', () => {
  it('prepare: console lines, then the problem group starts or the import crashed', () => {
    expect(checkStep({ kind: 'prepare' }, [log('hi'), started('problem', 3)]).ok).toBe(true);
    expect(checkStep({ kind: 'prepare' }, [crash]).ok).toBe(true);
    expect(checkStep({ kind: 'prepare' }, [started('own', 3)]).ok).toBe(false);
    expect(checkStep({ kind: 'prepare' }, []).ok).toBe(false);
  });

  it('prepare cannot also report results (forged test-ends before any test ran)', () => {
    const forged = [end('problem', 0), end('problem', 1), started('problem', 2)];
    expect(checkStep({ kind: 'prepare' }, forged)).toMatchObject({ ok: false });
  });

  it('a test step ends exactly the test it ran', () => {
    const step = { kind: 'test', group: 'problem', index: 2 } as const;
    expect(checkStep(step, [log('x'), end('problem', 2, 'failed')]).ok).toBe(true);
    expect(checkStep(step, [crash]).ok).toBe(true);
    expect(checkStep(step, [end('problem', 3)]).ok).toBe(false);
    expect(checkStep(step, [end('own', 2)]).ok).toBe(false);
    // Two endings: the second would speak for a test this step did not run.
    expect(checkStep(step, [end('problem', 2), end('problem', 3)]).ok).toBe(false);
    expect(checkStep(step, [end('problem', 2, 'failed'), end('problem', 2)]).ok).toBe(false);
  });

  it("the candidate's own tests cannot report a problem test", () => {
    expect(checkStep({ kind: 'test', group: 'own', index: 0 }, [end('problem', 0)]).ok).toBe(false);
    expect(checkStep({ kind: 'finish' }, [end('problem', 0), { type: 'done', group: 'own' }]).ok).toBe(false);
  });

  it('a start is the start of the test asked for, alone', () => {
    const step = { kind: 'runnable-start', group: 'problem', index: 1 } as const;
    expect(checkStep(step, [begin('problem', 1)]).ok).toBe(true);
    expect(checkStep(step, [begin('problem', 2)]).ok).toBe(false);
    expect(checkStep(step, [begin('problem', 1), end('problem', 1)]).ok).toBe(false);
  });

  it('start-own closes the problem group and opens the own group, nothing else', () => {
    expect(checkStep({ kind: 'start-own' }, [{ type: 'done', group: 'problem' }, started('own', 1)]).ok).toBe(true);
    expect(checkStep({ kind: 'start-own' }, [{ type: 'done', group: 'problem' }, started('problem', 1)]).ok).toBe(false);
  });

  it('refuses what is not an event of the protocol', () => {
    expect(checkStep({ kind: 'prepare' }, 'started')).toMatchObject({ ok: false });
    expect(checkStep({ kind: 'prepare' }, [{ type: 'passed-all' }])).toMatchObject({ ok: false });
    expect(checkStep({ kind: 'finish' }, [{ type: 'done', group: 'everything' }])).toMatchObject({ ok: false });
  });

  it('a refusal becomes a crash that says the run cannot count', () => {
    const result = checkStep({ kind: 'test', group: 'problem', index: 0 }, [end('problem', 5)]);
    if (result.ok) throw new Error('expected a refusal');
    const event = integrityCrash(result.reason);
    expect(event.type).toBe('crashed');
    expect(event.type === 'crashed' && event.error.message).toMatch(/cannot count.*test problem #0/);
  });
});
