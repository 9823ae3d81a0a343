import { expect } from 'chai';
import { ConfigError, QuorumError, ReplicatedStore, UnknownNodeError, type StoreOptions } from './solution';

/** Test hash: ring tokens come from the table, and a key "name@N" sits at position N. */
function tableHash(table: Record<string, number>) {
  return (s: string): number => {
    if (s in table) return table[s];
    const at = s.lastIndexOf('@');
    if (at < 0) throw new Error(`the test hash has no position for "${s}"`);
    return Number(s.slice(at + 1));
  };
}

const FIVE = { 'A#0': 100, 'B#0': 200, 'C#0': 300, 'D#0': 400, 'E#0': 500 };

function five(opts: Partial<StoreOptions> = {}): ReplicatedStore {
  return new ReplicatedStore(['A', 'B', 'C', 'D', 'E'], { n: 3, r: 2, w: 2, hash: tableHash(FIVE), ...opts });
}

function expectThrow(fn: () => unknown, type: Function, what: string): Error {
  try {
    fn();
  } catch (err) {
    expect(err, `${what}: expected a ${type.name}`).to.be.instanceOf(type);
    return err as Error;
  }
  expect.fail(`${what}: expected a ${type.name}, but nothing was thrown`);
}

function expectQuorum(fn: () => unknown, op: 'read' | 'write', needed: number, live: number): void {
  const err = expectThrow(fn, QuorumError, `${op} without quorum`) as QuorumError;
  expect({ op: err.op, needed: err.needed, live: err.live }, 'QuorumError fields').to.deep.equal({ op, needed, live });
  expect(err.name, 'QuorumError name').to.equal('QuorumError');
  expect(err.message, `QuorumError message names the operation "${op}"`).to.match(new RegExp(`\\b${op}\\b`));
  expect(err.message, `QuorumError message gives needed = ${needed}`).to.match(new RegExp(`\\b${needed}\\b`));
  expect(err.message, `QuorumError message gives live = ${live}`).to.match(new RegExp(`\\b${live}\\b`));
}

describe('replicated kv: the ring', () => {
  it('gives a key sitting exactly on a token to that token\'s node', () => {
    expect(five().preferenceList('k@300')).to.deep.equal(['C', 'D', 'E']);
  });

  it('wraps around for keys before the first or after the last token', () => {
    const store = five();
    expect(store.preferenceList('k@50')).to.deep.equal(['A', 'B', 'C']);
    expect(store.preferenceList('k@450')).to.deep.equal(['E', 'A', 'B']);
    expect(store.preferenceList('k@501')).to.deep.equal(['A', 'B', 'C']);
  });

  it('skips further tokens of a node already chosen, so replicas are on distinct nodes', () => {
    const hash = tableHash({ 'A#0': 100, 'A#1': 150, 'B#0': 200, 'B#1': 250, 'C#0': 300, 'C#1': 350 });
    const store = new ReplicatedStore(['A', 'B', 'C'], { n: 3, r: 1, w: 1, vnodes: 2, hash });
    expect(store.preferenceList('k@120')).to.deep.equal(['A', 'B', 'C']);
    expect(store.preferenceList('k@260'), 'C#0, C#1, then wrap to A and B').to.deep.equal(['C', 'A', 'B']);
  });

  it('breaks position ties by node id, whatever order the nodes were listed in', () => {
    const hash = tableHash({ 'B#0': 100, 'A#0': 100, 'C#0': 200 });
    const store = new ReplicatedStore(['C', 'B', 'A'], { n: 2, r: 1, w: 1, hash });
    expect(store.preferenceList('k@50')).to.deep.equal(['A', 'B']);
  });

  it('orders tied tokens by node id for every listing order, including already sorted', () => {
    const hash = tableHash({ 'A#0': 100, 'B#0': 100, 'C#0': 100, 'D#0': 100, 'E#0': 300 });
    const orders = [
      ['A', 'B', 'C', 'D', 'E'],
      ['B', 'A', 'D', 'C', 'E'],
      ['E', 'D', 'C', 'B', 'A'],
      ['C', 'A', 'E', 'B', 'D'],
    ];
    for (const order of orders) {
      const store = new ReplicatedStore(order, { n: 5, r: 1, w: 1, hash });
      expect(store.preferenceList('k@50'), `nodes listed ${order.join(',')}: A-D tie at 100, E at 300`)
        .to.deep.equal(['A', 'B', 'C', 'D', 'E']);
      expect(store.preferenceList('k@200'), `nodes listed ${order.join(',')}: from E, wrap to the tie`)
        .to.deep.equal(['E', 'A', 'B', 'C', 'D']);
    }
  });

  it('lists every node when n equals the cluster size', () => {
    expect(five({ n: 5, r: 3, w: 3 }).preferenceList('k@250')).to.deep.equal(['C', 'D', 'E', 'A', 'B']);
  });

  it('hashes "<node>#<i>" and the key with FNV-1a by default', () => {
    const nodes = ['node-a', 'node-b', 'node-c', 'node-d', 'node-e'];
    const one = new ReplicatedStore(nodes, { n: 3, r: 2, w: 2 });
    expect(one.preferenceList('user:0')).to.deep.equal(['node-e', 'node-a', 'node-b']);
    expect(one.preferenceList('user:10')).to.deep.equal(['node-a', 'node-b', 'node-d']);
    expect(one.preferenceList('user:48')).to.deep.equal(['node-c', 'node-e', 'node-a']);
    const four = new ReplicatedStore(nodes, { n: 3, r: 2, w: 2, vnodes: 4 });
    expect(four.preferenceList('user:48'), 'with 4 vnodes per node').to.deep.equal(['node-d', 'node-c', 'node-e']);
  });
});

