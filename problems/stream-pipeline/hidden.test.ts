import { expect } from 'chai';
import fc from 'fast-check';
import { expectThrow } from 'rehearse-test';
import { StreamPipeline, type PipelineOptions, type StreamEvent, type WindowResult } from './solution';

/** Windows of 10 ms, no lateness, a long dedup horizon and a roomy buffer, unless told otherwise. */
function pipeline(options: Partial<PipelineOptions> = {}): StreamPipeline {
  return new StreamPipeline({ windowMs: 10, allowedLatenessMs: 0, dedupHorizonMs: 1000, capacity: 100, ...options });
}

let serial = 0;
/** An event with a fresh id unless one is given. */
function ev(key: string, time: number, value = 1, id = `auto-${++serial}`): StreamEvent {
  return { id, key, time, value };
}

const result = (key: string, start: number, end: number, values: number[]): WindowResult => ({
  key,
  start,
  end,
  count: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** Where each result landed, as "key@start". */
const where = (results: WindowResult[]) => results.map((r) => `${r.key}@${r.start}`);

/** Expects `fn` to throw `type` with a message mentioning each of `mentions` (any letter case, any order). */
function expectError(fn: () => unknown, type: new (...args: never[]) => Error, what: string, ...mentions: string[]): void {
  expectThrow(fn, type, mentions, what);
}

describe('StreamPipeline — hidden', () => {
  describe('windows', () => {
    it('[R1] puts times start..start+windowMs-1 in one window and the next time in the next', () => {
      const p = pipeline();
      p.push(ev('k', 0, 1));
      p.push(ev('k', 9, 2));
      p.push(ev('k', 10, 4));
      p.advanceTo(1000);
      expect(p.poll(10)).to.deep.equal([result('k', 0, 10, [1, 2]), result('k', 10, 20, [4])]);
    });

    it('[R1] aligns windows to 0, not to the first event', () => {
      const p = pipeline({ windowMs: 7 });
      p.push(ev('k', 13, 5));
      p.push(ev('k', 14, 6));
      p.advanceTo(1000);
      expect(p.poll(10)).to.deep.equal([result('k', 7, 14, [5]), result('k', 14, 21, [6])]);
    });

    it('[R1] gives each key its own windows', () => {
      const p = pipeline();
      p.push(ev('a', 1, 3));
      p.push(ev('b', 2, 4));
      p.push(ev('a', 3, 5));
      p.advanceTo(10);
      expect(p.poll(10)).to.deep.equal([result('a', 0, 10, [3, 5]), result('b', 0, 10, [4])]);
    });

    it('[R2] summarises count, sum, min and max, with negative and fractional values', () => {
      const p = pipeline();
      for (const v of [2.5, -3, 0, 7]) p.push(ev('k', 4, v));
      p.advanceTo(10);
      expect(p.poll(1)).to.deep.equal([{ key: 'k', start: 0, end: 10, count: 4, sum: 6.5, min: -3, max: 7 }]);
    });

    it('[R2] a single negative value is both the min and the max', () => {
      const p = pipeline();
      p.push(ev('k', 4, -4));
      p.push(ev('j', 4, 9));
      p.advanceTo(10);
      expect(p.poll(2)).to.deep.equal([result('j', 0, 10, [9]), result('k', 0, 10, [-4])]);
    });

    it('[R2] produces nothing for a window without accepted events', () => {
      const p = pipeline();
      p.push(ev('k', 5));
      p.push(ev('k', 25));
      p.advanceTo(100);
      expect(where(p.poll(10)), 'no result for [10, 20)').to.deep.equal(['k@0', 'k@20']);
    });
  });

  describe('watermark and closing', () => {
    it('[R3 push] is -Infinity before anything, then the newest event time minus the allowed lateness', () => {
      const p = pipeline({ allowedLatenessMs: 5 });
      expect(p.watermark).to.equal(-Infinity);
      p.push(ev('k', 50));
      expect(p.watermark).to.equal(45);
      p.push(ev('k', 48));
      expect(p.watermark, 'an older event does not move it back').to.equal(45);
      p.push(ev('k', 52));
      expect(p.watermark).to.equal(47);
    });

    it('[R3 advanceTo] starts from a heartbeat as well as from an event', () => {
      const p = pipeline({ allowedLatenessMs: 3 });
      p.advanceTo(0);
      expect(p.watermark).to.equal(-3);
      p.advanceTo(20);
      expect(p.watermark).to.equal(17);
    });

    it('[R4 push] closes a window exactly when the watermark reaches its end', () => {
      const p = pipeline({ allowedLatenessMs: 3 });
      p.push(ev('k', 1));
      p.push(ev('k', 12));
      expect(p.backlog, 'watermark 9 < end 10').to.equal(0);
      p.push(ev('k', 13));
      expect(p.backlog, 'watermark 10 = end 10').to.equal(1);
      expect(p.poll(5)).to.deep.equal([result('k', 0, 10, [1])]);
    });

    it('[R4 push] emits each window once and forgets it', () => {
      const p = pipeline();
      p.push(ev('k', 1, 2));
      p.push(ev('k', 15, 3));
      expect(p.stats().openWindows).to.equal(1);
      p.advanceTo(30);
      p.advanceTo(40);
      p.push(ev('k', 45, 4));
      p.advanceTo(60);
      expect(p.poll(10)).to.deep.equal([result('k', 0, 10, [2]), result('k', 10, 20, [3]), result('k', 40, 50, [4])]);
      expect(p.stats().openWindows).to.equal(0);
    });

    it('[R5] appends windows closed together by start, then by key in code-unit order', () => {
      const p = pipeline({ allowedLatenessMs: 100 });
      p.push(ev('b', 15));
      p.push(ev('a', 3));
      p.push(ev('b', 4));
      p.push(ev('B', 12));
      p.push(ev('a', 14));
      p.push(ev('a10', 5));
      p.push(ev('a9', 6));
      p.advanceTo(200);
      expect(where(p.poll(10))).to.deep.equal(['a@0', 'a10@0', 'a9@0', 'b@0', 'B@10', 'a@10', 'b@10']);
    });

    it('[R6][R4 advanceTo] a heartbeat closes windows and keeps the newest event time if it is earlier', () => {
      const p = pipeline({ allowedLatenessMs: 5 });
      p.push(ev('k', 30));
      p.advanceTo(20);
      expect(p.watermark, 'an earlier heartbeat changes nothing').to.equal(25);
      p.advanceTo(30);
      expect(p.watermark).to.equal(25);
      expect(p.backlog).to.equal(0);
      p.advanceTo(45);
      expect(p.poll(5)).to.deep.equal([result('k', 30, 40, [1])]);
    });

    it('[R6] a heartbeat forgets ids that fall behind the horizon', () => {
      const p = pipeline({ dedupHorizonMs: 50 });
      p.push(ev('k', 10, 1, 'x'));
      p.advanceTo(59);
      expect(p.stats().trackedIds).to.equal(1);
      p.advanceTo(60);
      expect(p.stats().trackedIds).to.equal(0);
      expect(p.push(ev('k', 60, 1, 'x')), 'x is new again').to.equal('accepted');
    });

    it('[R6] a heartbeat is never refused, even with a full buffer', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('a', 1));
      p.push(ev('b', 2));
      p.push(ev('c', 12));
      expect(p.backlog).to.equal(2);
      p.advanceTo(100);
      expect(p.backlog, 'the heartbeat closed [10, 20) too').to.equal(3);
    });
  });

  describe('push: full, late, duplicate, accepted', () => {
    it('[R7] refuses exactly when the buffer holds capacity results', () => {
      const p = pipeline({ capacity: 2 });
      p.push(ev('a', 1));
      p.push(ev('k', 15));
      expect(p.backlog).to.equal(1);
      expect(p.push(ev('k', 16)), 'one result waiting, capacity 2').to.equal('accepted');
      p.push(ev('k', 25));
      expect(p.backlog).to.equal(2);
      expect(p.push(ev('k', 26))).to.equal('full');
      expect(p.stats().refused).to.equal(1);
    });

    it('[R7] looks at nothing else when full: no lateness, no duplicate, nothing remembered or counted', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('k', 1, 1, 'a'));
      p.push(ev('k', 12, 1, 'b'));
      expect(p.push(ev('k', 13, 1, 'a')), 'would be a duplicate').to.equal('full');
      expect(p.push(ev('k', 2)), 'would be late').to.equal('full');
      expect(p.push(ev('k', 14, 5, 'c')), 'would be accepted').to.equal('full');
      expect(p.stats()).to.deep.include({ accepted: 2, duplicates: 0, late: 0, refused: 3, trackedIds: 2 });
      p.poll(1);
      expect(p.push(ev('k', 14, 5, 'c')), 'the producer sends c again').to.equal('accepted');
      p.advanceTo(20);
      expect(p.poll(1)).to.deep.equal([result('k', 10, 20, [1, 5])]);
    });

    it('[R8] drops an event whose window ended at the watermark, and keeps one ending just after', () => {
      const p = pipeline({ allowedLatenessMs: 5 });
      p.push(ev('k', 25));
      expect(p.push(ev('k', 19)), 'end 20 <= watermark 20').to.equal('late');
      expect(p.push(ev('k', 20)), 'end 30 > watermark 20').to.equal('accepted');
      expect(p.stats().late).to.equal(1);
    });

    it('[R8] is late even for a window that never had an event', () => {
      const p = pipeline();
      p.push(ev('k', 35));
      expect(p.push(ev('other', 5))).to.equal('late');
      expect(p.push(ev('k', 29))).to.equal('late');
      p.advanceTo(100);
      expect(where(p.poll(10))).to.deep.equal(['k@30']);
    });

    it('[R8] accepts an event behind the newest time within the allowed lateness', () => {
      const p = pipeline({ allowedLatenessMs: 15 });
      p.push(ev('k', 24, 1));
      expect(p.push(ev('k', 9, 2)), 'window [0, 10) ends after watermark 9').to.equal('accepted');
      p.push(ev('k', 25, 1));
      expect(p.push(ev('k', 9, 3)), 'watermark 10 has closed it').to.equal('late');
      expect(p.poll(5)).to.deep.equal([result('k', 0, 10, [2])]);
    });

    it('[R9] drops a second event with the same id, whatever its key, time or value', () => {
      const p = pipeline();
      p.push(ev('k', 5, 1, 'x'));
      expect(p.push(ev('k', 5, 1, 'x'))).to.equal('duplicate');
      expect(p.push(ev('other', 7, 50, 'x'))).to.equal('duplicate');
      expect(p.push(ev('k', 500, 50, 'x')), 'a later time does not make it new').to.equal('duplicate');
      p.advanceTo(10);
      expect(p.poll(5)).to.deep.equal([result('k', 0, 10, [1])]);
      expect(p.stats()).to.deep.include({ accepted: 1, duplicates: 3 });
    });

    it('[R10] remembers an id until the newest time is dedupHorizonMs past it, then forgets it', () => {
      const p = pipeline({ dedupHorizonMs: 30, allowedLatenessMs: 100 });
      p.push(ev('k', 10, 1, 'x'));
      p.push(ev('k', 39));
      expect(p.push(ev('k', 11, 1, 'x')), '39 - 10 < 30').to.equal('duplicate');
      p.push(ev('k', 40));
      expect(p.stats().trackedIds, 'x forgotten at 40; the two others remain').to.equal(2);
      expect(p.push(ev('k', 12, 7, 'x')), 'x is new again').to.equal('accepted');
      p.advanceTo(200);
      expect(p.poll(5)).to.deep.equal([result('k', 10, 20, [1, 7]), result('k', 30, 40, [1]), result('k', 40, 50, [1])]);
    });

    it('[R10] does not remember an event accepted dedupHorizonMs or more behind the newest time', () => {
      const p = pipeline({ dedupHorizonMs: 20, allowedLatenessMs: 100 });
      p.push(ev('k', 50, 1, 'newest'));
      p.push(ev('k', 30, 1, 'edge'));
      p.push(ev('k', 31, 1, 'inside'));
      expect(p.stats().trackedIds, 'edge (50 - 30 = 20) is not remembered').to.equal(2);
      expect(p.push(ev('k', 30, 1, 'edge')), 'so its copy counts again').to.equal('accepted');
      expect(p.push(ev('k', 31, 1, 'inside'))).to.equal('duplicate');
    });

    it('[R10] counts remembered ids in trackedIds', () => {
      const p = pipeline({ dedupHorizonMs: 10 });
      expect(p.stats().trackedIds).to.equal(0);
      p.push(ev('k', 1, 1, 'a'));
      p.push(ev('k', 5, 1, 'b'));
      p.push(ev('k', 5, 1, 'b'));
      expect(p.stats().trackedIds).to.equal(2);
      p.push(ev('k', 12, 1, 'c'));
      expect(p.stats().trackedIds, 'a (12 - 1 >= 10) forgotten').to.equal(2);
    });

    it('[R8][R9] checks lateness before duplication', () => {
      const p = pipeline({ dedupHorizonMs: 1000 });
      p.push(ev('k', 5, 1, 'x'));
      p.push(ev('k', 20));
      expect(p.push(ev('k', 5, 1, 'x')), 'x is remembered but its window has closed').to.equal('late');
      expect(p.stats()).to.deep.include({ late: 1, duplicates: 0 });
    });

    it('[R11] adds an out-of-order event to its own open window', () => {
      const p = pipeline({ allowedLatenessMs: 30 });
      p.push(ev('k', 35, 1));
      expect(p.push(ev('k', 12, 2))).to.equal('accepted');
      expect(p.push(ev('k', 31, 3))).to.equal('accepted');
      p.advanceTo(100);
      expect(p.poll(5)).to.deep.equal([result('k', 10, 20, [2]), result('k', 30, 40, [1, 3])]);
    });

    it('[R12] a duplicate or late event does not move the newest event time', () => {
      const p = pipeline({ allowedLatenessMs: 5 });
      p.push(ev('k', 20, 1, 'x'));
      expect(p.push(ev('k', 900, 1, 'x'))).to.equal('duplicate');
      expect(p.watermark, 'the duplicate at 900 moved nothing').to.equal(15);
      expect(p.backlog).to.equal(0);
    });

    it('[R12] a late event is not remembered and counts in no window', () => {
      const p = pipeline();
      p.push(ev('k', 20));
      expect(p.push(ev('k', 5, 9, 'y'))).to.equal('late');
      expect(p.stats().trackedIds).to.equal(1);
      expect(p.push(ev('k', 25, 2, 'y')), 'y was never remembered').to.equal('accepted');
      p.advanceTo(30);
      expect(p.poll(5)).to.deep.equal([result('k', 20, 30, [1, 2])]);
    });

    it('[R12] a refused event does not move the newest event time', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('k', 5));
      p.push(ev('k', 15));
      expect(p.push(ev('k', 500))).to.equal('full');
      expect(p.watermark).to.equal(15);
      expect(p.stats().openWindows).to.equal(1);
    });
  });

  describe('output and back-pressure', () => {
    it('[R13] appends every result a call closes, even past capacity', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('c', 1));
      p.push(ev('b', 2));
      p.push(ev('a', 5));
      p.push(ev('a', 100));
      expect(p.backlog).to.equal(3);
      expect(where(p.poll(10))).to.deep.equal(['a@0', 'b@0', 'c@0']);
    });

    it('[R14] polls oldest first, at most max at a time, and [] when empty', () => {
      const p = pipeline();
      for (let t = 0; t < 50; t += 10) p.push(ev('k', t));
      p.advanceTo(100);
      expect(p.backlog).to.equal(5);
      expect(where(p.poll(2))).to.deep.equal(['k@0', 'k@10']);
      expect(p.backlog).to.equal(3);
      expect(where(p.poll(1))).to.deep.equal(['k@20']);
      expect(where(p.poll(10))).to.deep.equal(['k@30', 'k@40']);
      expect(p.poll(1)).to.deep.equal([]);
      expect(p.backlog).to.equal(0);
    });

    it('[R14] keeps results from different calls in the order they were closed', () => {
      const p = pipeline();
      p.push(ev('z', 1));
      p.push(ev('a', 15));
      p.push(ev('m', 22));
      p.advanceTo(30);
      expect(where(p.poll(10))).to.deep.equal(['z@0', 'a@10', 'm@20']);
    });

    it('[R15] counts every outcome and the open windows per key', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('a', 1, 1, 'x'));
      p.push(ev('b', 2));
      p.push(ev('a', 3, 1, 'x'));
      p.push(ev('a', 14));
      expect(p.stats()).to.deep.equal({ accepted: 3, duplicates: 1, late: 0, refused: 0, openWindows: 1, trackedIds: 3 });
      p.push(ev('a', 15));
      p.poll(5);
      p.push(ev('a', 2));
      expect(p.stats()).to.deep.equal({ accepted: 3, duplicates: 1, late: 1, refused: 1, openWindows: 1, trackedIds: 3 });
    });
  });

  describe('bad input', () => {
    const good: PipelineOptions = { windowMs: 10, allowedLatenessMs: 0, dedupHorizonMs: 10, capacity: 1 };

    it('[R16] rejects options that are not an object', () => {
      for (const bad of [null, undefined, 3, 'opts']) {
        expectError(() => new StreamPipeline(bad as unknown as PipelineOptions), TypeError, `options ${String(bad)}`, 'options');
      }
    });

    it('[R16] rejects bad option values, naming the option', () => {
      const cases: Array<[keyof PipelineOptions, unknown]> = [
        ['windowMs', 0], ['windowMs', 2.5], ['windowMs', '10'], ['windowMs', undefined],
        ['allowedLatenessMs', -1], ['allowedLatenessMs', 0.5], ['allowedLatenessMs', NaN],
        ['dedupHorizonMs', 0], ['dedupHorizonMs', Infinity],
        ['capacity', 0], ['capacity', 1.5], ['capacity', -2],
      ];
      for (const [name, bad] of cases) {
        expectError(() => new StreamPipeline({ ...good, [name]: bad }), RangeError, `${name} ${String(bad)}`, name);
      }
    });

    it('[R16] accepts the smallest allowed values', () => {
      const p = new StreamPipeline({ windowMs: 1, allowedLatenessMs: 0, dedupHorizonMs: 1, capacity: 1 });
      expect(p.push(ev('k', 0, 1, 'x'))).to.equal('accepted');
      expect(p.push(ev('k', 0, 1, 'x'))).to.equal('duplicate');
      p.advanceTo(1);
      expect(p.poll(1)).to.deep.equal([result('k', 0, 1, [1])]);
    });

    it('[R17] rejects an event that is not an object', () => {
      const p = pipeline();
      for (const bad of [null, undefined, 'e1', 7]) {
        expectError(() => p.push(bad as unknown as StreamEvent), TypeError, `event ${String(bad)}`, 'event');
      }
    });

    it('[R17] rejects a bad id or key with a TypeError naming the field', () => {
      const p = pipeline();
      for (const bad of ['', 5, undefined]) {
        expectError(() => p.push({ id: bad, key: 'k', time: 1, value: 1 } as unknown as StreamEvent), TypeError, `id ${String(bad)}`, 'id');
        expectError(() => p.push({ id: 'ev-42', key: bad, time: 1, value: 1 } as unknown as StreamEvent), TypeError, `key ${String(bad)}`, 'key', 'ev-42');
      }
    });

    it('[R17] rejects a bad time or value with a RangeError naming the field and the event', () => {
      const p = pipeline();
      for (const bad of [-1, 1.5, NaN, Infinity, '3', undefined]) {
        expectError(() => p.push({ id: 'ev-7', key: 'k', time: bad as number, value: 1 }), RangeError, `time ${String(bad)}`, 'time', 'ev-7');
      }
      for (const bad of [NaN, Infinity, -Infinity, '3', undefined]) {
        expectError(() => p.push({ id: 'ev-8', key: 'k', time: 1, value: bad as number }), RangeError, `value ${String(bad)}`, 'value', 'ev-8');
      }
      expect(p.push(ev('k', 0, -0.5)), 'time 0 and a negative value are fine').to.equal('accepted');
    });

    it('[R17] rejects a bad event even when the buffer is full', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('k', 1));
      p.push(ev('k', 11));
      expect(p.push(ev('k', 12))).to.equal('full');
      expectError(() => p.push({ id: 'ev-9', key: 'k', time: -5, value: 1 }), RangeError, 'time -5 while full', 'time');
    });

    it('[R18] rejects a bad heartbeat time and a bad poll size', () => {
      const p = pipeline();
      for (const bad of [-1, 2.5, NaN, '5', undefined]) {
        expectError(() => p.advanceTo(bad as number), RangeError, `advanceTo(${String(bad)})`, 'time');
      }
      for (const bad of [0, -1, 1.5, NaN, '2', undefined]) {
        expectError(() => p.poll(bad as number), RangeError, `poll(${String(bad)})`, 'max');
      }
    });

    it('[R19 push, advanceTo, poll] a call that throws changes nothing, counters included', () => {
      const p = pipeline({ capacity: 1 });
      p.push(ev('k', 1));
      p.push(ev('k', 11));
      expect(() => p.push({ id: 'bad', key: '', time: 50, value: 1 })).to.throw(TypeError);
      expect(() => p.push({ id: 'bad', key: 'k', time: 50, value: NaN })).to.throw(RangeError);
      expect(() => p.advanceTo(-1)).to.throw(RangeError);
      expect(() => p.poll(0)).to.throw(RangeError);
      expect(p.backlog, 'the result is still waiting').to.equal(1);
      expect(p.watermark).to.equal(11);
      expect(p.stats()).to.deep.equal({ accepted: 2, duplicates: 0, late: 0, refused: 0, openWindows: 1, trackedIds: 2 });
    });
  });

  describe('[model] random interleavings agree with a brute-force model', () => {
    it('[model] matches the model over pushes, heartbeats and polls with every option range', () => {
      fc.assert(fc.property(configArb, fc.array(opArb, { minLength: 12, maxLength: 40 }), checkAgainstModel), {
        seed: 0x5eed60,
        numRuns: 40,
        includeErrorInReport: true,
      });
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Model-based test: the model keeps every accepted event in a list and derives windows, closing, ids and
// counters from the statement's definitions, recomputing them from scratch at each step.

type Config = PipelineOptions;

type Op =
  | { op: 'push'; id: string; key: string; offset: number; value: number; bad: 'time' | 'value' | 'key' | undefined }
  | { op: 'advanceTo'; offset: number }
  | { op: 'poll'; max: number }
  | { op: 'stats' };

const configArb: fc.Arbitrary<Config> = fc.record({
  windowMs: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 10 })),
  allowedLatenessMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })),
  dedupHorizonMs: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 30 })),
  capacity: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 4 })),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        op: fc.constant('push' as const),
        id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
        key: fc.constantFrom('a', 'b', 'B'),
        // Event time relative to the newest so far: mostly a little behind or ahead, sometimes far behind.
        offset: fc.integer({ min: -20, max: 6 }),
        value: fc.integer({ min: -5, max: 5 }),
        // Now and then one field is broken, to check that a throwing push changes nothing.
        bad: fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('time' as const, 'value' as const, 'key' as const) }),
      },
    ),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advanceTo' as const), offset: fc.integer({ min: -5, max: 15 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('poll' as const), max: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant(0) }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('stats' as const) }) },
);

