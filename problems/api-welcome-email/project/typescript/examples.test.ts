import { expect } from 'chai';
import { FakeMailProvider, ManualClock, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';

describe('Requirement 1', () => {
  it('the signup answers before the welcome email is sent; the email goes out when the service is idle', async () => {
    const clock = new ManualClock(0);
    const mail = new FakeMailProvider(clock);
    const service = await startService({ disk: new MemoryDisk(), clock, mail });
    const client = new TestClient(service);

    const res = await client.post('/signup', { json: { email: 'ada@example.com', name: 'Ada' } });
    expect(res.status).to.equal(201);
    expect(mail.outbox).to.have.length(0);

    await service.idle();
    expect(mail.outbox.map((e) => e.to)).to.deep.equal(['ada@example.com']);
  });
});

describe('Retries', () => {
  it('a failed send is tried again 30 seconds later', async () => {
    const clock = new ManualClock(0);
    const mail = new FakeMailProvider(clock);
    const service = await startService({ disk: new MemoryDisk(), clock, mail });
    mail.failNext(1);
    await new TestClient(service).post('/signup', { json: { email: 'ada@example.com', name: 'Ada' } });
    await service.idle();
    clock.advance(30_000);
    await service.idle();
    expect(mail.attempts.map((a) => a.at)).to.deep.equal([0, 30_000]);
    expect(mail.outbox).to.have.length(1);
  });
});