describe('replicated kv: configuration', () => {
  const nodes = ['A', 'B', 'C'];
  const bad: Array<[string, StoreOptions]> = [
    ['r > n', { n: 2, r: 3, w: 1 }],
    ['w > n', { n: 2, r: 1, w: 3 }],
    ['r = 0', { n: 2, r: 0, w: 1 }],
    ['w = 0', { n: 2, r: 1, w: 0 }],
    ['n > nodes', { n: 4, r: 1, w: 1 }],
    ['n = 0', { n: 0, r: 0, w: 0 }],
    ['fractional r', { n: 3, r: 1.5, w: 2 }],
    ['vnodes = 0', { n: 2, r: 1, w: 1, vnodes: 0 }],
  ];

  it('rejects quorum, replication and vnode counts out of range', () => {
    for (const [what, options] of bad) expectThrow(() => new ReplicatedStore(nodes, options), ConfigError, what);
  });

  it('names the field at fault in a ConfigError named "ConfigError"', () => {
    const field: Record<string, RegExp> = {
      'r > n': /\br\b/,
      'w > n': /\bw\b/,
      'r = 0': /\br\b/,
      'w = 0': /\bw\b/,
      'n > nodes': /\bn\b/,
      'n = 0': /\bn\b/,
      'fractional r': /\br\b/,
      'vnodes = 0': /\bvnodes\b/,
    };
    for (const [what, options] of bad) {
      const err = expectThrow(() => new ReplicatedStore(nodes, options), ConfigError, what);
      expect(err.name, `${what}: error name`).to.equal('ConfigError');
      expect(err.message, `${what}: the message names the field (${field[what]})`).to.match(field[what]);
    }
  });

  it('rejects an empty cluster, empty ids and duplicate ids', () => {
    const ok = { n: 1, r: 1, w: 1 };
    expectThrow(() => new ReplicatedStore([], ok), ConfigError, 'no nodes');
    expectThrow(() => new ReplicatedStore(['A', ''], ok), ConfigError, 'empty id');
    expectThrow(() => new ReplicatedStore(['A', 'B', 'A'], ok), ConfigError, 'duplicate id');
  });

  it('rejects a missing or empty node list, and ids that are not non-empty strings, naming "nodes"', () => {
    const ok = { n: 1, r: 1, w: 1 };
    const lists: Array<[string, unknown]> = [
      ['no nodes', []],
      ['nodes undefined', undefined],
      ['nodes not an array', 'ABC'],
      ['empty id', ['A', '']],
      ['numeric id', ['A', 42]],
      ['null id', [null, 'B']],
    ];
    for (const [what, list] of lists) {
      const err = expectThrow(() => new ReplicatedStore(list as string[], ok), ConfigError, what);
      expect(err.message, `${what}: the message names "nodes"`).to.match(/\bnodes\b/);
    }
  });

  it('names "nodes" and the repeated id when ids are duplicated', () => {
    const nodes = ['node-x', 'B', 'node-x'];
    const err = expectThrow(() => new ReplicatedStore(nodes, { n: 1, r: 1, w: 1 }), ConfigError, 'duplicate id');
    expect(err.message, 'the message names "nodes"').to.match(/\bnodes\b/);
    expect(err.message, 'the message names the repeated id').to.include('node-x');
  });

  it('accepts weak quorums where r + w <= n', () => {
    expect(() => new ReplicatedStore(nodes, { n: 3, r: 1, w: 1 })).to.not.throw();
  });
});