class Model {
  newest = -Infinity;
  readonly accepted: StreamEvent[] = [];
  readonly closed = new Set<string>();
  readonly output: WindowResult[] = [];
  readonly counts = { accepted: 0, duplicates: 0, late: 0, refused: 0 };

  constructor(private readonly o: PipelineOptions) {}

  get watermark(): number {
    return this.newest - this.o.allowedLatenessMs;
  }

  startOf(time: number): number {
    return Math.floor(time / this.o.windowMs) * this.o.windowMs;
  }

  remembers(id: string): boolean {
    return this.accepted.some((e) => e.id === id && this.newest - e.time < this.o.dedupHorizonMs);
  }

  push(e: StreamEvent): string {
    if (e.key === '') throw new TypeError('key');
    if (!(e.time >= 0) || !Number.isInteger(e.time) || !Number.isFinite(e.value)) throw new RangeError('time or value');
    if (this.output.length >= this.o.capacity) return this.count('refused', 'full');
    if (this.startOf(e.time) + this.o.windowMs <= this.watermark) return this.count('late', 'late');
    if (this.remembers(e.id)) return this.count('duplicates', 'duplicate');
    this.accepted.push(e);
    this.counts.accepted++;
    this.moveTo(e.time);
    return 'accepted';
  }

  advanceTo(time: number): void {
    this.moveTo(time);
  }

