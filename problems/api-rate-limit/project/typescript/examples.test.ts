import { expect } from 'chai';
import { ManualClock, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';

async function open(): Promise<{ clock: ManualClock; client: TestClient }> {
  const clock = new ManualClock(0);
  return { clock, client: new TestClient(await startService({ disk: new MemoryDisk(), clock })) };
}

describe('Requirement 1', () => {
  it('the service answers as before while a client stays under the limit', async () => {
    const { client } = await open();
    const res = await client.get('/users', { headers: { 'X-Client-Id': 'ada' } });
    expect(res.status).to.equal(200);
    expect(res.json()).to.deep.equal({ users: [] });
  });

  it('the sixth request in a minute answers 429 with Retry-After', async () => {
    const { clock, client } = await open();
    for (let i = 0; i < 5; i++) {
      expect((await client.get('/users', { headers: { 'X-Client-Id': 'ada' } })).status).to.equal(200);
      clock.advance(1_000);
    }
    const sixth = await client.get('/users', { headers: { 'X-Client-Id': 'ada' } });
    expect(sixth.status).to.equal(429);
    expect(sixth.header('Retry-After')).to.equal('55');
  });
});

describe('Rate limit headers', () => {
  it('a request carries how many requests are left', async () => {
    const { client } = await open();
    const res = await client.get('/users', { headers: { 'X-Client-Id': 'ada' } });
    expect(res.header('X-RateLimit-Remaining')).to.equal('4');
  });
});
