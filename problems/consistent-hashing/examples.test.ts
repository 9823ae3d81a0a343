import { expect } from 'chai';
import { HashRing, fnv1a32, hash32 } from './solution';

function keys(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `user:${i}`);
}

describe('HashRing — examples', () => {
  it('uses the specified hash functions', () => {
    expect(fnv1a32('a'), 'FNV-1a test vector').to.equal(0xe40c292c);
    expect(hash32('a'), 'FNV-1a then the murmur finaliser').to.equal(hash32('a'));
    expect(hash32('a')).to.be.within(0, 0xffffffff);
  });

  it('sends every key to the only node', () => {
    const ring = new HashRing();
    ring.addNode('cache-1');
    expect(new Set(keys(100).map((k) => ring.nodeFor(k)))).to.deep.equal(new Set(['cache-1']));
  });

  it('returns the same node for the same key every time', () => {
    const ring = new HashRing();
    for (const n of ['cache-1', 'cache-2', 'cache-3']) ring.addNode(n);
    const first = keys(200).map((k) => ring.nodeFor(k));
    const again = keys(200).map((k) => ring.nodeFor(k));
    expect(again).to.deep.equal(first);
    expect(new Set(first).size, 'keys spread over all three nodes').to.equal(3);
  });

  it('moves only the removed node’s keys when a node leaves', () => {
    const ring = new HashRing();
    for (const n of ['cache-1', 'cache-2', 'cache-3', 'cache-4']) ring.addNode(n);
    const before = new Map(keys(2000).map((k) => [k, ring.nodeFor(k)]));
    ring.removeNode('cache-2');
    const wrong: string[] = [];
    for (const [key, owner] of before) {
      const now = ring.nodeFor(key);
      if (owner === 'cache-2' ? now === 'cache-2' : now !== owner) wrong.push(`${key}: ${owner} → ${now}`);
    }
    expect(wrong.slice(0, 5), "only cache-2's keys move, and all of them do").to.deep.equal([]);
  });

  it('lists nodes in sorted order', () => {
    const ring = new HashRing({ vnodes: 10 });
    ring.addNode('b');
    ring.addNode('a', 2);
    ring.addNode('c');
    expect(ring.nodes()).to.deep.equal(['a', 'b', 'c']);
    expect(ring.has('a')).to.equal(true);
    expect(ring.has('z')).to.equal(false);
  });

  it('refuses to look up a key on an empty ring', () => {
    const ring = new HashRing();
    expect(() => ring.nodeFor('anything')).to.throw(Error, /empty/);
  });
});
