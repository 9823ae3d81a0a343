import { expect } from 'chai';
import { FakeMailProvider, ManualClock, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';

describe('Requirement 1', () => {
  it('health answers 200 while everything is up, 503 when the mail provider is down', async () => {
    const clock = new ManualClock(0);
    const mail = new FakeMailProvider(clock);
    const client = new TestClient(await startService({ disk: new MemoryDisk(), clock, mail }));
    expect((await client.get('/health')).status).to.equal(200);
    mail.setDown(true);
    const res = await client.get('/health');
    expect(res.status).to.equal(503);
    expect(res.json().checks.mail.status).to.equal('failing');
  });
});

describe('Metrics', () => {
  it('metrics count requests by route and status', async () => {
    const client = new TestClient(await startService({ disk: new MemoryDisk(), clock: new ManualClock(0) }));
    await client.get('/users/1');
    const res = await client.get('/metrics');
    expect(res.json().requests).to.deep.equal([{ method: 'GET', route: '/users/:id', status: 404, count: 1 }]);
  });
});
