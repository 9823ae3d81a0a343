import { expect } from 'chai';
import { JobQueue } from './solution';

/** Lets every pending promise callback run (handlers here settle within a few microtasks). */
async function settled(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('JobQueue — examples', () => {
  it('runs a job and records its result', async () => {
    const now = 0;
    const q = new JobQueue({ concurrency: 1, clock: () => now });
    const id = q.enqueue(async () => 'sent');
    expect(id).to.equal('job-1');
    expect(q.get(id).status, 'a new job waits for runDue').to.equal('queued');
    expect(q.runDue(), 'one job started').to.equal(1);
    expect(q.get(id).status).to.equal('running');
    await settled();
    const info = q.get(id);
    expect(info.status).to.equal('succeeded');
    expect(info.result).to.equal('sent');
    expect(info.attempts).to.equal(1);
  });

  it('starts at most `concurrency` jobs, highest priority first (Example 1)', async () => {
    const now = 0;
    const q = new JobQueue({ concurrency: 2, clock: () => now });
    const a = q.enqueue(async () => 'A');
    const b = q.enqueue(async () => 'B', { priority: 5 });
    const c = q.enqueue(async () => 'C', { priority: 5 });
    expect(q.runDue(), 'two free slots').to.equal(2);
    expect([q.get(a).status, q.get(b).status, q.get(c).status]).to.deep.equal(['queued', 'running', 'running']);
    await settled();
    expect(q.get(b).result).to.equal('B');
    expect(q.runDue(), 'the low-priority job now gets a slot').to.equal(1);
    await settled();
    expect(q.get(a).status).to.equal('succeeded');
  });

  it('holds a delayed job until its runAt', async () => {
    let now = 0;
    const q = new JobQueue({ concurrency: 1, clock: () => now });
    const id = q.enqueue(async () => 'later', { runAt: 500 });
    expect(q.get(id).status).to.equal('delayed');
    expect(q.runDue(), 'not due at t=0').to.equal(0);
    now = 500;
    expect(q.runDue(), 'due at t=500').to.equal(1);
  });

  it('retries a failing job with exponential backoff, then fails it (Example 2)', async () => {
    let now = 0;
    const q = new JobQueue({ concurrency: 1, clock: () => now, retry: { maxAttempts: 3, baseDelayMs: 100, factor: 3 } });
    const id = q.enqueue(async () => {
      throw new Error('smtp down');
    });
    q.runDue();
    await settled();
    let info = q.get(id);
    expect(info.status).to.equal('retrying');
    expect(info.runAt, 'first retry 100 ms after the failure').to.equal(100);
    expect(info.lastError).to.equal('smtp down');
    now = 99;
    expect(q.runDue(), 'not due 1 ms early').to.equal(0);
    now = 100;
    q.runDue();
    await settled();
    expect(q.get(id).runAt, 'second delay is 100 × 3').to.equal(400);
    now = 400;
    q.runDue();
    await settled();
    info = q.get(id);
    expect(info.status, 'three attempts used').to.equal('failed');
    expect(q.metrics().attempts).to.equal(3);
  });

  it('reports metrics by status', async () => {
    const now = 0;
    const q = new JobQueue({ concurrency: 1, clock: () => now });
    q.enqueue(async () => 1);
    q.enqueue(async () => 2);
    q.enqueue(async () => 3, { runAt: 10 });
    q.runDue();
    const m = q.metrics();
    expect([m.running, m.queued, m.delayed], 'one running, one queued, one delayed').to.deep.equal([1, 1, 1]);
  });
});
