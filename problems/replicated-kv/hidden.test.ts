import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, messageHasPart } from 'rehearse-test';
import { ConfigError, QuorumError, ReplicatedStore, UnknownNodeError, type StoreOptions } from './solution';

/** JSON with object keys sorted, so two answers compare equal whatever order their fields were built in. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

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
  expectMessage(err, [op, needed, live], `QuorumError message names the operation "${op}" and gives needed = ${needed} and live = ${live}`);
}

describe('replicated kv: the ring', () => {
  it('[R9] gives a key sitting exactly on a token to that token\'s node', () => {
    expect(five().preferenceList('k@300')).to.deep.equal(['C', 'D', 'E']);
  });

  it('[R9][R10] wraps around for keys before the first or after the last token', () => {
    const store = five();
    expect(store.preferenceList('k@50')).to.deep.equal(['A', 'B', 'C']);
    expect(store.preferenceList('k@450')).to.deep.equal(['E', 'A', 'B']);
    expect(store.preferenceList('k@501')).to.deep.equal(['A', 'B', 'C']);
  });

  it('[R10] skips further tokens of a node already chosen, so replicas are on distinct nodes', () => {
    const hash = tableHash({ 'A#0': 100, 'A#1': 150, 'B#0': 200, 'B#1': 250, 'C#0': 300, 'C#1': 350 });
    const store = new ReplicatedStore(['A', 'B', 'C'], { n: 3, r: 1, w: 1, vnodes: 2, hash });
    expect(store.preferenceList('k@120')).to.deep.equal(['A', 'B', 'C']);
    expect(store.preferenceList('k@260'), 'C#0, C#1, then wrap to A and B').to.deep.equal(['C', 'A', 'B']);
  });

  it('[R8] breaks position ties by node id, whatever order the nodes were listed in', () => {
    const hash = tableHash({ 'B#0': 100, 'A#0': 100, 'C#0': 200 });
    const store = new ReplicatedStore(['C', 'B', 'A'], { n: 2, r: 1, w: 1, hash });
    expect(store.preferenceList('k@50')).to.deep.equal(['A', 'B']);
  });

  it('[R8] orders tied tokens by node id for every listing order, including already sorted', () => {
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

  it('[R10][R2] lists every node when n equals the cluster size', () => {
    expect(five({ n: 5, r: 3, w: 3 }).preferenceList('k@250')).to.deep.equal(['C', 'D', 'E', 'A', 'B']);
  });

  it('[R7] hashes "<node>#<i>" and the key with FNV-1a by default', () => {
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

  it('[R2][R3][R4][R5] rejects quorum, replication and vnode counts out of range', () => {
    for (const [what, options] of bad) expectThrow(() => new ReplicatedStore(nodes, options), ConfigError, what);
  });

  it('[R2][R3][R4][R5][R25] names the field at fault in a ConfigError named "ConfigError"', () => {
    const field: Record<string, string> = {
      'r > n': 'r',
      'w > n': 'w',
      'r = 0': 'r',
      'w = 0': 'w',
      'n > nodes': 'n',
      'n = 0': 'n',
      'fractional r': 'r',
      'vnodes = 0': 'vnodes',
    };
    for (const [what, options] of bad) {
      const err = expectThrow(() => new ReplicatedStore(nodes, options), ConfigError, what);
      expect(err.name, `${what}: error name`).to.equal('ConfigError');
      expectMessage(err, [field[what]], `${what}: the message names the field (${field[what]})`);
    }
  });

  it('[R1] rejects an empty cluster, empty ids and duplicate ids', () => {
    const ok = { n: 1, r: 1, w: 1 };
    expectThrow(() => new ReplicatedStore([], ok), ConfigError, 'no nodes');
    expectThrow(() => new ReplicatedStore(['A', ''], ok), ConfigError, 'empty id');
    expectThrow(() => new ReplicatedStore(['A', 'B', 'A'], ok), ConfigError, 'duplicate id');
  });

  it('[R1] rejects a missing or empty node list, and ids that are not non-empty strings, naming "nodes"', () => {
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
      expectMessage(err, ['nodes'], `${what}: the message names "nodes"`);
    }
  });

  it('[R1] names "nodes" and the repeated id when ids are duplicated', () => {
    const nodes = ['node-x', 'B', 'node-x'];
    const err = expectThrow(() => new ReplicatedStore(nodes, { n: 1, r: 1, w: 1 }), ConfigError, 'duplicate id');
    expectMessage(err, ['nodes'], 'the message names "nodes"');
    expectMessage(err, ['node-x'], 'the message names the repeated id');
  });

  it('[R6] accepts weak quorums where r + w <= n', () => {
    expect(() => new ReplicatedStore(nodes, { n: 3, r: 1, w: 1 })).to.not.throw();
  });
});

describe('replicated kv: writes', () => {
  it('[R15] stores the write on the preference list only', () => {
    const store = five();
    store.put('k@150', 'v');
    expect(store.peek('A', 'k@150'), 'A is not a replica').to.equal(null);
    expect(store.peek('E', 'k@150'), 'E is not a replica').to.equal(null);
    expect(store.peek('C', 'k@150')).to.deep.equal({ value: 'v', version: 1 });
  });

  it('[R14] counts versions per key', () => {
    const store = five();
    expect([store.put('k@150', 'a'), store.put('k@150', 'b'), store.put('j@150', 'x'), store.put('k@150', 'c')])
      .to.deep.equal([1, 2, 1, 3]);
  });

  it('[R13][R15] succeeds with exactly w live replicas and skips the down one', () => {
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

  it('[R13] writes nothing and uses up no version when the quorum is not met', () => {
    const store = five();
    store.fail('C');
    store.fail('D');
    expectQuorum(() => store.put('k@150', 'lost'), 'write', 2, 1);
    expect(store.peek('B', 'k@150'), 'no partial write on the live replica').to.equal(null);
    store.recover('C');
    expect(store.put('k@150', 'kept'), 'the failed write did not take version 1').to.equal(1);
  });

  it('[R12] does not let nodes outside the preference list stand in for down replicas', () => {
    const store = five();
    store.fail('C');
    store.fail('D');
    expectQuorum(() => store.put('k@150', 'v'), 'write', 2, 1);
    expect(store.peek('E', 'k@150'), 'E must not take a hinted copy').to.equal(null);
    expect(store.peek('A', 'k@150'), 'A must not take a hinted copy').to.equal(null);
  });
});

describe('replicated kv: reads', () => {
  it('[R17] returns null for a key that was never written', () => {
    expect(five().get('k@150')).to.equal(null);
  });

  it('[R17] returns the newest copy even when the first live replica is stale', () => {
    const store = five();
    store.put('k@150', 'v1');
    store.fail('B');
    store.put('k@150', 'v2');
    store.recover('B');
    expect(store.get('k@150'), 'B (first in the list) has v1, C and D have v2').to.deep.equal({ value: 'v2', version: 2 });
  });

  it('[R16][R26] refuses a read with fewer than r live replicas and allows exactly r', () => {
    const store = five({ r: 3, w: 1 });
    store.put('k@150', 'v');
    expect(store.get('k@150')).to.deep.equal({ value: 'v', version: 1 });
    store.fail('D');
    expectQuorum(() => store.get('k@150'), 'read', 3, 2);
  });

  it('[R16] counts only live replicas toward the read quorum, even if other nodes are up', () => {
    const store = five();
    store.put('k@150', 'v');
    store.fail('B');
    store.fail('C');
    expectQuorum(() => store.get('k@150'), 'read', 2, 1);
  });

  it('[R17][R6] answers from the live replicas only, so r + w <= n can read stale data', () => {
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

  it('[R21][R19] brings a recovered node back with the data it had, stale until repaired', () => {
    const store = five();
    store.put('k@150', 'v1');
    store.fail('D');
    store.put('k@150', 'v2');
    store.recover('D');
    expect(store.peek('D', 'k@150')).to.deep.equal({ value: 'v1', version: 1 });
    store.get('k@150');
    expect(store.peek('D', 'k@150'), 'read repair is off by default').to.deep.equal({ value: 'v1', version: 1 });
  });

  it('[R24 get] returns copies that cannot change the stored data', () => {
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
  it('[R18] updates stale and missing live replicas with the newest copy', () => {
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

  it('[R18] leaves down replicas and nodes outside the preference list alone', () => {
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
  it('[R20 fail, recover, isUp] tracks up and down idempotently', () => {
    const store = five();
    store.fail('B');
    store.fail('B');
    expect(store.isUp('B')).to.equal(false);
    store.recover('B');
    store.recover('B');
    expect(store.isUp('B')).to.equal(true);
  });

  it('[R23 fail, recover, isUp, peek] throws UnknownNodeError for ids outside the cluster', () => {
    const store = five();
    expectThrow(() => store.fail('Z'), UnknownNodeError, 'fail');
    expectThrow(() => store.recover('Z'), UnknownNodeError, 'recover');
    expectThrow(() => store.isUp('Z'), UnknownNodeError, 'isUp');
    expectThrow(() => store.peek('Z', 'k@1'), UnknownNodeError, 'peek');
  });

  it('[R23 fail, recover, isUp, peek][R25] names the unknown id in UnknownNodeError, whose name is "UnknownNodeError"', () => {
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
      expectMessage(err, ['node-zz'], `${what}: the message names "node-zz"`);
    }
  });
});

describe('replicated kv: more rules', () => {
  it('[R11] keeps the preference list the same while its nodes are down', () => {
    const store = five();
    store.fail('B');
    store.fail('C');
    expect(store.preferenceList('k@150')).to.deep.equal(['B', 'C', 'D']);
  });

  it('[R7] uses the given hash for keys and tokens, and FNV-1a over UTF-16 code units by default', () => {
    const fnv = (str: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193) >>> 0;
      return h >>> 0;
    };
    const nodes = ['n1', 'n2', 'n3', 'n4'];
    const dflt = new ReplicatedStore(nodes, { n: 2, r: 1, w: 1, vnodes: 3 });
    const given = new ReplicatedStore(nodes, { n: 2, r: 1, w: 1, vnodes: 3, hash: fnv });
    for (const key of ['🔑', 'clé', '鍵', '', 'user:7', '\ud800']) {
      expect(dflt.preferenceList(key), `preferenceList(${JSON.stringify(key)})`).to.deep.equal(given.preferenceList(key));
    }
    const reversed = new ReplicatedStore(nodes, { n: 2, r: 1, w: 1, vnodes: 3, hash: (x) => 0xffffffff - fnv(x) });
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => reversed.preferenceList(k).join()), 'another hash gives another ring')
      .to.not.deep.equal(['a', 'b', 'c', 'd', 'e'].map((k) => given.preferenceList(k).join()));
  });

  it('[R14] numbers a write after the last successful put of the key, even when the live replicas hold older versions', () => {
    const store = five({ r: 1, w: 1 });
    expect(store.put('k@150', 'v1'), 'first write').to.equal(1); // B, C, D
    store.fail('B');
    store.fail('C');
    expect(store.put('k@150', 'v2'), 'second write, D only').to.equal(2);
    store.recover('B');
    store.recover('C');
    store.fail('D');
    expect(store.put('k@150', 'v3'), 'B and C hold version 1, but the last put was 2').to.equal(3);
    expect(store.peek('B', 'k@150')).to.deep.equal({ value: 'v3', version: 3 });
  });

  it('[R19] does not fill replicas that miss a key when read repair is off', () => {
    const store = five({ w: 2 });
    store.fail('D');
    store.put('k@150', 'v1');
    store.recover('D');
    expect(store.get('k@150')).to.deep.equal({ value: 'v1', version: 1 });
    expect(store.peek('D', 'k@150'), 'D still misses the key').to.equal(null);
  });

  it('[R18] repairs nothing when no live replica has the key, or when the read is refused', () => {
    const store = five({ readRepair: true, r: 3 });
    expect(store.get('k@150')).to.equal(null);
    expect(['B', 'C', 'D'].map((n) => store.peek(n, 'k@150')), 'no replica gained a copy').to.deep.equal([null, null, null]);
    store.fail('D');
    store.put('k@150', 'v1'); // B and C
    store.recover('D');
    store.fail('C');
    expectQuorum(() => store.get('k@150'), 'read', 3, 2);
    expect(store.peek('D', 'k@150'), 'a refused read repairs nothing').to.equal(null);
  });

  it('[R20][R22] starts every node up, and peeks at a down node\'s copy', () => {
    const store = five();
    expect(['A', 'B', 'C', 'D', 'E'].map((n) => store.isUp(n)), 'all up at start').to.deep.equal([true, true, true, true, true]);
    store.put('k@150', 'v');
    store.fail('C');
    expect(store.isUp('C')).to.equal(false);
    expect(store.peek('C', 'k@150'), 'a down node still shows its copy').to.deep.equal({ value: 'v', version: 1 });
    expect(store.peek('C', 'j@150'), 'a key it never had').to.equal(null);
  });

  it('[R24 peek] returns peek copies that cannot change the replica', () => {
    const store = five();
    store.put('k@150', 'v');
    const copy = store.peek('C', 'k@150')!;
    copy.value = 'hacked';
    copy.version = 7;
    expect(store.peek('C', 'k@150')).to.deep.equal({ value: 'v', version: 1 });
    expect(store.put('k@150', 'w'), 'the version counter is untouched').to.equal(2);
  });

  it('[R2][R3][R4][R5] rejects counts that are missing, fractional, not numbers or infinite', () => {
    const nodes = ['A', 'B', 'C'];
    const bad: Array<[string, unknown, string]> = [
      ['n missing', { r: 1, w: 1 }, 'n'],
      ['n fractional', { n: 1.5, r: 1, w: 1 }, 'n'],
      ['n a string', { n: '2', r: 1, w: 1 }, 'n'],
      ['r NaN', { n: 2, r: NaN, w: 1 }, 'r'],
      ['w missing', { n: 2, r: 1 }, 'w'],
      ['w Infinity', { n: 2, r: 1, w: Infinity }, 'w'],
      ['vnodes fractional', { n: 2, r: 1, w: 1, vnodes: 1.5 }, 'vnodes'],
      ['vnodes negative', { n: 2, r: 1, w: 1, vnodes: -1 }, 'vnodes'],
    ];
    for (const [what, options, field] of bad) {
      const err = expectThrow(() => new ReplicatedStore(nodes, options as StoreOptions), ConfigError, what);
      expectMessage(err, [field], `${what}: the message names the field`);
    }
    expect(() => new ReplicatedStore(nodes, { n: 3, r: 3, w: 3, vnodes: 1 }), 'n = r = w = nodes.length').to.not.throw();
  });
});

describe('replicated kv: [model] random sequences of every operation agree with a small model', () => {
  const NODES = ['A', 'B', 'C', 'D', 'E'];
  type Op =
    | { op: 'put'; key: number; value: string }
    | { op: 'get'; key: number }
    | { op: 'fail' | 'recover' | 'isUp'; node: string }
    | { op: 'peek'; node: string; key: number }
    | { op: 'preferenceList'; key: number };
  interface Setup {
    size: number;
    n: number;
    r: number;
    w: number;
    vnodes: number;
    readRepair: boolean;
    tokens: number[]; // position of token i of node j at tokens[j * vnodes + i]
    order: string[];
    bad: null | 'n' | 'r' | 'w' | 'vnodes' | 'nodes';
  }
  // Positions and keys live in 0..12, so keys land on tokens, between them, and past the last one, and ties are common.
  const setupArb: fc.Arbitrary<Setup> = fc
    .record({
      // Mostly clusters big enough for replicas to diverge; a single node now and then.
      size: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 5, arbitrary: fc.integer({ min: 3, max: 5 }) }),
      vnodes: fc.integer({ min: 1, max: 2 }),
      readRepair: fc.boolean(),
    })
    .chain(({ size, vnodes, readRepair }) =>
      fc.oneof({ weight: 1, arbitrary: fc.constant(1) }, { weight: 4, arbitrary: fc.integer({ min: Math.min(2, size), max: size }) }).chain((n) =>
        fc.record({
          size: fc.constant(size),
          n: fc.constant(n),
          r: fc.integer({ min: 1, max: n }),
          w: fc.integer({ min: 1, max: n }),
          vnodes: fc.constant(vnodes),
          readRepair: fc.constant(readRepair),
          // The order the nodes are listed in must not matter (ties are broken by id).
          order: fc.shuffledSubarray(NODES.slice(0, size), { minLength: size, maxLength: size }),
          // Now and then one setting is out of range, and the constructor must refuse it.
          bad: fc.oneof(
            { weight: 10, arbitrary: fc.constant(null) },
            { weight: 3, arbitrary: fc.constantFrom('n' as const, 'r' as const, 'w' as const, 'vnodes' as const, 'nodes' as const) },
          ),
          tokens: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: size * vnodes, maxLength: size * vnodes }),
        }),
      ),
    );
  const keyArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(3, 7) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 13 }) });
  /** Operations on the nodes of this cluster, and now and then on an id outside it. */
  const opsFor = (size: number): fc.Arbitrary<Op[]> => {
    const nodeArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...NODES.slice(0, size)) }, { weight: 1, arbitrary: fc.constant('Z') });
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ op: fc.constant('put' as const), key: keyArb, value: fc.constantFrom('x', 'y', 'z') }) },
      { weight: 4, arbitrary: fc.record({ op: fc.constant('get' as const), key: keyArb }) },
      { weight: 6, arbitrary: fc.record({ op: fc.constantFrom('fail' as const, 'recover' as const), node: nodeArb }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('isUp' as const), node: nodeArb }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('peek' as const), node: nodeArb, key: keyArb }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('preferenceList' as const), key: keyArb }) },
    );
    return fc.array(opArb, { minLength: 20, maxLength: 50 });
  };
  const keyName = (k: number) => `k@${k}`;
  const call = (o: Op): string => {
    switch (o.op) {
      case 'put':
        return `put('${keyName(o.key)}', '${o.value}')`;
      case 'get':
      case 'preferenceList':
        return `${o.op}('${keyName(o.key)}')`;
      case 'peek':
        return `peek('${o.node}', '${keyName(o.key)}')`;
      default:
        return `${o.op}('${o.node}')`;
    }
  };

  /** The statement, written as plainly as possible. */
  class Model {
    readonly nodes: string[];
    readonly ring: Array<{ pos: number; node: string; i: number }> = [];
    readonly data = new Map<string, Map<string, { value: string; version: number }>>();
    readonly down = new Set<string>();
    readonly last = new Map<string, number>();
    constructor(readonly s: Setup) {
      this.nodes = NODES.slice(0, s.size);
      for (const [j, node] of this.nodes.entries()) {
        this.data.set(node, new Map());
        for (let i = 0; i < s.vnodes; i++) this.ring.push({ pos: s.tokens[j * s.vnodes + i], node, i });
      }
      this.ring.sort((a, b) => a.pos - b.pos || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0) || a.i - b.i);
    }
    pref(k: number): string[] {
      let start = this.ring.findIndex((t) => t.pos >= k);
      if (start < 0) start = 0;
      const out: string[] = [];
      for (let step = 0; out.length < this.s.n; step++) {
        const { node } = this.ring[(start + step) % this.ring.length];
        if (!out.includes(node)) out.push(node);
      }
      return out;
    }
    apply(o: Op): { value: unknown } | { error: string; fields?: object } {
      if (o.op === 'preferenceList') return { value: this.pref(o.key) };
      if (o.op === 'put' || o.op === 'get') {
        const key = keyName(o.key);
        const live = this.pref(o.key).filter((x) => !this.down.has(x));
        const needed = o.op === 'put' ? this.s.w : this.s.r;
        if (live.length < needed) return { error: 'QuorumError', fields: { op: o.op === 'put' ? 'write' : 'read', needed, live: live.length } };
        if (o.op === 'put') {
          const version = (this.last.get(key) ?? 0) + 1;
          this.last.set(key, version);
          for (const x of live) this.data.get(x)!.set(key, { value: o.value, version });
          return { value: version };
        }
        let newest: { value: string; version: number } | null = null;
        for (const x of live) {
          const c = this.data.get(x)!.get(key);
          if (c && (!newest || c.version > newest.version)) newest = c;
        }
        if (newest && this.s.readRepair) {
          for (const x of live) if ((this.data.get(x)!.get(key)?.version ?? 0) < newest.version) this.data.get(x)!.set(key, newest);
        }
        return { value: newest };
      }
      if (!this.data.has(o.node)) return { error: 'UnknownNodeError' };
      if (o.op === 'fail') this.down.add(o.node);
      if (o.op === 'recover') this.down.delete(o.node);
      if (o.op === 'isUp') return { value: !this.down.has(o.node) };
      if (o.op === 'peek') return { value: this.data.get(o.node)!.get(keyName(o.key)) ?? null };
      return { value: undefined };
    }
  }

  function run(store: ReplicatedStore, o: Op): unknown {
    switch (o.op) {
      case 'put':
        return store.put(keyName(o.key), o.value);
      case 'get':
        return store.get(keyName(o.key));
      case 'preferenceList':
        return store.preferenceList(keyName(o.key));
      case 'peek':
        return store.peek(o.node, keyName(o.key));
      default:
        return store[o.op](o.node);
    }
  }

  it('[model] put, get, fail, recover, isUp, peek and preferenceList match the model, errors included', () => {
    fc.assert(
      fc.property(setupArb.chain((setup) => fc.tuple(fc.constant(setup), opsFor(setup.size))), ([setup, ops]) => {
        const nodes = NODES.slice(0, setup.size);
        const table: Record<string, number> = {};
        nodes.forEach((node, j) => {
          for (let i = 0; i < setup.vnodes; i++) table[`${node}#${i}`] = setup.tokens[j * setup.vnodes + i];
        });
        const { n, r, w, vnodes, readRepair, order, bad } = setup;
        const args = { n, r, w, vnodes, readRepair };
        const listed = [...order];
        // Each bad setting sits just outside its range: 0 or one too many, or a repeated id.
        if (bad === 'n') args.n = readRepair ? 0 : setup.size + 1;
        if (bad === 'r') args.r = readRepair ? 0 : n + 1;
        if (bad === 'w') args.w = readRepair ? 0 : n + 1;
        if (bad === 'vnodes') args.vnodes = 0;
        if (bad === 'nodes') listed.push(listed[0]);
        const created = `new ReplicatedStore(${JSON.stringify(listed)}, ${JSON.stringify(args)}) with tokens ${JSON.stringify(table)}`;
        if (bad !== null) {
          let err: unknown;
          try {
            new ReplicatedStore(listed, { ...args, hash: tableHash(table) });
          } catch (e) {
            err = e;
          }
          const ok = err instanceof ConfigError && err.name === 'ConfigError' && messageHasPart(err.message, bad) && (bad !== 'nodes' || messageHasPart(err.message, listed[0]));
          if (!ok) throw new Error(`${created}: expected a ConfigError naming ${bad === 'nodes' ? `nodes and ${listed[0]}` : bad}, got ${String(err)}`);
          return;
        }
        const store = new ReplicatedStore(listed, { ...args, hash: tableHash(table) });
        const m = new Model(setup);
        const done = [created];
        for (const o of ops) {
          const expected = m.apply(o);
          const where = (): string => `after ${done.join(', ')}: ${call(o)}`;
          let got: unknown;
          try {
            got = run(store, o);
          } catch (err) {
            if (!('error' in expected)) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${String(err)}`);
            const ok =
              err instanceof Error &&
              err.name === expected.error &&
              (expected.error === 'UnknownNodeError'
                ? err instanceof UnknownNodeError && messageHasPart(err.message, (o as { node: string }).node)
                : err instanceof QuorumError &&
                  JSON.stringify({ op: err.op, needed: err.needed, live: err.live }) === JSON.stringify(expected.fields));
            if (!ok) throw new Error(`${where()}: expected ${expected.error} ${JSON.stringify(expected.fields ?? {})}, got ${String(err)}`);
            done.push(call(o));
            continue;
          }
          if ('error' in expected) throw new Error(`${where()}: expected ${expected.error} ${JSON.stringify(expected.fields ?? {})}, got ${JSON.stringify(got)}`);
          if (canon(got) !== canon(expected.value)) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${JSON.stringify(got)}`);
          // Scribbling on a returned copy must never reach a replica.
          if (got !== null && typeof got === 'object' && !Array.isArray(got)) Object.assign(got, { value: 'scribbled', version: 999 });
          done.push(call(o));
          // Every replica's copy of the two busy keys must match too, so a stray write shows at once.
          for (const node of nodes) {
            for (const k of [3, 7]) {
              const want = canon(m.data.get(node)!.get(keyName(k)) ?? null);
              const have = canon(store.peek(node, keyName(k)));
              if (have !== want) throw new Error(`after ${done.join(', ')}: peek('${node}', '${keyName(k)}'): expected ${want}, got ${have}`);
            }
          }
        }
      }),
      { seed: 14, numRuns: 50 },
    );
  });
});
