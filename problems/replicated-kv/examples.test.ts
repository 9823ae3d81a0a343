import { expect } from 'chai';
import { QuorumError, ReplicatedStore } from './solution';

// Test hash: ring tokens come from the table, and a key "name@N" sits at position N.
const positions: Record<string, number> = { 'A#0': 100, 'B#0': 200, 'C#0': 300, 'D#0': 400 };
function hash(s: string): number {
  if (s in positions) return positions[s];
  return Number(s.slice(s.lastIndexOf('@') + 1));
}

function cluster() {
  return new ReplicatedStore(['A', 'B', 'C', 'D'], { n: 3, r: 2, w: 2, hash });
}

describe('replicated kv: examples', () => {
  it('places a key on the next n nodes clockwise', () => {
    expect(cluster().preferenceList('k@150')).to.deep.equal(['B', 'C', 'D']);
  });

  it('wraps around the end of the ring', () => {
    expect(cluster().preferenceList('k@450')).to.deep.equal(['A', 'B', 'C']);
  });

  it('writes to every replica and reads the value back with its version', () => {
    const store = cluster();
    expect(store.put('k@150', 'v1'), 'first version is 1').to.equal(1);
    for (const node of ['B', 'C', 'D']) {
      expect(store.peek(node, 'k@150'), `replica ${node}`).to.deep.equal({ value: 'v1', version: 1 });
    }
    expect(store.get('k@150')).to.deep.equal({ value: 'v1', version: 1 });
  });

  it('keeps writing while a quorum is up, and refuses without one', () => {
    const store = cluster();
    store.put('k@150', 'v1');
    store.fail('D');
    expect(store.put('k@150', 'v2'), 'B and C are enough for w = 2').to.equal(2);
    store.fail('C');
    expect(() => store.put('k@150', 'v3')).to.throw(QuorumError);
  });

  it('reads the newest version among the live replicas', () => {
    const store = cluster();
    store.put('k@150', 'v1');
    store.fail('D');
    store.put('k@150', 'v2');
    store.recover('D');
    expect(store.get('k@150'), 'D still has v1, B and C have v2').to.deep.equal({ value: 'v2', version: 2 });
  });
});