  moveTo(time: number): void {
    this.newest = Math.max(this.newest, time);
    const closing = this.openWindows().filter(([start]) => start + this.o.windowMs <= this.watermark);
    closing.sort(([s1, k1], [s2, k2]) => s1 - s2 || (k1 < k2 ? -1 : 1));
    for (const [start, key] of closing) {
      const values = this.accepted.filter((e) => e.key === key && this.startOf(e.time) === start).map((e) => e.value);
      this.output.push({ key, start, end: start + this.o.windowMs, count: values.length, sum: values.reduce((a, b) => a + b, 0), min: Math.min(...values), max: Math.max(...values) });
      this.closed.add(`${start}|${key}`);
    }
  }

  openWindows(): Array<[number, string]> {
    const found = new Map<string, [number, string]>();
    for (const e of this.accepted) {
      const start = this.startOf(e.time);
      if (!this.closed.has(`${start}|${e.key}`)) found.set(`${start}|${e.key}`, [start, e.key]);
    }
    return [...found.values()];
  }

  poll(max: number): WindowResult[] {
    if (max < 1) throw new RangeError('max');
    return this.output.splice(0, max);
  }

  stats() {
    const ids = new Set(this.accepted.filter((e) => this.remembers(e.id)).map((e) => e.id));
    return { ...this.counts, openWindows: this.openWindows().length, trackedIds: ids.size };
  }

