import { expect } from 'chai';
import { StreamPipeline } from './solution';

describe('StreamPipeline — examples', () => {
  const minuteWindows = () => new StreamPipeline({ windowMs: 60_000, allowedLatenessMs: 10_000, dedupHorizonMs: 120_000, capacity: 100 });

  it('summarises each key per window once the watermark passes the window (Example 1)', () => {
    const p = minuteWindows();
    expect(p.push({ id: 'e1', key: 'checkout', time: 5_000, value: 120 })).to.equal('accepted');
    expect(p.push({ id: 'e2', key: 'checkout', time: 30_000, value: 80 })).to.equal('accepted');
    expect(p.push({ id: 'e3', key: 'search', time: 65_000, value: 10 })).to.equal('accepted');
    expect(p.watermark, 'newest event time 65000 minus 10000 of allowed lateness').to.equal(55_000);
    expect(p.poll(10), 'the first minute is still open at watermark 55000').to.deep.equal([]);
    expect(p.push({ id: 'e4', key: 'checkout', time: 59_000, value: 40 }), 'out of order, but its window is open').to.equal('accepted');
    expect(p.push({ id: 'e5', key: 'search', time: 71_000, value: 30 })).to.equal('accepted');
    expect(p.poll(10), 'watermark 61000 closes [0, 60000)').to.deep.equal([
      { key: 'checkout', start: 0, end: 60_000, count: 3, sum: 240, min: 40, max: 120 },
    ]);
  });

  it('drops a retried event as a duplicate and a very late one as late', () => {
    const p = minuteWindows();
    p.push({ id: 'e1', key: 'checkout', time: 5_000, value: 120 });
    expect(p.push({ id: 'e1', key: 'checkout', time: 5_000, value: 120 }), 'same id again').to.equal('duplicate');
    p.push({ id: 'e5', key: 'search', time: 71_000, value: 30 });
    expect(p.push({ id: 'e6', key: 'checkout', time: 58_000, value: 1 }), 'its window closed at watermark 61000').to.equal('late');
  });

  it('closes windows on a heartbeat and reports its counters (Example 1, end)', () => {
    const p = minuteWindows();
    p.push({ id: 'e1', key: 'checkout', time: 5_000, value: 120 });
    p.push({ id: 'e2', key: 'checkout', time: 30_000, value: 80 });
    p.push({ id: 'e1', key: 'checkout', time: 5_000, value: 120 });
    p.push({ id: 'e3', key: 'search', time: 65_000, value: 10 });
    p.push({ id: 'e4', key: 'checkout', time: 59_000, value: 40 });
    p.push({ id: 'e5', key: 'search', time: 71_000, value: 30 });
    p.poll(10);
    p.push({ id: 'e6', key: 'checkout', time: 58_000, value: 1 });
    p.advanceTo(130_000);
    expect(p.poll(10)).to.deep.equal([{ key: 'search', start: 60_000, end: 120_000, count: 2, sum: 40, min: 10, max: 30 }]);
    expect(p.stats()).to.deep.equal({ accepted: 5, duplicates: 1, late: 1, refused: 0, openWindows: 0, trackedIds: 4 });
  });

  it('refuses input while the consumer is behind, and accepts it again after a poll (Example 2)', () => {
    const q = new StreamPipeline({ windowMs: 10, allowedLatenessMs: 0, dedupHorizonMs: 100, capacity: 1 });
    q.push({ id: 'a', key: 'k', time: 1, value: 1 });
    q.push({ id: 'b', key: 'j', time: 2, value: 1 });
    q.push({ id: 'c', key: 'k', time: 25, value: 2 });
    expect(q.backlog, 'both windows [0, 10) closed at once').to.equal(2);
    const d = { id: 'd', key: 'k', time: 26, value: 2 };
    expect(q.push(d)).to.equal('full');
    expect(q.poll(1)).to.deep.equal([{ key: 'j', start: 0, end: 10, count: 1, sum: 1, min: 1, max: 1 }]);
    expect(q.push(d), 'one result still waits: capacity 1 is reached').to.equal('full');
    expect(q.poll(5)).to.deep.equal([{ key: 'k', start: 0, end: 10, count: 1, sum: 1, min: 1, max: 1 }]);
    expect(q.push(d)).to.equal('accepted');
  });
});
