import { expect } from 'chai';
import { Topic } from './solution';

describe('event log: examples', () => {
  it('routes each key to its partition and numbers offsets per partition', () => {
    const topic = new Topic(4);
    expect(['a', 'b', 'c', 'd'].map((k) => topic.partitionFor(k)), 'fnv1a32(key) % 4').to.deep.equal([0, 1, 2, 3]);
    expect(topic.publish('a', 'a0')).to.deep.equal({ partition: 0, offset: 0 });
    expect(topic.publish('a', 'a1')).to.deep.equal({ partition: 0, offset: 1 });
    expect(topic.publish('c', 'c0'), 'offsets start at 0 in every partition').to.deep.equal({ partition: 2, offset: 0 });
    expect(topic.endOffset(0)).to.equal(2);
  });

  it('lets a single member read every partition in order', () => {
    const topic = new Topic(4);
    topic.publish('c', 'c0');
    topic.publish('a', 'a0');
    topic.publish('a', 'a1');
    const g = topic.group('billing');
    g.join('m1');
    expect(g.assignment('m1')).to.deep.equal([0, 1, 2, 3]);
    expect(g.poll('m1', 10).map((r) => r.value), 'partition 0 first, then 2').to.deep.equal(['a0', 'a1', 'c0']);
    expect(g.poll('m1', 10), 'nothing new').to.deep.equal([]);
  });

  it('splits partitions between members by range over sorted ids', () => {
    const g = new Topic(4).group('g');
    g.join('m2');
    g.join('m1');
    expect(g.members()).to.deep.equal(['m1', 'm2']);
    expect(g.assignment('m1')).to.deep.equal([0, 1]);
    expect(g.assignment('m2')).to.deep.equal([2, 3]);
  });

  it('returns full records', () => {
    const topic = new Topic(4);
    topic.publish('b', 'hello');
    const g = topic.group('g');
    g.join('m1');
    expect(g.poll('m1', 1)).to.deep.equal([{ partition: 1, offset: 0, key: 'b', value: 'hello' }]);
  });

  it('redelivers uncommitted records after a rebalance', () => {
    const topic = new Topic(4);
    topic.publish('a', 'a0');
    topic.publish('a', 'a1');
    topic.publish('c', 'c0');
    const g = topic.group('billing');
    g.join('m1');
    g.poll('m1', 10);
    g.commit('m1', 0, 2);
    g.join('m2');
    expect(g.poll('m2', 10).map((r) => r.value), 'c0 was never committed').to.deep.equal(['c0']);
    expect(g.poll('m1', 10), 'partition 0 resumes at its committed offset 2').to.deep.equal([]);
    expect(g.committed(0)).to.equal(2);
  });
});
