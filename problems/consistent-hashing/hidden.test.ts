import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, expectThrow, messageHasPart } from 'rehearse-test';
import { HashRing, fnv1a32, hash32 } from './solution';

// An independent model of the specified ring, used to compute the exact expected owners.
function modelHash(input: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(input)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Returns the owner function of the specified ring (linear scan: slow but obviously right). */
function model(nodes: Array<[string, number]>, vnodes: number): (key: string) => string {
  const points: Array<[number, string]> = [];
  for (const [node, weight] of nodes) {
    const count = Math.max(1, Math.round(vnodes * weight));
    for (let i = 0; i < count; i++) points.push([modelHash(`${node}#${i}`), node]);
  }
  points.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return (key) => {
    const h = modelHash(key);
    return (points.find((p) => p[0] >= h) ?? points[0])[1];
  };
}

/** Keys whose owner differs from the expected one, shown as "key: got → expected" (first few only). */
function mismatches(ks: string[], got: (k: string) => string, expected: (k: string) => string): string[] {
  const wrong: string[] = [];
  for (const k of ks) {
    const g = got(k);
    const e = expected(k);
    if (g !== e && wrong.length < 5) wrong.push(`${k}: ${g} → expected ${e}`);
  }
  return wrong;
}

/** The error fn throws; fails the test if it returns normally. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  expect.fail('expected an error, but the call returned normally');
}

function keys(n: number, prefix = 'user:'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

function ring(nodes: Array<string | [string, number]>, vnodes?: number): HashRing {
  const r = new HashRing(vnodes === undefined ? {} : { vnodes });
  for (const n of nodes) {
    if (typeof n === 'string') r.addNode(n);
    else r.addNode(n[0], n[1]);
  }
  return r;
}

function counts(r: HashRing, ks: string[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const k of ks) {
    const owner = r.nodeFor(k);
    c.set(owner, (c.get(owner) ?? 0) + 1);
  }
  return c;
}

describe('HashRing — hidden', () => {
  describe('hash functions (given)', () => {
    it('[R1] fnv1a32 matches the published FNV-1a test vectors', () => {
      expect(fnv1a32(''), "offset basis for ''").to.equal(0x811c9dc5);
      expect(fnv1a32('a')).to.equal(0xe40c292c);
      expect(fnv1a32('foobar')).to.equal(0xbf9cf968);
    });

    it('[R1][R2] hash32 is FNV-1a over UTF-8 bytes followed by the murmur3 finaliser', () => {
      for (const s of ['', 'a', 'node-1#0', 'é', 'ключ', '🔑']) expect(hash32(s), `hash32(${s})`).to.equal(modelHash(s));
    });

    it('[R1] hash32 encodes UTF-8 length boundaries, surrogate pairs and lone surrogates exactly as TextEncoder does', () => {
      const cases: Array<[string, string]> = [
        ['\u007f', 'U+007F, the last 1-byte character'],
        ['\u0080', 'U+0080, the first 2-byte character'],
        ['\u07ff', 'U+07FF, the last 2-byte character'],
        ['\u0800', 'U+0800, the first 3-byte character'],
        ['\ud7ff', 'U+D7FF, just below the surrogates'],
        ['\ue000', 'U+E000, just above the surrogates'],
        ['\uffff', 'U+FFFF, the last 3-byte character'],
        ['\ud800\udc00', 'U+10000, the first 4-byte character (lowest surrogate pair)'],
        ['\udbff\udfff', 'U+10FFFF, the highest surrogate pair'],
        ['\ud800', 'a lone high surrogate at the end (U+FFFD)'],
        ['\ud800a', 'a high surrogate followed by an ordinary character'],
        ['\ud800\ue000', 'a high surrogate followed by U+E000, which is not a low surrogate'],
        ['a\udc00', 'a lone low surrogate after an ordinary character'],
        ['\udc00\udc00', 'two low surrogates, which are not a pair'],
        ['\udfff', 'a lone low surrogate'],
        ['x\ud800\udbff\udc00', 'a lone high surrogate followed by a pair'],
      ];
      for (const [s, what] of cases) expect(hash32(s), `hash32 of ${what}`).to.equal(modelHash(s));
    });
  });

  describe('lookup', () => {
    it('[R4][R5] a key hashing exactly onto a virtual node belongs to that node', () => {
      const r = ring(['a', 'b', 'c'], 1);
      for (const n of ['a', 'b', 'c']) expect(r.nodeFor(`${n}#0`), `key '${n}#0' sits on ${n}'s point`).to.equal(n);
    });

    it('[R6] wraps keys past the last point around to the first point', () => {
      const nodes = ['a', 'b', 'c'];
      const r = ring(nodes, 1);
      const pts = nodes.map((n) => [modelHash(`${n}#0`), n] as const).sort((x, y) => x[0] - y[0]);
      const last = pts[pts.length - 1][0];
      const beyond = keys(5000, 'k').filter((k) => modelHash(k) > last);
      expect(beyond.length, 'the test needs keys past the last point').to.be.above(0);
      expect(mismatches(beyond, (k) => r.nodeFor(k), () => pts[0][1]), 'keys past the last point').to.deep.equal([]);
    });

    it('[R3][R4][R5] matches the specified ring exactly, including weights and vnode counts', () => {
      const nodes: Array<[string, number]> = [['alpha', 1], ['beta', 1.5], ['gamma', 0.1], ['delta', 0.5]];
      for (const vnodes of [3, 5]) {
        // vnodes 3: alpha 3, beta round(4.5)=5, gamma max(1, round(0.3))=1, delta round(1.5)=2 points
        // vnodes 5: alpha 5, beta round(7.5)=8, gamma max(1, round(0.5))=1, delta round(2.5)=3 points
        const r = ring(nodes, vnodes);
        const wrong = mismatches(keys(3000), (k) => r.nodeFor(k), model(nodes, vnodes));
        expect(wrong, `keys with the wrong owner (vnodes ${vnodes})`).to.deep.equal([]);
      }
    });

    it('[R1][R4] hashes non-ASCII keys and node ids as UTF-8', () => {
      const nodes: Array<[string, number]> = [['nœud-1', 1], ['узел-2', 1], ['ノード3', 1]];
      const r = ring(nodes, 4);
      const ks = ['ключ', '🔑', 'clé', '鍵', 'naïve', ...keys(300, 'ü')];
      expect(mismatches(ks, (k) => r.nodeFor(k), model(nodes, 4)), 'keys with the wrong owner').to.deep.equal([]);
    });

    it('[R17] allows the empty string as a key', () => {
      const r = ring(['a', 'b'], 5);
      expect(r.nodeFor('')).to.equal(model([['a', 1], ['b', 1]], 5)(''));
    });

    it('[R8] does not depend on the order nodes were added', () => {
      const names = Array.from({ length: 12 }, (_, i) => `node-${i}`);
      const forward = ring(names, 20);
      const backward = ring([...names].reverse(), 20);
      const wrong = mismatches(keys(3000), (k) => backward.nodeFor(k), (k) => forward.nodeFor(k));
      expect(wrong, 'keys owned differently when nodes are added in reverse').to.deep.equal([]);
    });

    it('[R7] gives a point shared by two nodes to the smaller node id, whatever the order', () => {
      // 'ehalgp#0' and 'kmwzcc#0' have the same FNV-1a hash, so their points coincide.
      expect(hash32('ehalgp#0'), 'test precondition: the two points collide').to.equal(hash32('kmwzcc#0'));
      for (const order of [['kmwzcc', 'ehalgp'], ['ehalgp', 'kmwzcc']]) {
        const r = ring([...order, 'other'], 1);
        expect(r.nodeFor('ehalgp#0'), `added ${order.join(' then ')}`).to.equal('ehalgp');
        expect(r.nodeFor('kmwzcc#0'), 'same point, same owner').to.equal('ehalgp');
        r.removeNode('ehalgp');
        expect(r.nodeFor('ehalgp#0'), 'the other node keeps its own point').to.equal('kmwzcc');
      }
    });
  });

  describe('balance and weights', () => {
    it('[R11] spreads keys over equal nodes within ±20% of a fair share (default vnodes)', () => {
      const names = ['cache-1', 'cache-2', 'cache-3', 'cache-4', 'cache-5'];
      const c = counts(ring(names), keys(10000));
      for (const n of names) expect(c.get(n) ?? 0, `${n} should get about 2000 of 10000 keys`).to.be.within(1600, 2400);
    });

    it('[R3][R11] gives a node a share proportional to its weight (±20%)', () => {
      const c = counts(ring([['small', 1], ['big', 3], ['mid', 2]]), keys(9000));
      expect(c.get('small') ?? 0, 'weight 1 of 6: about 1500').to.be.within(1200, 1800);
      expect(c.get('mid') ?? 0, 'weight 2 of 6: about 3000').to.be.within(2400, 3600);
      expect(c.get('big') ?? 0, 'weight 3 of 6: about 4500').to.be.within(3600, 5400);
    });
  });

  describe('membership changes', () => {
    it('[R9] on leave, only keys of the leaving node move, and they spread over the others', () => {
      const names = ['s1', 's2', 's3', 's4', 's5'];
      const r = ring(names);
      const ks = keys(5000);
      const before = new Map(ks.map((k) => [k, r.nodeFor(k)]));
      r.removeNode('s3');
      const receivers = new Set<string>();
      const wrong: string[] = [];
      for (const [k, owner] of before) {
        const now = r.nodeFor(k);
        if (owner === 's3') receivers.add(now);
        else if (now !== owner) wrong.push(`${k}: ${owner} → ${now}`);
      }
      expect(wrong.slice(0, 5), "only s3's keys may move").to.deep.equal([]);
      expect(receivers.has('s3'), 's3 owns nothing after leaving').to.equal(false);
      expect(receivers.size, "s3's keys go to several nodes, not one neighbour").to.be.at.least(3);
    });

    it('[R10] on join, keys move only to the new node, about 1/(n+1) of them', () => {
      const r = ring(['s1', 's2', 's3', 's4']);
      const ks = keys(8000);
      const before = ks.map((k) => r.nodeFor(k));
      r.addNode('s5');
      let moved = 0;
      const wrong: string[] = [];
      ks.forEach((k, i) => {
        const now = r.nodeFor(k);
        if (now === before[i]) return;
        moved++;
        if (now !== 's5') wrong.push(`${k}: ${before[i]} → ${now}`);
      });
      expect(wrong.slice(0, 5), 'keys may only move to the new node s5').to.deep.equal([]);
      expect(moved, 'about 1/5 of 8000 keys (1600) move').to.be.within(1200, 2000);
    });

    it('[R8] removing and re-adding a node restores the original mapping', () => {
      const r = ring(['a', 'b', 'c', 'd'], 50);
      const ks = keys(2000);
      const before = ks.map((k) => r.nodeFor(k));
      r.removeNode('b');
      r.addNode('b');
      expect(ks.map((k) => r.nodeFor(k))).to.deep.equal(before);
    });

    it('[R9][R21] sends every key to the last node left, then refuses lookups when the ring is empty', () => {
      const r = ring(['a', 'b'], 10);
      r.removeNode('a');
      expect(mismatches(keys(200), (k) => r.nodeFor(k), () => 'b'), 'all keys on b').to.deep.equal([]);
      r.removeNode('b');
      expect(r.nodes()).to.deep.equal([]);
      expectThrow(() => r.nodeFor('x'), Error, ['empty'], 'no nodes left');
    });

    it('[R12][R13] keeps nodes() sorted and has() accurate through changes', () => {
      const r = ring(['m', 'z', 'a'], 5);
      expect(r.nodes()).to.deep.equal(['a', 'm', 'z']);
      r.removeNode('m');
      r.addNode('b', 2);
      expect(r.nodes()).to.deep.equal(['a', 'b', 'z']);
      expect([r.has('m'), r.has('b')]).to.deep.equal([false, true]);
    });
  });

  describe('errors', () => {
    it('[R19][R14 addNode] rejects a duplicate node and leaves the ring unchanged', () => {
      const r = ring(['a', 'b'], 20);
      const before = keys(1000).map((k) => r.nodeFor(k));
      expectThrow(() => r.addNode('a'), Error, ['already'], 'adding a twice');
      expectThrow(() => r.addNode('a', 5), Error, ['already'], 'even with another weight');
      expect(keys(1000).map((k) => r.nodeFor(k)), 'the failed adds changed nothing').to.deep.equal(before);
      r.removeNode('a');
      expect(mismatches(keys(200), (k) => r.nodeFor(k), () => 'b'), 'no stray points of a remain').to.deep.equal([]);
    });

    it('[R20][R14 removeNode] rejects removing an unknown node, naming it', () => {
      const r = ring(['a']);
      const err = thrown(() => r.removeNode('ghost-7'));
      expect(err, 'an Error').to.be.instanceOf(Error);
      expectMessage(err, ['unknown node'], 'the message says "unknown node"');
      expectMessage(err, ['ghost-7'], 'the message names the id');
      expect(r.nodes(), 'nothing removed').to.deep.equal(['a']);
    });

    it('[R18][R14 addNode] rejects a weight that is not a positive finite number, adding nothing', () => {
      const r = new HashRing({ vnodes: 4 });
      for (const bad of [0, -0, -1, NaN, Infinity]) {
        expectThrow(() => r.addNode('n', bad), RangeError, ['weight'], `weight ${bad}`);
      }
      expect(r.has('n'), 'a rejected node is not added').to.equal(false);
      expectThrow(() => r.nodeFor('k'), Error, ['empty'], 'ring still empty');
    });

    it('[R16 addNode, removeNode][R17] rejects empty or non-string node ids and non-string keys with TypeError', () => {
      const r = ring(['a']);
      expectThrow(() => r.addNode(''), TypeError, ['node']);
      expectThrow(() => r.addNode(7 as unknown as string), TypeError, ['node']);
      expectThrow(() => r.removeNode(''), TypeError, ['node']);
      expectThrow(() => r.nodeFor(42 as unknown as string), TypeError, ['key']);
    });

    it('[R15] rejects a vnodes option that is not a positive integer', () => {
      for (const bad of [0, -0, -3, 2.5, NaN]) {
        expectThrow(() => new HashRing({ vnodes: bad }), RangeError, ['vnodes'], `vnodes ${bad}`);
      }
    });
  });

  describe('more rules', () => {
    it('[R3] uses 160 points per unit of weight by default, and weight 1 by default', () => {
      const r = ring(['cache-1', ['cache-2', 1], ['cache-3', 0.5]]);
      const expected = model([['cache-1', 1], ['cache-2', 1], ['cache-3', 0.5]], 160);
      expect(mismatches(keys(3000), (k) => r.nodeFor(k), expected), 'keys with the wrong owner').to.deep.equal([]);
    });

    it('[R3] rounds the point count to the nearest integer, half up, and gives at least one point', () => {
      // vnodes 4: w 0.6 → round(2.4) = 2, w 0.65 → round(2.6) = 3, w 0.125 → round(0.5) = 1, w 0.01 → max(1, 0) = 1
      const nodes: Array<[string, number]> = [['p', 0.6], ['q', 0.65], ['r', 0.125], ['s', 0.01], ['t', 1.3]];
      const r = ring(nodes, 4);
      expect(mismatches(keys(4000), (k) => r.nodeFor(k), model(nodes, 4)), 'keys with the wrong owner').to.deep.equal([]);
    });

    it('[R12] lists no nodes on an empty ring and after the last one leaves', () => {
      const r = new HashRing({ vnodes: 2 });
      expect(r.nodes(), 'a new ring').to.deep.equal([]);
      r.addNode('only');
      r.removeNode('only');
      expect(r.nodes(), 'after the last node left').to.deep.equal([]);
    });

    it('[R12] sorts node ids with the default sort (code units), not by locale or number', () => {
      const r = ring(['b', 'B', 'node-10', 'node-9', 'é', 'a'], 1);
      expect(r.nodes()).to.deep.equal(['B', 'a', 'b', 'node-10', 'node-9', 'é']);
    });

    it('[R13] has() is false for ids never added, removed, or differing only in case', () => {
      const r = ring(['Alpha', 'beta'], 2);
      r.removeNode('beta');
      expect([r.has('Alpha'), r.has('alpha'), r.has('beta'), r.has('gamma'), r.has('')]).to.deep.equal([true, false, false, false, false]);
    });

    it('[R14 addNode, removeNode][R16 addNode, removeNode] a rejected removeNode or addNode leaves every node and point in place', () => {
      const r = ring(['a', 'b', 'c'], 10);
      const before = keys(1000).map((k) => r.nodeFor(k));
      expectThrow(() => r.removeNode(''), TypeError, ['node'], "removeNode('')");
      expectThrow(() => r.removeNode(3 as unknown as string), TypeError, ['node'], 'removeNode(3)');
      expectThrow(() => r.removeNode(undefined as unknown as string), TypeError, ['node'], 'removeNode(undefined)');
      expect(() => r.removeNode('d'), "removeNode('d')").to.throw(Error);
      expectThrow(() => r.addNode(null as unknown as string), TypeError, ['node'], 'addNode(null)');
      expectThrow(() => r.addNode('d', -0), RangeError, ['weight'], 'addNode with weight -0');
      expect(r.nodes(), 'the same nodes').to.deep.equal(['a', 'b', 'c']);
      expect(keys(1000).map((k) => r.nodeFor(k)), 'the same owners').to.deep.equal(before);
    });

    it('[R17] rejects keys that are not strings, even ones that print like a key', () => {
      const r = ring(['a'], 3);
      for (const bad of [undefined, null, 0, ['k'], { toString: () => 'k' }]) {
        expectThrow(() => r.nodeFor(bad as unknown as string), TypeError, ['key'], `nodeFor(${String(bad)})`);
      }
    });

    it('[R18] accepts a tiny positive weight (one point) and rejects a weight that is not a number', () => {
      const r = new HashRing({ vnodes: 3 });
      r.addNode('tiny', 1e-9);
      expect(r.nodeFor('tiny#0'), 'its single point').to.equal('tiny');
      expectThrow(() => r.addNode('s', '2' as unknown as number), RangeError, ['weight'], "weight '2'");
      expectThrow(() => r.addNode('s', -Infinity), RangeError, ['weight'], 'weight -Infinity');
      expect(r.nodes(), 'only the tiny node').to.deep.equal(['tiny']);
    });

    it('[R15] accepts vnodes 1 and rejects Infinity or a numeric string', () => {
      expect(() => new HashRing({ vnodes: 1 }), 'vnodes 1').to.not.throw();
      for (const bad of [Infinity, -Infinity, '4' as unknown as number]) {
        expectThrow(() => new HashRing({ vnodes: bad }), RangeError, ['vnodes'], `vnodes ${String(bad)}`);
      }
    });

    it('[R19] says "already" for a duplicate id in any case of the message', () => {
      const r = ring(['x']);
      const err = thrown(() => r.addNode('x', 2));
      expect(err, 'an Error').to.be.instanceOf(Error);
      expectMessage(err, ['already'], 'the message says "already"');
      expect(r.nodes(), 'still one x').to.deep.equal(['x']);
    });

    it('[R21] refuses lookups on an empty ring, saying it is empty', () => {
      const err = thrown(() => new HashRing({ vnodes: 2 }).nodeFor(''));
      expect(err, 'an Error').to.be.instanceOf(Error);
      expectMessage(err, ['empty'], 'the message says "empty"');
    });
  });

  describe('[model] random sequences of every operation agree with a small model', () => {
    // Node ids include a pair whose points collide ('ehalgp#0', 'kmwzcc#0'), a non-ASCII id, ids that sort
    // differently as strings and as numbers or case-insensitively ('n10' < 'n9', 'B' < 'a': R7, R12) and bad ids.
    const NODE_POOL = ['a', 'b', 'c', 'ehalgp', 'kmwzcc', 'ключ', 'n10', 'n9', 'B', '', 7 as unknown as string];
    const nodeArb = fc.constantFrom(...NODE_POOL);
    const weightArb = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.constantFrom(1, 0.5, 0.1, 0.01, 1.5, 2.5, 3) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 300 }).map((c) => c / 100) },
      { weight: 1, arbitrary: fc.constantFrom(0, -0, -1, NaN, Infinity) },
    );
    const keyArb = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.tuple(fc.constantFrom('a', 'b', 'c', 'ehalgp', 'kmwzcc', 'ключ'), fc.nat(8)).map(([n, i]) => `${n}#${i}`),
      fc.constantFrom('', 'user:1', 'ehalgp#0', 'kmwzcc#0', 42 as unknown as string),
    );
    type Op =
      | { op: 'addNode'; node: string; weight: number | undefined }
      | { op: 'removeNode'; node: string }
      | { op: 'nodeFor'; key: string }
      | { op: 'nodes' }
      | { op: 'has'; node: string };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('addNode' as const), node: nodeArb, weight: weightArb }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('removeNode' as const), node: nodeArb }) },
      { weight: 6, arbitrary: fc.record({ op: fc.constant('nodeFor' as const), key: keyArb }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('nodes' as const) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('has' as const), node: fc.constantFrom('a', 'b', 'ehalgp', 'ключ', '') }) },
    );

    const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(show).join(', ')}]` : Object.is(v, -0) ? '-0' : String(v));
    const call = (o: Op): string =>
      o.op === 'addNode'
        ? `addNode(${show(o.node)}${o.weight === undefined ? '' : `, ${show(o.weight)}`})`
        : o.op === 'removeNode' || o.op === 'has'
          ? `${o.op}(${show(o.node)})`
          : o.op === 'nodeFor'
            ? `nodeFor(${show(o.key)})`
            : 'nodes()';

    /** What the statement allows: a value, or an error that passes a check. */
    type Expected = { value: unknown } | { error: string; accepts: (err: unknown) => boolean };
    const isType = (type: Function, word: string) => (err: unknown) => err instanceof type && messageHasPart((err as Error).message, word);
    const says = (...words: string[]) => (err: unknown) =>
      err instanceof Error && words.every((w) => messageHasPart(err.message, w));

    class Model {
      weights = new Map<string, number>();
      private owner: ((key: string) => string) | undefined;
      constructor(readonly vnodes: number) {}
      apply(o: Op): Expected {
        const badNode = (n: unknown) => typeof n !== 'string' || n === '';
        if (o.op === 'addNode') {
          const w = o.weight ?? 1;
          const faults: Array<[string, (e: unknown) => boolean]> = [];
          if (badNode(o.node)) faults.push(['TypeError naming node', isType(TypeError, 'node')]);
          if (!(typeof w === 'number' && Number.isFinite(w) && w > 0)) faults.push(['RangeError naming weight', isType(RangeError, 'weight')]);
          if (!badNode(o.node) && this.weights.has(o.node)) faults.push(['Error saying already', says('already')]);
          if (faults.length > 0) return { error: faults.map((f) => f[0]).join(' or '), accepts: (e) => faults.some((f) => f[1](e)) };
          this.weights.set(o.node, w);
          this.owner = undefined;
          return { value: undefined };
        }
        if (o.op === 'removeNode') {
          if (badNode(o.node)) return { error: 'TypeError naming node', accepts: isType(TypeError, 'node') };
          if (!this.weights.has(o.node)) return { error: `Error saying unknown node ${o.node}`, accepts: says('unknown node', o.node) };
          this.weights.delete(o.node);
          this.owner = undefined;
          return { value: undefined };
        }
        if (o.op === 'nodeFor') {
          if (typeof o.key !== 'string') return { error: 'TypeError naming key', accepts: isType(TypeError, 'key') };
          if (this.weights.size === 0) return { error: 'Error saying empty', accepts: says('empty') };
          this.owner ??= model([...this.weights], this.vnodes);
          return { value: this.owner(o.key) };
        }
        if (o.op === 'nodes') return { value: [...this.weights.keys()].sort() };
        return { value: this.weights.has(o.node) };
      }
    }

    it('[model] addNode, removeNode, nodeFor, nodes and has match the model, errors included', () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 9, arbitrary: fc.integer({ min: 1, max: 4 }) }), fc.array(opArb, { minLength: 1, maxLength: 60, size: 'max' }), (vnodes, ops) => {
          const ringUnderTest = new HashRing(vnodes === undefined ? undefined : { vnodes });
          const m = new Model(vnodes ?? 160);
          const done = [vnodes === undefined ? 'new HashRing()' : `new HashRing({ vnodes: ${vnodes} })`];
          for (const o of ops) {
            const expected = m.apply(o);
            let got: { value: unknown } | { thrown: unknown };
            try {
              got = { value: runOp(ringUnderTest, o) };
            } catch (err) {
              got = { thrown: err };
            }
            const where = (): string => `after ${done.join(', ')}: ${call(o)}`;
            if ('error' in expected) {
              if (!('thrown' in got)) throw new Error(`${where()}: expected ${expected.error}, got ${show(got.value)}`);
              if (!expected.accepts(got.thrown)) throw new Error(`${where()}: expected ${expected.error}, got ${String(got.thrown)}`);
            } else {
              if ('thrown' in got) throw new Error(`${where()}: expected ${show(expected.value)}, got ${String(got.thrown)}`);
              if (JSON.stringify(got.value) !== JSON.stringify(expected.value)) throw new Error(`${where()}: expected ${show(expected.value)}, got ${show(got.value)}`);
            }
            done.push(call(o));
          }
        }),
        { seed: 14, numRuns: 40 },
      );
    });

    function runOp(r: HashRing, o: Op): unknown {
      switch (o.op) {
        case 'addNode':
          return o.weight === undefined ? r.addNode(o.node) : r.addNode(o.node, o.weight);
        case 'removeNode':
          return r.removeNode(o.node);
        case 'nodeFor':
          return r.nodeFor(o.key);
        case 'nodes':
          return r.nodes();
        case 'has':
          return r.has(o.node);
      }
    }
  });
});