describe('replicated kv: writes', () => {
  it('stores the write on the preference list only', () => {
    const store = five();
    store.put('k@150', 'v');
    expect(store.peek('A', 'k@150'), 'A is not a replica').to.equal(null);
    expect(store.peek('E', 'k@150'), 'E is not a replica').to.equal(null);
    expect(store.peek('C', 'k@150')).to.deep.equal({ value: 'v', version: 1 });
  });

  it('counts versions per key', () => {
    const store = five();
    expect([store.put('k@150', 'a'), store.put('k@150', 'b'), store.put('j@150', 'x'), store.put('k@150', 'c')])
      .to.deep.equal([1, 2, 1, 3]);
  });

  it('succeeds with exactly w live replicas and skips the down one', () => {
    const store = five({ w: 3, r: 1 });
    store.put('k@150', 'v1');
    store.fail('C');
    expectQuorum(() => store.put('k@150', 'v2'), 'write', 3, 2);
    const two = five({ w: 2 });
    two.fail('C');
    expect(two.put('k@150', 'v1')).to.equal(1);
    expect(two.peek('C', 'k@150'), 'a down replica misses the write').to.equal(null);
    expect(two.peek('D', 'k@150')).to.deep.equal({ value: 'v1', version: 1 });
  });

  it('writes nothing and uses up no version when the quorum is not met', () => {
    const store = five();
    store.fail('C');
    store.fail('D');
    expectQuorum(() => store.put('k@150', 'lost'), 'write', 2, 1);
    expect(store.peek('B', 'k@150'), 'no partial write on the live replica').to.equal(null);
    store.recover('C');
    expect(store.put('k@150', 'kept'), 'the failed write did not take version 1').to.equal(1);
  });

  it('does not let nodes outside the preference list stand in for down replicas', () => {
    const store = five();
    store.fail('C');
    store.fail('D');
    expectQuorum(() => store.put('k@150', 'v'), 'write', 2, 1);
    expect(store.peek('E', 'k@150'), 'E must not take a hinted copy').to.equal(null);
    expect(store.peek('A', 'k@150'), 'A must not take a hinted copy').to.equal(null);
  });
});

