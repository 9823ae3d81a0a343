import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, messageHasPart } from 'rehearse-test';
import { NotAssignedError, Topic, UnknownMemberError } from './solution';

/** JSON with object keys sorted, so two answers compare equal whatever order their fields were built in. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
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

// With 4 partitions: 'a' -> 0, 'b' -> 1, 'c' -> 2, 'd' -> 3. With 2: 'a' -> 0, 'b' -> 1.
function topicWith(partitions: number, records: Array<[string, string]>): Topic {
  const topic = new Topic(partitions);
  for (const [k, v] of records) topic.publish(k, v);
  return topic;
}

const values = (records: Array<{ value: string }>) => records.map((r) => r.value);

describe('event log: topic', () => {
  it('[R2] partitions by fnv1a32(key) % partitions, never negative', () => {
    const t3 = new Topic(3);
    expect(['g', 'a', 'c', 'user-3', ''].map((k) => t3.partitionFor(k))).to.deep.equal([0, 1, 2, 2, 1]);
    const t4 = new Topic(4);
    expect(['k3', 'order-17', 'user-2'].map((k) => t4.partitionFor(k))).to.deep.equal([3, 2, 1]);
    expect(new Topic(1).partitionFor('anything'), 'one partition takes everything').to.equal(0);
  });

  it('[R3][R16] keeps the order of records with the same key', () => {
    const topic = new Topic(4);
    for (let i = 0; i < 5; i++) {
      topic.publish('user-1', `u1-${i}`);
      topic.publish('a', `a-${i}`); // 'a' shares partition 0 with 'user-1'
    }
    const g = topic.group('g');
    g.join('m');
    const forUser = g.poll('m', 100).filter((r) => r.key === 'user-1');
    expect(values(forUser)).to.deep.equal(['u1-0', 'u1-1', 'u1-2', 'u1-3', 'u1-4']);
    expect(forUser.map((r) => r.offset), 'interleaved with key "a" in partition 0').to.deep.equal([0, 2, 4, 6, 8]);
  });

  it('[R1] rejects a partition count that is not a positive integer', () => {
    for (const n of [0, -1, 1.5, NaN]) {
      const err = expectThrow(() => new Topic(n), RangeError, `new Topic(${n})`);
      expectMessage(err, ['partitions'], `new Topic(${n}): the message names "partitions"`);
    }
  });

  it('[R3][R4] returns the partition and offset each published record went to', () => {
    const topic = new Topic(4);
    expect(topic.publish('c', 'c0'), 'first record of partition 2').to.deep.equal({ partition: 2, offset: 0 });
    expect(topic.publish('a', 'a0'), 'first record of partition 0').to.deep.equal({ partition: 0, offset: 0 });
    expect(topic.publish('c', 'c1'), 'second record of partition 2').to.deep.equal({ partition: 2, offset: 1 });
    expect(topic.endOffset(2), 'the next record of partition 2 gets offset 2').to.equal(2);
  });

  it('[R5] names the partition argument, the bad value and the highest valid partition in the RangeError', () => {
    const topic = new Topic(4);
    const g = topic.group('g');
    g.join('m');
    const calls: Array<[string, () => unknown]> = [
      ['endOffset(7)', () => topic.endOffset(7)],
      ['committed(7)', () => g.committed(7)],
      ['commit(m, 7, 0)', () => g.commit('m', 7, 0)],
    ];
    for (const [what, call] of calls) {
      const err = expectThrow(call, RangeError, what);
      expectMessage(err, ['partition'], `${what}: the message names "partition"`);
      expectMessage(err, ['7'], `${what}: the message gives the bad value 7`);
      expectMessage(err, ['3'], `${what}: the message gives the highest valid partition, 3`);
    }
  });

  it('[R5] rejects partition numbers outside [0, partitions)', () => {
    const topic = new Topic(4);
    const g = topic.group('g');
    expectThrow(() => topic.endOffset(4), RangeError, 'endOffset(4)');
    expectThrow(() => topic.endOffset(-1), RangeError, 'endOffset(-1)');
    expectThrow(() => g.committed(1.5), RangeError, 'committed(1.5)');
  });

  it('[R6] returns the same group object for the same id', () => {
    const topic = new Topic(2);
    expect(topic.group('g')).to.equal(topic.group('g'));
  });

  it('[R7] keeps groups independent: each reads everything and has its own offsets', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['b', 'b0']]);
    const billing = topic.group('billing');
    const audit = topic.group('audit');
    billing.join('m');
    audit.join('m');
    expect(values(billing.poll('m', 10))).to.deep.equal(['a0', 'a1', 'b0']);
    billing.commit('m', 0, 2);
    expect(audit.committed(0), 'a commit in one group is invisible to another').to.equal(0);
    expect(values(audit.poll('m', 10))).to.deep.equal(['a0', 'a1', 'b0']);
  });
});

describe('event log: assignment', () => {
  it('[R12 join][R13] gives the first P % M members one extra partition', () => {
    const g5 = new Topic(5).group('g');
    g5.join('a');
    g5.join('b');
    expect([g5.assignment('a'), g5.assignment('b')]).to.deep.equal([[0, 1, 2], [3, 4]]);
    const g7 = new Topic(7).group('g');
    for (const m of ['x', 'y', 'z']) g7.join(m);
    expect([g7.assignment('x'), g7.assignment('y'), g7.assignment('z')]).to.deep.equal([[0, 1, 2], [3, 4], [5, 6]]);
  });

  it('[R12 join][R11] assigns by sorted member id, not join order', () => {
    const g = new Topic(6).group('g');
    for (const m of ['zed', 'amy', 'Bob']) g.join(m);
    expect(g.members(), 'default sort puts "Bob" before "amy"').to.deep.equal(['Bob', 'amy', 'zed']);
    expect(g.assignment('Bob')).to.deep.equal([0, 1]);
    expect(g.assignment('amy')).to.deep.equal([2, 3]);
    expect(g.assignment('zed')).to.deep.equal([4, 5]);
  });

  it('[R12 join][R13] leaves the last members idle when there are more members than partitions', () => {
    const topic = topicWith(2, [['a', 'a0']]);
    const g = topic.group('g');
    for (const m of ['m1', 'm2', 'm3']) g.join(m);
    expect([g.assignment('m1'), g.assignment('m2'), g.assignment('m3')]).to.deep.equal([[0], [1], []]);
    expect(g.poll('m3', 5), 'an idle member polls nothing').to.deep.equal([]);
  });

  it('[R9] treats a second join of the same member as a no-op, without rebalancing', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    g.join('m');
    expect(g.members()).to.deep.equal(['m']);
    expect(g.poll('m', 10), 'no rebalance, so nothing is redelivered').to.deep.equal([]);
  });

  it('[R12 leave][R14 leave] hands a leaving member\'s partitions to the others, from the committed offset', () => {
    const topic = topicWith(4, [['a', 'a0'], ['c', 'c0'], ['c', 'c1'], ['d', 'd0']]);
    const g = topic.group('g');
    g.join('m1');
    g.join('m2');
    expect(values(g.poll('m2', 10))).to.deep.equal(['c0', 'c1', 'd0']);
    g.commit('m2', 2, 1);
    g.leave('m2');
    expect(g.assignment('m1')).to.deep.equal([0, 1, 2, 3]);
    expect(values(g.poll('m1', 10)), 'c1 and d0 were not committed by m2').to.deep.equal(['a0', 'c1', 'd0']);
  });

  it('[R14 join][R18] resumes from the committed offsets when the group empties and a member rejoins', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    g.commit('m', 0, 2);
    g.leave('m');
    expect(g.members()).to.deep.equal([]);
    g.join('n');
    expect(values(g.poll('n', 10))).to.deep.equal(['a2']);
  });

  it('[R10][R22 poll, commit, assignment] throws UnknownMemberError for leave, poll, commit and assignment by a non-member', () => {
    const g = topicWith(2, [['a', 'a0']]).group('g');
    g.join('m');
    g.leave('m');
    expectThrow(() => g.leave('m'), UnknownMemberError, 'leave twice');
    expectThrow(() => g.poll('m', 1), UnknownMemberError, 'poll after leaving');
    expectThrow(() => g.commit('ghost', 0, 0), UnknownMemberError, 'commit by a stranger');
    expectThrow(() => g.assignment('ghost'), UnknownMemberError, 'assignment of a stranger');
  });

  it('[R8] rejects an empty member id', () => {
    expectThrow(() => new Topic(2).group('g').join(''), RangeError, 'join("")');
  });

  it('[R8] rejects a member id that is not a string with a RangeError naming "member", and adds nobody', () => {
    const g = new Topic(2).group('g');
    for (const bad of [42, undefined, null]) {
      const err = expectThrow(() => g.join(bad as unknown as string), RangeError, `join(${String(bad)})`);
      expectMessage(err, ['member'], `join(${String(bad)}): the message names "member"`);
    }
    expect(g.members(), 'no member was added by a rejected join').to.deep.equal([]);
  });

  it('[R23] names the unknown member in UnknownMemberError, whose name is "UnknownMemberError"', () => {
    const g = new Topic(2).group('g');
    g.join('m');
    const calls: Array<[string, () => unknown]> = [
      ['leave', () => g.leave('ghost-7')],
      ['poll', () => g.poll('ghost-7', 1)],
      ['commit', () => g.commit('ghost-7', 0, 0)],
      ['assignment', () => g.assignment('ghost-7')],
    ];
    for (const [what, call] of calls) {
      const err = expectThrow(call, UnknownMemberError, what);
      expect(err.name, `${what}: error name`).to.equal('UnknownMemberError');
      expectMessage(err, ['ghost-7'], `${what}: the message names the member "ghost-7"`);
    }
  });
});

describe('event log: polling', () => {
  it('[R16][R17] returns at most max records in total and continues where it stopped, across partitions', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2'], ['b', 'b0'], ['b', 'b1']]);
    const g = topic.group('g');
    g.join('m');
    expect(values(g.poll('m', 2))).to.deep.equal(['a0', 'a1']);
    expect(values(g.poll('m', 2)), 'fills up from the next partition').to.deep.equal(['a2', 'b0']);
    expect(values(g.poll('m', 2))).to.deep.equal(['b1']);
    expect(g.poll('m', 2)).to.deep.equal([]);
  });

  it('[R17] picks up records published after the previous poll', () => {
    const topic = topicWith(2, [['a', 'a0']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    topic.publish('b', 'b0');
    topic.publish('a', 'a1');
    expect(values(g.poll('m', 10))).to.deep.equal(['a1', 'b0']);
  });

  it('[R15] rejects a max that is not a positive integer with a RangeError naming "max"', () => {
    const g = new Topic(2).group('g');
    g.join('m');
    for (const max of [0, -1, 1.5]) {
      const err = expectThrow(() => g.poll('m', max), RangeError, `poll max ${max}`);
      expectMessage(err, ['max'], `poll max ${max}: the message names "max"`);
    }
  });

  it('[R18] does not commit anything by polling', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    expect(g.committed(0)).to.equal(0);
  });
});

describe('event log: committing and redelivery', () => {
  it('[R21] does not move the read position when committing', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2'], ['a', 'a3']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 3);
    g.commit('m', 0, 1);
    expect(values(g.poll('m', 10)), 'continues after a2, not from the committed offset').to.deep.equal(['a3']);
  });

  it('[R20] accepts offsets up to endOffset and rejects beyond, negative, fractional or backwards ones', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    expectThrow(() => g.commit('m', 0, 3), RangeError, 'past the end');
    expectThrow(() => g.commit('m', 0, -1), RangeError, 'negative');
    expectThrow(() => g.commit('m', 0, 0.5), RangeError, 'fractional');
    g.commit('m', 0, 2);
    expect(g.committed(0), 'endOffset itself is allowed').to.equal(2);
    expectThrow(() => g.commit('m', 0, 1), RangeError, 'backwards');
    expect(g.committed(0), 'a rejected commit changes nothing').to.equal(2);
  });

  it('[R20] names "offset" in the RangeError for an offset out of range', () => {
    const topic = topicWith(2, [['a', 'a0']]);
    const g = topic.group('g');
    g.join('m');
    for (const offset of [2, -1, 0.5]) {
      const err = expectThrow(() => g.commit('m', 0, offset), RangeError, `commit offset ${offset}`);
      expectMessage(err, ['offset'], `commit offset ${offset}: the message names "offset"`);
    }
  });

  it('[R20] accepts committing the current committed offset again, changing nothing', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2']]);
    const g = topic.group('g');
    g.join('m');
    expect(() => g.commit('m', 0, 0), 'committing 0 before anything was committed').to.not.throw();
    expect(g.committed(0)).to.equal(0);
    g.commit('m', 0, 2);
    expect(() => g.commit('m', 0, 2), 'committing 2 again after committing 2').to.not.throw();
    expect(g.committed(0), 'still 2').to.equal(2);
  });

  it('[R19][R23] refuses a commit for a partition the member no longer owns', () => {
    const topic = topicWith(4, [['c', 'c0'], ['c', 'c1']]);
    const g = topic.group('g');
    g.join('m1');
    g.poll('m1', 10);
    g.join('m2');
    const err = expectThrow(() => g.commit('m1', 2, 2), NotAssignedError, 'stale owner');
    expect(err.name, 'error name').to.equal('NotAssignedError');
    expectMessage(err, ['2'], 'the message names the partition');
    expectMessage(err, ['m1'], 'the message names the member "m1"');
    expect(g.committed(2), 'the stale commit was not applied').to.equal(0);
    expect(values(g.poll('m2', 10))).to.deep.equal(['c0', 'c1']);
  });

  it('[R19] checks membership, then the partition number, then ownership', () => {
    const g = new Topic(4).group('g');
    g.join('m1');
    g.join('m2');
    expectThrow(() => g.commit('ghost', 9, 0), UnknownMemberError, 'stranger, bad partition');
    expectThrow(() => g.commit('m1', 9, 0), RangeError, 'member, bad partition');
    expectThrow(() => g.commit('m1', 3, 0), NotAssignedError, 'member, valid partition owned by m2');
  });

  it('[R14 join] redelivers uncommitted records even on a partition the member keeps', () => {
    const topic = topicWith(4, [['a', 'a0'], ['a', 'a1'], ['a', 'a2']]);
    const g = topic.group('g');
    g.join('m1');
    expect(values(g.poll('m1', 10))).to.deep.equal(['a0', 'a1', 'a2']);
    g.commit('m1', 0, 1);
    g.join('m2');
    expect(g.assignment('m1'), 'm1 keeps partition 0').to.deep.equal([0, 1]);
    expect(values(g.poll('m1', 10)), 'back to committed offset 1').to.deep.equal(['a1', 'a2']);
  });

  it('[R14 leave][R18] loses nothing when a member leaves without committing (at-least-once)', () => {
    const topic = new Topic(4);
    const published: string[] = [];
    for (let i = 0; i < 12; i++) {
      const v = `v${i}`;
      topic.publish(`key-${i}`, v);
      published.push(v);
    }
    const g = topic.group('g');
    g.join('m1');
    g.join('m2');
    const seen = new Set<string>();
    for (const r of g.poll('m1', 100)) seen.add(r.value);
    const m2first = g.poll('m2', 2);
    for (const r of m2first) g.commit('m2', r.partition, r.offset + 1);
    g.poll('m2', 100);
    g.leave('m2');
    for (const r of g.poll('m1', 100)) seen.add(r.value);
    for (const r of m2first) seen.add(r.value);
    expect([...seen].sort()).to.deep.equal([...published].sort());
  });
});

describe('event log: more rules', () => {
  it('[R4] gives endOffset 0 for an empty partition and one more per record', () => {
    const topic = new Topic(2);
    expect([topic.endOffset(0), topic.endOffset(1)], 'empty topic').to.deep.equal([0, 0]);
    topic.publish('a', 'a0');
    topic.publish('a', 'a1');
    expect([topic.endOffset(0), topic.endOffset(1)], "two records of 'a' in partition 0").to.deep.equal([2, 0]);
  });

  it('[R5 endOffset, commit, committed] rejects a partition equal to the partition count, negative, fractional or not a number in every method', () => {
    const topic = new Topic(3);
    const g = topic.group('g');
    g.join('m');
    for (const bad of [3, -1, 1.5, NaN, '1' as unknown as number]) {
      expectThrow(() => topic.endOffset(bad), RangeError, `endOffset(${String(bad)})`);
      expectThrow(() => g.committed(bad), RangeError, `committed(${String(bad)})`);
      expectThrow(() => g.commit('m', bad, 0), RangeError, `commit(m, ${String(bad)}, 0)`);
    }
    expect(topic.endOffset(2), 'the highest valid partition').to.equal(0);
  });

  it('[R11] lists members sorted with the default sort, [] when there are none', () => {
    const g = new Topic(2).group('g');
    expect(g.members(), 'nobody yet').to.deep.equal([]);
    for (const m of ['m9', 'm10', 'B', 'a']) g.join(m);
    expect(g.members()).to.deep.equal(['B', 'a', 'm10', 'm9']);
    g.leave('a');
    expect(g.members(), 'after a left').to.deep.equal(['B', 'm10', 'm9']);
  });

  it('[R12][R13] sorts ids with the default sort when assigning, and gives an idle member []', () => {
    const g = new Topic(3).group('g');
    for (const m of ['m9', 'm10', 'x', 'm1']) g.join(m);
    // sorted: m1, m10, m9, x
    expect(['m1', 'm10', 'm9', 'x'].map((m) => g.assignment(m))).to.deep.equal([[0], [1], [2], []]);
  });

  it('[R10][R12 leave] rebalances without the member that left, down to a single member and to nobody', () => {
    const g = new Topic(5).group('g');
    g.join('a');
    g.join('b');
    g.join('c');
    g.leave('b');
    expect([g.assignment('a'), g.assignment('c')], 'a and c split 5 partitions').to.deep.equal([[0, 1, 2], [3, 4]]);
    g.leave('a');
    expect(g.assignment('c'), 'c alone owns everything').to.deep.equal([0, 1, 2, 3, 4]);
    g.leave('c');
    expect(g.members(), 'nobody left').to.deep.equal([]);
    expectThrow(() => g.leave('c'), UnknownMemberError, 'leaving twice');
  });

  it('[R16] returns each record with its partition, offset, key and value', () => {
    const topic = topicWith(4, [['a', 'a0'], ['c', 'c0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    expect(g.poll('m', 10)).to.deep.equal([
      { partition: 0, offset: 0, key: 'a', value: 'a0' },
      { partition: 0, offset: 1, key: 'a', value: 'a1' },
      { partition: 2, offset: 0, key: 'c', value: 'c0' },
    ]);
    expect(g.poll('m', 10), 'nothing new').to.deep.equal([]);
  });

  it('[R15] accepts max 1 and returns exactly one record at a time', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['b', 'b0']]);
    const g = topic.group('g');
    g.join('m');
    expect([g.poll('m', 1), g.poll('m', 1), g.poll('m', 1), g.poll('m', 1)].map(values)).to.deep.equal([['a0'], ['a1'], ['b0'], []]);
  });

  it('[R9][R17] keeps the read position when a member joins again', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    expect(values(g.poll('m', 1))).to.deep.equal(['a0']);
    g.join('m');
    expect(values(g.poll('m', 5)), 'continues after a0').to.deep.equal(['a1']);
  });

  it('[R23] names the member and the partition in NotAssignedError, and the member when leave fails', () => {
    const g = new Topic(4).group('g');
    g.join('alpha');
    g.join('omega');
    const err = expectThrow(() => g.commit('alpha', 3, 0), NotAssignedError, 'partition 3 belongs to omega');
    expectMessage(err, ['alpha'], 'names the member');
    expectMessage(err, ['3'], 'names the partition');
    const unknown = expectThrow(() => g.leave('zeta-9'), UnknownMemberError, 'leave by a stranger');
    expectMessage(unknown, ['zeta-9'], 'names the member');
  });

  it('[R20] rejects an offset that is not a number, and recommits the same offset after more records', () => {
    const topic = topicWith(1, [['a', 'a0']]);
    const g = topic.group('g');
    g.join('m');
    expectThrow(() => g.commit('m', 0, '1' as unknown as number), RangeError, "offset '1'");
    g.commit('m', 0, 1);
    topic.publish('a', 'a1');
    g.commit('m', 0, 1);
    g.commit('m', 0, 2);
    expect(g.committed(0)).to.equal(2);
  });
});

describe('event log: [model] random sequences of every operation agree with a small model', () => {
  const fnv = (str: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193) >>> 0;
    return h >>> 0;
  };
  type Op =
    | { op: 'publish'; key: string }
    | { op: 'partitionFor'; key: string }
    | { op: 'endOffset'; partition: number }
    | { op: 'join' | 'leave' | 'assignment'; group: string; member: string }
    | { op: 'members'; group: string }
    | { op: 'poll'; group: string; member: string; max: number }
    | { op: 'commit'; group: string; member: string; partition: number | 'owned'; delta: number }
    | { op: 'committed'; group: string; partition: number };
  const keyArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
  const groupArb = fc.oneof({ weight: 4, arbitrary: fc.constant('g1') }, { weight: 1, arbitrary: fc.constant('g2') });
  const memberArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('m1', 'm2', 'm10') }, { weight: 1, arbitrary: fc.constantFrom('', 'm3') });
  // Partitions run one past each end of the valid range, and a fraction now and then.
  const partitionArb = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -1, max: 5 }) }, { weight: 1, arbitrary: fc.constant(0.5) });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('publish' as const), key: keyArb }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('partitionFor' as const), key: keyArb }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('endOffset' as const), partition: partitionArb }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('join' as const), group: groupArb, member: memberArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('leave' as const), group: groupArb, member: memberArb }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('assignment' as const), group: groupArb, member: memberArb }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('members' as const), group: groupArb }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('poll' as const), group: groupArb, member: memberArb, max: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5) }) }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('commit' as const), group: groupArb, member: memberArb, partition: fc.oneof({ weight: 2, arbitrary: fc.constant('owned' as const) }, { weight: 1, arbitrary: partitionArb }), delta: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -1, max: 4 }) }, { weight: 1, arbitrary: fc.constant(0.5) }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('committed' as const), group: groupArb, partition: partitionArb }) },
  );

  type Failure = { error: string; accepts: (e: unknown) => boolean };
  type Expected = { value: unknown } | Failure;
  const rangeError = (word: string): Failure => ({ error: `RangeError naming ${word}`, accepts: (e) => e instanceof RangeError && messageHasPart(e.message, word) });
  const unknownMember = (member: string): Failure => ({
    error: `UnknownMemberError naming ${member}`,
    accepts: (e) => e instanceof UnknownMemberError && e.name === 'UnknownMemberError' && messageHasPart(e.message, member),
  });

  class ModelGroup {
    members: string[] = [];
    positions = new Map<string, Map<number, number>>();
    committed = new Map<number, number>();
    constructor(readonly P: number) {}
    rebalance(): void {
      this.positions.clear();
      let next = 0;
      this.members.forEach((m, i) => {
        const mine = new Map<number, number>();
        const count = Math.floor(this.P / this.members.length) + (i < this.P % this.members.length ? 1 : 0);
        for (let k = 0; k < count; k++, next++) mine.set(next, this.committed.get(next) ?? 0);
        this.positions.set(m, mine);
      });
    }
  }

  class Model {
    logs: Array<Array<{ key: string; value: string }>>;
    groups = new Map<string, ModelGroup>();
    published = 0;
    constructor(readonly P: number) {
      this.logs = Array.from({ length: P }, () => []);
    }
    group(id: string): ModelGroup {
      if (!this.groups.has(id)) this.groups.set(id, new ModelGroup(this.P));
      return this.groups.get(id)!;
    }
    validPartition(p: number): boolean {
      return Number.isInteger(p) && p >= 0 && p < this.P;
    }
    /** The partition a commit op stands for: 'owned' is the member's first partition with uncommitted records, else its first. */
    partitionOf(o: Extract<Op, { op: 'commit' }>): number {
      if (o.partition !== 'owned') return o.partition;
      const g = this.group(o.group);
      const owned = [...(g.positions.get(o.member)?.keys() ?? [])];
      return owned.find((p) => (g.committed.get(p) ?? 0) < this.logs[p].length) ?? owned[0] ?? 0;
    }
    /** The absolute offset a commit op stands for: its delta from the committed offset. */
    offsetOf(o: Extract<Op, { op: 'commit' }>): number {
      const p = this.partitionOf(o);
      return (this.validPartition(p) ? (this.group(o.group).committed.get(p) ?? 0) : 0) + o.delta;
    }
    apply(o: Op): Expected {
      switch (o.op) {
        case 'publish': {
          const partition = fnv(o.key) % this.P;
          this.logs[partition].push({ key: o.key, value: `v${this.published++}` });
          return { value: { partition, offset: this.logs[partition].length - 1 } };
        }
        case 'partitionFor':
          return { value: fnv(o.key) % this.P };
        case 'endOffset':
          return this.validPartition(o.partition) ? { value: this.logs[o.partition].length } : rangeError('partition');
        case 'members':
          return { value: [...this.group(o.group).members] };
        case 'committed': {
          if (!this.validPartition(o.partition)) return rangeError('partition');
          return { value: this.group(o.group).committed.get(o.partition) ?? 0 };
        }
      }
      const g = this.group(o.group);
      if (o.op === 'join') {
        if (o.member === '') return rangeError('member');
        if (!g.members.includes(o.member)) {
          g.members = [...g.members, o.member].sort();
          g.rebalance();
        }
        return { value: undefined };
      }
      const mine = g.positions.get(o.member);
      if (o.op === 'poll' && !(Number.isInteger(o.max) && o.max > 0)) {
        if (mine === undefined) return { error: 'UnknownMemberError or RangeError naming max', accepts: (e) => unknownMember(o.member).accepts(e) || rangeError('max').accepts(e) };
        return rangeError('max');
      }
      if (mine === undefined) return unknownMember(o.member);
      if (o.op === 'leave') {
        g.members = g.members.filter((m) => m !== o.member);
        g.rebalance();
        return { value: undefined };
      }
      if (o.op === 'assignment') return { value: [...mine.keys()].sort((x, y) => x - y) };
      if (o.op === 'poll') {
        const out: unknown[] = [];
        for (const partition of [...mine.keys()].sort((x, y) => x - y)) {
          const from = mine.get(partition)!;
          const batch = this.logs[partition].slice(from, from + o.max - out.length);
          batch.forEach((r, i) => out.push({ partition, offset: from + i, key: r.key, value: r.value }));
          mine.set(partition, from + batch.length);
        }
        return { value: out };
      }
      // commit
      const commit = o as Extract<Op, { op: 'commit' }>; // the only op left ('join' | 'leave' | 'assignment' does not narrow)
      const partition = this.partitionOf(commit);
      if (!this.validPartition(partition)) return rangeError('partition');
      if (!mine.has(partition)) {
        return {
          error: `NotAssignedError naming ${o.member} and ${partition}`,
          accepts: (e) => e instanceof NotAssignedError && e.name === 'NotAssignedError' && messageHasPart(e.message, o.member) && messageHasPart(e.message, String(partition)),
        };
      }
      const offset = this.offsetOf(commit);
      const current = g.committed.get(partition) ?? 0;
      if (!(Number.isInteger(offset) && offset >= current && offset <= this.logs[partition].length)) return rangeError('offset');
      g.committed.set(partition, offset);
      return { value: undefined };
    }
  }

  const q = (x: string) => `'${x}'`;
  function call(o: Op, partition: number, offset: number): string {
    switch (o.op) {
      case 'publish':
        return `publish(${q(o.key)}, 'v…')`;
      case 'partitionFor':
        return `partitionFor(${q(o.key)})`;
      case 'endOffset':
        return `endOffset(${o.partition})`;
      case 'members':
        return `group(${q(o.group)}).members()`;
      case 'committed':
        return `group(${q(o.group)}).committed(${o.partition})`;
      case 'poll':
        return `group(${q(o.group)}).poll(${q(o.member)}, ${o.max})`;
      case 'commit':
        return `group(${q(o.group)}).commit(${q(o.member)}, ${partition}, ${offset})`;
      default:
        return `group(${q(o.group)}).${o.op}(${q(o.member)})`;
    }
  }

  function run(topic: Topic, o: Op, value: string, partition: number, offset: number): unknown {
    switch (o.op) {
      case 'publish':
        return topic.publish(o.key, value);
      case 'partitionFor':
        return topic.partitionFor(o.key);
      case 'endOffset':
        return topic.endOffset(o.partition);
      case 'members':
        return topic.group(o.group).members();
      case 'committed':
        return topic.group(o.group).committed(o.partition);
      case 'poll':
        return topic.group(o.group).poll(o.member, o.max);
      case 'commit':
        return topic.group(o.group).commit(o.member, partition, offset);
      default:
        return topic.group(o.group)[o.op](o.member);
    }
  }

  it('[model] publish, partitionFor, endOffset, join, leave, members, assignment, poll, commit and committed match the model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(opArb, { minLength: 20, maxLength: 70 }), (P, ops) => {
        const topic = new Topic(P);
        const m = new Model(P);
        const done = [`new Topic(${P})`];
        for (const o of ops) {
          const partition = o.op === 'commit' ? m.partitionOf(o) : 0;
          const offset = o.op === 'commit' ? m.offsetOf(o) : 0;
          const value = `v${m.published}`;
          const expected = m.apply(o);
          const text = call(o, partition, offset).replace("'v…'", q(value));
          const where = (): string => `after ${done.join(', ')}: ${text}`;
          let got: unknown;
          try {
            got = run(topic, o, value, partition, offset);
          } catch (err) {
            if (!('error' in expected)) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${String(err)}`);
            if (!expected.accepts(err)) throw new Error(`${where()}: expected ${expected.error}, got ${String(err)}`);
            done.push(text);
            continue;
          }
          if ('error' in expected) throw new Error(`${where()}: expected ${expected.error}, got ${JSON.stringify(got)}`);
          if (canon(got) !== canon(expected.value)) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${JSON.stringify(got)}`);
          done.push(text);
        }
      }),
      { seed: 14, numRuns: 60 },
    );
  });
});