  private count(counter: keyof Model['counts'], outcome: string): string {
    this.counts[counter]++;
    return outcome;
  }
}

const show = (value: unknown) => JSON.stringify(value);
/** JSON with object keys sorted, so that a solution building its objects in another key order still matches. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

type Outcome = { value: unknown } | { error: string };

function outcomeOf(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (err) {
    return { error: err instanceof Error ? err.name : String(err) };
  }
}

function checkAgainstModel(config: Config, ops: Op[]): void {
  const pipe = new StreamPipeline(config);
  const model = new Model(config);
  const done: string[] = [`new StreamPipeline(${show(config)})`];
  for (const op of ops) {
    // Times are relative to the model's newest event time, so that most events land near the watermark.
    const base = Number.isFinite(model.newest) ? model.newest : 0;
    let text: string;
    let call: (target: StreamPipeline | Model) => unknown;
    if (op.op === 'push') {
      const event: StreamEvent = { id: op.id, key: op.key, time: Math.max(0, base + op.offset), value: op.value };
      if (op.bad === 'time') event.time = -1;
      if (op.bad === 'value') event.value = NaN;
      if (op.bad === 'key') event.key = '';
      text = `push(${show(event).replace('null', 'NaN')})`;
      call = (t) => t.push(event);
    } else if (op.op === 'advanceTo') {
      const time = Math.max(0, base + op.offset);
      text = `advanceTo(${time})`;
      call = (t) => t.advanceTo(time);
    } else if (op.op === 'poll') {
      text = `poll(${op.max})`;
      call = (t) => t.poll(op.max);
    } else {
      text = 'stats()';
      call = (t) => t.stats();
    }
    const expected = outcomeOf(() => call(model));
    const actual = outcomeOf(() => call(pipe));
    const at = () => `after ${done.join(', ')}: ${text}`;
    if (canonical(actual) !== canonical(expected)) {
      const say = (o: Outcome) => ('error' in o ? `it throwing ${o.error}` : show(o.value));
      throw new Error(`${at()}: expected ${say(expected)}, got ${say(actual)}`);
    }
    for (const [what, mine, theirs] of [['backlog', pipe.backlog, model.output.length], ['watermark', pipe.watermark, model.watermark]] as const) {
      if (mine !== theirs) throw new Error(`${at()}: expected ${what} ${theirs}, got ${mine}`);
    }
    done.push(text);
  }
}
