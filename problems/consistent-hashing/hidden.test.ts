import { expect } from 'chai';
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
    it('fnv1a32 matches the published FNV-1a test vectors', () => {
      expect(fnv1a32(''), "offset basis for ''").to.equal(0x811c9dc5);
      expect(fnv1a32('a')).to.equal(0xe40c292c);
      expect(fnv1a32('foobar')).to.equal(0xbf9cf968);
    });

    it('hash32 is FNV-1a over UTF-8 bytes followed by the murmur3 finaliser', () => {
      for (const s of ['', 'a', 'node-1#0', 'é', 'ключ', '🔑']) expect(hash32(s), `hash32(${s})`).to.equal(modelHash(s));
    });

    it('hash32 encodes UTF-8 length boundaries, surrogate pairs and lone surrogates exactly as TextEncoder does', () => {
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
    it('a key hashing exactly onto a virtual node belongs to that node', () => {
      const r = ring(['a', 'b', 'c'], 1);
      for (const n of ['a', 'b', 'c']) expect(r.nodeFor(`${n}#0`), `key '${n}#0' sits on ${n}'s point`).to.equal(n);
    });

    it('wraps keys past the last point around to the first point', () => {
      const nodes = ['a', 'b', 'c'];
      const r = ring(nodes, 1);
      const pts = nodes.map((n) => [modelHash(`${n}#0`), n] as const).sort((x, y) => x[0] - y[0]);
      const last = pts[pts.length - 1][0];
      const beyond = keys(5000, 'k').filter((k) => modelHash(k) > last);
      expect(beyond.length, 'the test needs keys past the last point').to.be.above(0);
      expect(mismatches(beyond, (k) => r.nodeFor(k), () => pts[0][1]), 'keys past the last point').to.deep.equal([]);
    });

    it('matches the specified ring exactly, including weights and vnode counts', () => {
      const nodes: Array<[string, number]> = [['alpha', 1], ['beta', 1.5], ['gamma', 0.1], ['delta', 0.5]];
      for (const vnodes of [3, 5]) {
        // vnodes 3: alpha 3, beta round(4.5)=5, gamma max(1, round(0.3))=1, delta round(1.5)=2 points
        // vnodes 5: alpha 5, beta round(7.5)=8, gamma max(1, round(0.5))=1, delta round(2.5)=3 points
        const r = ring(nodes, vnodes);
        const wrong = mismatches(keys(3000), (k) => r.nodeFor(k), model(nodes, vnodes));
        expect(wrong, `keys with the wrong owner (vnodes ${vnodes})`).to.deep.equal([]);
      }
    });

    it('hashes non-ASCII keys and node ids as UTF-8', () => {
      const nodes: Array<[string, number]> = [['nœud-1', 1], ['узел-2', 1], ['ノード3', 1]];
      const r = ring(nodes, 4);
      const ks = ['ключ', '🔑', 'clé', '鍵', 'naïve', ...keys(300, 'ü')];
      expect(mismatches(ks, (k) => r.nodeFor(k), model(nodes, 4)), 'keys with the wrong owner').to.deep.equal([]);
    });

    it('allows the empty string as a key', () => {
      const r = ring(['a', 'b'], 5);
      expect(r.nodeFor('')).to.equal(model([['a', 1], ['b', 1]], 5)(''));
    });

    it('does not depend on the order nodes were added', () => {
      const names = Array.from({ length: 12 }, (_, i) => `node-${i}`);
      const forward = ring(names, 20);
      const backward = ring([...names].reverse(), 20);
      const wrong = mismatches(keys(3000), (k) => backward.nodeFor(k), (k) => forward.nodeFor(k));
      expect(wrong, 'keys owned differently when nodes are added in reverse').to.deep.equal([]);
    });

    it('gives a point shared by two nodes to the smaller node id, whatever the order', () => {
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
    it('spreads keys over equal nodes within ±20% of a fair share (default vnodes)', () => {
      const names = ['cache-1', 'cache-2', 'cache-3', 'cache-4', 'cache-5'];
      const c = counts(ring(names), keys(10000));
      for (const n of names) expect(c.get(n) ?? 0, `${n} should get about 2000 of 10000 keys`).to.be.within(1600, 2400);
    });

    it('gives a node a share proportional to its weight (±20%)', () => {
      const c = counts(ring([['small', 1], ['big', 3], ['mid', 2]]), keys(9000));
      expect(c.get('small') ?? 0, 'weight 1 of 6: about 1500').to.be.within(1200, 1800);
      expect(c.get('mid') ?? 0, 'weight 2 of 6: about 3000').to.be.within(2400, 3600);
      expect(c.get('big') ?? 0, 'weight 3 of 6: about 4500').to.be.within(3600, 5400);
    });
  });

  describe('membership changes', () => {
    it('on leave, only keys of the leaving node move, and they spread over the others', () => {
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

    it('on join, keys move only to the new node, about 1/(n+1) of them', () => {
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

    it('removing and re-adding a node restores the original mapping', () => {
      const r = ring(['a', 'b', 'c', 'd'], 50);
      const ks = keys(2000);
      const before = ks.map((k) => r.nodeFor(k));
      r.removeNode('b');
      r.addNode('b');
      expect(ks.map((k) => r.nodeFor(k))).to.deep.equal(before);
    });

    it('sends every key to the last node left, then refuses lookups when the ring is empty', () => {
      const r = ring(['a', 'b'], 10);
      r.removeNode('a');
      expect(mismatches(keys(200), (k) => r.nodeFor(k), () => 'b'), 'all keys on b').to.deep.equal([]);
      r.removeNode('b');
      expect(r.nodes()).to.deep.equal([]);
      expect(() => r.nodeFor('x'), 'no nodes left').to.throw(Error, /empty/);
    });

    it('keeps nodes() sorted and has() accurate through changes', () => {
      const r = ring(['m', 'z', 'a'], 5);
      expect(r.nodes()).to.deep.equal(['a', 'm', 'z']);
      r.removeNode('m');
      r.addNode('b', 2);
      expect(r.nodes()).to.deep.equal(['a', 'b', 'z']);
      expect([r.has('m'), r.has('b')]).to.deep.equal([false, true]);
    });
  });

  describe('errors', () => {
    it('rejects a duplicate node and leaves the ring unchanged', () => {
      const r = ring(['a', 'b'], 20);
      const before = keys(1000).map((k) => r.nodeFor(k));
      expect(() => r.addNode('a'), 'adding a twice').to.throw(Error, /already/);
      expect(() => r.addNode('a', 5), 'even with another weight').to.throw(Error, /already/);
      expect(keys(1000).map((k) => r.nodeFor(k)), 'the failed adds changed nothing').to.deep.equal(before);
      r.removeNode('a');
      expect(mismatches(keys(200), (k) => r.nodeFor(k), () => 'b'), 'no stray points of a remain').to.deep.equal([]);
    });

    it('rejects removing an unknown node, naming it', () => {
      const r = ring(['a']);
      expect(() => r.removeNode('ghost')).to.throw(Error, /unknown node.*ghost/);
      expect(r.nodes(), 'nothing removed').to.deep.equal(['a']);
    });

    it('rejects a weight that is not a positive finite number, adding nothing', () => {
      const r = new HashRing({ vnodes: 4 });
      for (const bad of [0, -1, NaN, Infinity]) {
        expect(() => r.addNode('n', bad), `weight ${bad}`).to.throw(RangeError, /weight/);
      }
      expect(r.has('n'), 'a rejected node is not added').to.equal(false);
      expect(() => r.nodeFor('k'), 'ring still empty').to.throw(Error, /empty/);
    });

    it('rejects empty or non-string node ids and non-string keys with TypeError', () => {
      const r = ring(['a']);
      expect(() => r.addNode('')).to.throw(TypeError, /node/);
      expect(() => r.addNode(7 as unknown as string)).to.throw(TypeError, /node/);
      expect(() => r.removeNode('')).to.throw(TypeError, /node/);
      expect(() => r.nodeFor(42 as unknown as string)).to.throw(TypeError, /key/);
    });

    it('rejects a vnodes option that is not a positive integer', () => {
      for (const bad of [0, -3, 2.5, NaN]) {
        expect(() => new HashRing({ vnodes: bad }), `vnodes ${bad}`).to.throw(RangeError, /vnodes/);
      }
    });
  });
});