describe('replicated kv: reads', () => {
  it('returns null for a key that was never written', () => {
    expect(five().get('k@150')).to.equal(null);
  });

  it('returns the newest copy even when the first live replica is stale', () => {
    const store = five();
    store.put('k@150', 'v1');
    store.fail('B');
    store.put('k@150', 'v2');
    store.recover('B');
    expect(store.get('k@150'), 'B (first in the list) has v1, C and D have v2').to.deep.equal({ value: 'v2', version: 2 });
  });

  it('refuses a read with fewer than r live replicas and allows exactly r', () => {
    const store = five({ r: 3, w: 1 });
    store.put('k@150', 'v');
    expect(store.get('k@150')).to.deep.equal({ value: 'v', version: 1 });
    store.fail('D');
    expectQuorum(() => store.get('k@150'), 'read', 3, 2);
  });

  it('counts only live replicas toward the read quorum, even if other nodes are up', () => {
    const store = five();
    store.put('k@150', 'v');
    store.fail('B');
    store.fail('C');
    expectQuorum(() => store.get('k@150'), 'read', 2, 1);
  });

  it('answers from the live replicas only, so r + w <= n can read stale data', () => {
    const store = five({ r: 1, w: 1 });
    store.put('k@150', 'v1');
    store.fail('C');
    store.fail('D');
    store.put('k@150', 'v2');
    store.recover('C');
    store.recover('D');
    store.fail('B');
    expect(store.get('k@150'), 'only C and D are asked, and they hold v1').to.deep.equal({ value: 'v1', version: 1 });
  });

  it('brings a recovered node back with the data it had, stale until repaired', () => {
    const store = five();
    store.put('k@150', 'v1');
    store.fail('D');
    store.put('k@150', 'v2');
    store.recover('D');
    expect(store.peek('D', 'k@150')).to.deep.equal({ value: 'v1', version: 1 });
    store.get('k@150');
    expect(store.peek('D', 'k@150'), 'read repair is off by default').to.deep.equal({ value: 'v1', version: 1 });
  });

  it('returns copies that cannot change the stored data', () => {
    const store = five();
    store.put('k@150', 'v');
    const got = store.get('k@150')!;
    got.value = 'hacked';
    got.version = 99;
    expect(store.get('k@150')).to.deep.equal({ value: 'v', version: 1 });
    expect(store.peek('B', 'k@150')).to.deep.equal({ value: 'v', version: 1 });
  });
});

describe('replicated kv: read repair', () => {
  it('updates stale and missing live replicas with the newest copy', () => {
    const store = five({ readRepair: true, w: 1 });
    store.fail('D');
    store.put('k@150', 'v1'); // B and C
    store.fail('C');
    store.put('k@150', 'v2'); // B only
    store.recover('C');
    store.recover('D');
    expect(store.get('k@150')).to.deep.equal({ value: 'v2', version: 2 });
    expect(store.peek('C', 'k@150'), 'stale C repaired').to.deep.equal({ value: 'v2', version: 2 });
    expect(store.peek('D', 'k@150'), 'D, which never had the key, repaired').to.deep.equal({ value: 'v2', version: 2 });
  });

  it('leaves down replicas and nodes outside the preference list alone', () => {
    const store = five({ readRepair: true });
    store.put('k@150', 'v1');
    store.fail('D');
    store.put('k@150', 'v2');
    store.get('k@150');
    expect(store.peek('D', 'k@150'), 'D is down, so it keeps v1').to.deep.equal({ value: 'v1', version: 1 });
    expect(store.peek('E', 'k@150'), 'E is not a replica').to.equal(null);
  });
});

describe('replicated kv: nodes', () => {
  it('tracks up and down idempotently', () => {
    const store = five();
    store.fail('B');
    store.fail('B');
    expect(store.isUp('B')).to.equal(false);
    store.recover('B');
    store.recover('B');
    expect(store.isUp('B')).to.equal(true);
  });

  it('throws UnknownNodeError for ids outside the cluster', () => {
    const store = five();
    expectThrow(() => store.fail('Z'), UnknownNodeError, 'fail');
    expectThrow(() => store.recover('Z'), UnknownNodeError, 'recover');
    expectThrow(() => store.isUp('Z'), UnknownNodeError, 'isUp');
    expectThrow(() => store.peek('Z', 'k@1'), UnknownNodeError, 'peek');
  });

  it('names the unknown id in UnknownNodeError, whose name is "UnknownNodeError"', () => {
    const store = five();
    const calls: Array<[string, () => unknown]> = [
      ['fail', () => store.fail('node-zz')],
      ['recover', () => store.recover('node-zz')],
      ['isUp', () => store.isUp('node-zz')],
      ['peek', () => store.peek('node-zz', 'k@1')],
    ];
    for (const [what, call] of calls) {
      const err = expectThrow(call, UnknownNodeError, what);
      expect(err.name, `${what}: error name`).to.equal('UnknownNodeError');
      expect(err.message, `${what}: the message names "node-zz"`).to.include('node-zz');
    }
  });
});
