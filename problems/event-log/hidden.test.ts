import { expect } from 'chai';
import { NotAssignedError, Topic, UnknownMemberError } from './solution';

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
  it('partitions by fnv1a32(key) % partitions, never negative', () => {
    const t3 = new Topic(3);
    expect(['g', 'a', 'c', 'user-3', ''].map((k) => t3.partitionFor(k))).to.deep.equal([0, 1, 2, 2, 1]);
    const t4 = new Topic(4);
    expect(['k3', 'order-17', 'user-2'].map((k) => t4.partitionFor(k))).to.deep.equal([3, 2, 1]);
    expect(new Topic(1).partitionFor('anything'), 'one partition takes everything').to.equal(0);
  });

  it('keeps the order of records with the same key', () => {
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

  it('rejects a partition count that is not a positive integer', () => {
    for (const n of [0, -1, 1.5, NaN]) {
      const err = expectThrow(() => new Topic(n), RangeError, `new Topic(${n})`);
      expect(err.message, `new Topic(${n}): the message names "partitions"`).to.match(/partitions/);
    }
  });

  it('returns the partition and offset each published record went to', () => {
    const topic = new Topic(4);
    expect(topic.publish('c', 'c0'), 'first record of partition 2').to.deep.equal({ partition: 2, offset: 0 });
    expect(topic.publish('a', 'a0'), 'first record of partition 0').to.deep.equal({ partition: 0, offset: 0 });
    expect(topic.publish('c', 'c1'), 'second record of partition 2').to.deep.equal({ partition: 2, offset: 1 });
    expect(topic.endOffset(2), 'the next record of partition 2 gets offset 2').to.equal(2);
  });

  it('names the partition argument, the bad value and the highest valid partition in the RangeError', () => {
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
      expect(err.message, `${what}: the message names "partition"`).to.match(/partition/);
      expect(err.message, `${what}: the message gives the bad value 7`).to.match(/\b7\b/);
      expect(err.message, `${what}: the message gives the highest valid partition, 3`).to.match(/\b3\b/);
    }
  });

  it('rejects partition numbers outside [0, partitions)', () => {
    const topic = new Topic(4);
    const g = topic.group('g');
    expectThrow(() => topic.endOffset(4), RangeError, 'endOffset(4)');
    expectThrow(() => topic.endOffset(-1), RangeError, 'endOffset(-1)');
    expectThrow(() => g.committed(1.5), RangeError, 'committed(1.5)');
  });

  it('returns the same group object for the same id', () => {
    const topic = new Topic(2);
    expect(topic.group('g')).to.equal(topic.group('g'));
  });

  it('keeps groups independent: each reads everything and has its own offsets', () => {
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
  it('gives the first P % M members one extra partition', () => {
    const g5 = new Topic(5).group('g');
    g5.join('a');
    g5.join('b');
    expect([g5.assignment('a'), g5.assignment('b')]).to.deep.equal([[0, 1, 2], [3, 4]]);
    const g7 = new Topic(7).group('g');
    for (const m of ['x', 'y', 'z']) g7.join(m);
    expect([g7.assignment('x'), g7.assignment('y'), g7.assignment('z')]).to.deep.equal([[0, 1, 2], [3, 4], [5, 6]]);
  });

  it('assigns by sorted member id, not join order', () => {
    const g = new Topic(6).group('g');
    for (const m of ['zed', 'amy', 'Bob']) g.join(m);
    expect(g.members(), 'default sort puts "Bob" before "amy"').to.deep.equal(['Bob', 'amy', 'zed']);
    expect(g.assignment('Bob')).to.deep.equal([0, 1]);
    expect(g.assignment('amy')).to.deep.equal([2, 3]);
    expect(g.assignment('zed')).to.deep.equal([4, 5]);
  });

  it('leaves the last members idle when there are more members than partitions', () => {
    const topic = topicWith(2, [['a', 'a0']]);
    const g = topic.group('g');
    for (const m of ['m1', 'm2', 'm3']) g.join(m);
    expect([g.assignment('m1'), g.assignment('m2'), g.assignment('m3')]).to.deep.equal([[0], [1], []]);
    expect(g.poll('m3', 5), 'an idle member polls nothing').to.deep.equal([]);
  });

  it('treats a second join of the same member as a no-op, without rebalancing', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    g.join('m');
    expect(g.members()).to.deep.equal(['m']);
    expect(g.poll('m', 10), 'no rebalance, so nothing is redelivered').to.deep.equal([]);
  });

  it('hands a leaving member\'s partitions to the others, from the committed offset', () => {
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

  it('resumes from the committed offsets when the group empties and a member rejoins', () => {
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

  it('throws UnknownMemberError for leave, poll, commit and assignment by a non-member', () => {
    const g = topicWith(2, [['a', 'a0']]).group('g');
    g.join('m');
    g.leave('m');
    expectThrow(() => g.leave('m'), UnknownMemberError, 'leave twice');
    expectThrow(() => g.poll('m', 1), UnknownMemberError, 'poll after leaving');
    expectThrow(() => g.commit('ghost', 0, 0), UnknownMemberError, 'commit by a stranger');
    expectThrow(() => g.assignment('ghost'), UnknownMemberError, 'assignment of a stranger');
  });

  it('rejects an empty member id', () => {
    expectThrow(() => new Topic(2).group('g').join(''), RangeError, 'join("")');
  });

  it('rejects a member id that is not a string with a RangeError naming "member", and adds nobody', () => {
    const g = new Topic(2).group('g');
    for (const bad of [42, undefined, null]) {
      const err = expectThrow(() => g.join(bad as unknown as string), RangeError, `join(${String(bad)})`);
      expect(err.message, `join(${String(bad)}): the message names "member"`).to.match(/member/);
    }
    expect(g.members(), 'no member was added by a rejected join').to.deep.equal([]);
  });

  it('names the unknown member in UnknownMemberError, whose name is "UnknownMemberError"', () => {
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
      expect(err.message, `${what}: the message names the member "ghost-7"`).to.include('ghost-7');
    }
  });
});

describe('event log: polling', () => {
  it('returns at most max records in total and continues where it stopped, across partitions', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2'], ['b', 'b0'], ['b', 'b1']]);
    const g = topic.group('g');
    g.join('m');
    expect(values(g.poll('m', 2))).to.deep.equal(['a0', 'a1']);
    expect(values(g.poll('m', 2)), 'fills up from the next partition').to.deep.equal(['a2', 'b0']);
    expect(values(g.poll('m', 2))).to.deep.equal(['b1']);
    expect(g.poll('m', 2)).to.deep.equal([]);
  });

  it('picks up records published after the previous poll', () => {
    const topic = topicWith(2, [['a', 'a0']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    topic.publish('b', 'b0');
    topic.publish('a', 'a1');
    expect(values(g.poll('m', 10))).to.deep.equal(['a1', 'b0']);
  });

  it('rejects a max that is not a positive integer with a RangeError naming "max"', () => {
    const g = new Topic(2).group('g');
    g.join('m');
    for (const max of [0, -1, 1.5]) {
      const err = expectThrow(() => g.poll('m', max), RangeError, `poll max ${max}`);
      expect(err.message, `poll max ${max}: the message names "max"`).to.match(/max/);
    }
  });

  it('does not commit anything by polling', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 10);
    expect(g.committed(0)).to.equal(0);
  });
});

describe('event log: committing and redelivery', () => {
  it('does not move the read position when committing', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2'], ['a', 'a3']]);
    const g = topic.group('g');
    g.join('m');
    g.poll('m', 3);
    g.commit('m', 0, 1);
    expect(values(g.poll('m', 10)), 'continues after a2, not from the committed offset').to.deep.equal(['a3']);
  });

  it('accepts offsets up to endOffset and rejects beyond, negative, fractional or backwards ones', () => {
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

  it('names "offset" in the RangeError for an offset out of range', () => {
    const topic = topicWith(2, [['a', 'a0']]);
    const g = topic.group('g');
    g.join('m');
    for (const offset of [2, -1, 0.5]) {
      const err = expectThrow(() => g.commit('m', 0, offset), RangeError, `commit offset ${offset}`);
      expect(err.message, `commit offset ${offset}: the message names "offset"`).to.match(/offset/);
    }
  });

  it('accepts committing the current committed offset again, changing nothing', () => {
    const topic = topicWith(2, [['a', 'a0'], ['a', 'a1'], ['a', 'a2']]);
    const g = topic.group('g');
    g.join('m');
    expect(() => g.commit('m', 0, 0), 'committing 0 before anything was committed').to.not.throw();
    expect(g.committed(0)).to.equal(0);
    g.commit('m', 0, 2);
    expect(() => g.commit('m', 0, 2), 'committing 2 again after committing 2').to.not.throw();
    expect(g.committed(0), 'still 2').to.equal(2);
  });

  it('refuses a commit for a partition the member no longer owns', () => {
    const topic = topicWith(4, [['c', 'c0'], ['c', 'c1']]);
    const g = topic.group('g');
    g.join('m1');
    g.poll('m1', 10);
    g.join('m2');
    const err = expectThrow(() => g.commit('m1', 2, 2), NotAssignedError, 'stale owner');
    expect(err.name, 'error name').to.equal('NotAssignedError');
    expect(err.message, 'the message names the partition').to.include('2');
    expect(err.message, 'the message names the member "m1"').to.include('m1');
    expect(g.committed(2), 'the stale commit was not applied').to.equal(0);
    expect(values(g.poll('m2', 10))).to.deep.equal(['c0', 'c1']);
  });

  it('checks membership, then the partition number, then ownership', () => {
    const g = new Topic(4).group('g');
    g.join('m1');
    g.join('m2');
    expectThrow(() => g.commit('ghost', 9, 0), UnknownMemberError, 'stranger, bad partition');
    expectThrow(() => g.commit('m1', 9, 0), RangeError, 'member, bad partition');
    expectThrow(() => g.commit('m1', 3, 0), NotAssignedError, 'member, valid partition owned by m2');
  });

  it('redelivers uncommitted records even on a partition the member keeps', () => {
    const topic = topicWith(4, [['a', 'a0'], ['a', 'a1'], ['a', 'a2']]);
    const g = topic.group('g');
    g.join('m1');
    expect(values(g.poll('m1', 10))).to.deep.equal(['a0', 'a1', 'a2']);
    g.commit('m1', 0, 1);
    g.join('m2');
    expect(g.assignment('m1'), 'm1 keeps partition 0').to.deep.equal([0, 1]);
    expect(values(g.poll('m1', 10)), 'back to committed offset 1').to.deep.equal(['a1', 'a2']);
  });

  it('loses nothing when a member leaves without committing (at-least-once)', () => {
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
