import { expect } from 'chai';
import fc from 'fast-check';
import { ManualClock, mentions, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';

const START = 1_000_000;

async function open(): Promise<{ clock: ManualClock; client: TestClient }> {
  const clock = new ManualClock(START);
  return { clock, client: new TestClient(await startService({ disk: new MemoryDisk(), clock })) };
}

const as = (id: string) => ({ headers: { 'X-Client-Id': id } });

/** Sends `count` GET /users as `id` and returns their statuses. */
async function burst(client: TestClient, count: number, id = 'ada'): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await client.get('/users', as(id))).status);
  return statuses;
}

describe('Requirement 1', () => {
  it('[R2] the first five requests of a client answer as usual; the sixth in the same minute answers 429', async () => {
    const { client } = await open();
    expect(await burst(client, 6)).to.deep.equal([200, 200, 200, 200, 200, 429]);
  });

  it('[R2] the window slides: a request is let through once the oldest counted one is 60 seconds old, not before', async () => {
    const { clock, client } = await open();
    await burst(client, 1); // at 0 s
    clock.advance(50_000);
    await burst(client, 4); // at 50 s
    clock.advance(9_999); // 59.999 s after the first
    expect(await burst(client, 1)).to.deep.equal([429]);
    clock.advance(1); // exactly 60 s: the first leaves the window
    expect(await burst(client, 1)).to.deep.equal([200]);
    clock.advance(1_000); // 61 s: the four of 50 s are still in the window, with the one of 60 s
    expect(await burst(client, 1)).to.deep.equal([429]);
    clock.advance(49_000); // 110 s: the four of 50 s have left
    expect(await burst(client, 5)).to.deep.equal([200, 200, 200, 200, 429]);
  });

  it('[R2] refused requests do not count: retrying while refused does not push the reopening back', async () => {
    const { clock, client } = await open();
    await burst(client, 5);
    for (let i = 0; i < 10; i++) {
      clock.advance(5_000);
      expect(await burst(client, 1)).to.deep.equal([429]);
    }
    clock.advance(10_000); // 60 s after the first five
    expect(await burst(client, 5)).to.deep.equal([200, 200, 200, 200, 200]);
  });

  it('[R3] a 429 carries Retry-After in whole seconds until the next request is let through, rounded up', async () => {
    const { clock, client } = await open();
    await burst(client, 5);
    const first = await client.get('/users', as('ada'));
    expect(first.status).to.equal(429);
    expect(first.header('Retry-After')).to.equal('60');
    clock.advance(12_300);
    expect((await client.get('/users', as('ada'))).header('Retry-After')).to.equal('48'); // 47.7 s → 48
    clock.advance(47_000);
    expect((await client.get('/users', as('ada'))).header('Retry-After')).to.equal('1'); // 0.7 s → 1
  });

  it('[R3] the 429 body is JSON with an error that mentions the limit and the same retryAfter', async () => {
    const { clock, client } = await open();
    await burst(client, 3);
    clock.advance(20_500);
    await burst(client, 2);
    const res = await client.post('/signup', { ...as('ada'), json: { email: 'ada@example.com', name: 'Ada' } });
    expect(res.status).to.equal(429);
    const body = res.json();
    expect(mentions(body.error, 'limit'), `error: ${body.error}`).to.equal(true);
    expect(body.retryAfter).to.equal(40); // the oldest counted is 20.5 s old: 39.5 s → 40
    expect(res.header('Retry-After')).to.equal('40');
  });

  it('[R3] a refused request never reaches its handler: a refused signup creates nobody', async () => {
    const { client } = await open();
    for (let i = 1; i <= 6; i++) {
      const res = await client.post('/signup', { ...as('bot'), json: { email: `user${i}@example.com`, name: `User ${i}` } });
      expect(res.status).to.equal(i <= 5 ? 201 : 429);
    }
    const users = (await client.get('/users', as('auditor'))).json().users;
    expect(users.map((u: { email: string }) => u.email)).to.not.include('user6@example.com');
    expect(users).to.have.length(5);
  });

  it('[R1] the client is the X-Client-Id header (any case); requests without one, or with a blank one, share one budget', async () => {
    const { client } = await open();
    await client.get('/users');
    await client.get('/users', { headers: { 'X-Client-Id': '   ' } });
    await client.get('/users', { headers: { 'x-client-id': '' } });
    await client.get('/users');
    expect((await client.get('/users')).status).to.equal(200);
    expect((await client.get('/users', { headers: { 'X-CLIENT-ID': '' } })).status).to.equal(429);
    expect((await client.get('/users', { headers: { 'x-client-id': 'ada' } })).status).to.equal(200);
    await burst(client, 4, 'ada');
    expect((await client.get('/users', { headers: { 'X-Client-ID': ' ada ' } })).status).to.equal(429);
  });

  it('[R4] clients are counted separately', async () => {
    const { clock, client } = await open();
    expect(await burst(client, 6, 'ada')).to.deep.equal([200, 200, 200, 200, 200, 429]);
    clock.advance(30_000);
    expect(await burst(client, 6, 'bob')).to.deep.equal([200, 200, 200, 200, 200, 429]);
    expect((await client.get('/users')).status).to.equal(200);
    clock.advance(30_000); // ada's window reopens, bob's does not
    expect(await burst(client, 1, 'ada')).to.deep.equal([200]);
    expect(await burst(client, 1, 'bob')).to.deep.equal([429]);
  });

  it('[R5] /health and the /dev/ routes are never refused and never counted', async () => {
    const { client } = await open();
    for (let i = 0; i < 8; i++) {
      expect((await client.get('/health', as('ada'))).status).to.equal(200);
      expect((await client.get('/dev/outbox', as('ada'))).status).to.equal(200);
    }
    expect(await burst(client, 6)).to.deep.equal([200, 200, 200, 200, 200, 429]);
    expect((await client.get('/health', as('ada'))).status).to.equal(200);
    expect((await client.get('/dev/outbox', as('ada'))).status).to.equal(200);
  });

  it('[R5] every other request counts, whatever its answer: 404, 405 and 400 use up the budget', async () => {
    const { client } = await open();
    expect((await client.get('/nowhere', as('ada'))).status).to.equal(404);
    expect((await client.delete('/users', as('ada'))).status).to.equal(405);
    expect((await client.post('/signup', { ...as('ada'), body: '{not json' })).status).to.equal(400);
    expect((await client.get('/users/99', as('ada'))).status).to.equal(404);
    expect((await client.get('/users', as('ada'))).status).to.equal(200);
    expect((await client.get('/nowhere', as('ada'))).status).to.equal(429);
  });

  it('[model] any sequence of requests and pauses is answered as a sliding window of 5 per 60 s per client', async () => {
    const step = fc.record({ client: fc.constantFrom('ada', 'bob', ''), wait: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 70_000 })) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const { clock, client } = await open();
        const log = new Map<string, number[]>();
        for (const { client: id, wait } of steps) {
          clock.advance(wait);
          const now = clock.now();
          const key = id || 'anonymous';
          const recent = (log.get(key) ?? []).filter((at) => now - at < 60_000);
          const allowed = recent.length < 5;
          if (allowed) recent.push(now);
          log.set(key, recent);
          const res = await client.get('/users', id ? as(id) : {});
          expect(res.status).to.equal(allowed ? 200 : 429);
          if (!allowed) expect(res.header('Retry-After')).to.equal(String(Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000))));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('Rate limit headers', () => {
  it('[R6] a request let through carries X-RateLimit-Limit 5 and X-RateLimit-Remaining, the requests left after it', async () => {
    const { clock, client } = await open();
    const left: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.get('/users', as('ada'));
      expect(res.header('X-RateLimit-Limit')).to.equal('5');
      left.push(res.header('X-RateLimit-Remaining'));
    }
    expect(left).to.deep.equal(['4', '3', '2', '1', '0']);
    clock.advance(60_000);
    const created = await client.post('/signup', { ...as('ada'), json: { email: 'ada@example.com', name: 'Ada' } });
    expect(created.status).to.equal(201);
    expect(created.header('X-RateLimit-Remaining')).to.equal('4');
  });

  it('[R6] a 429 carries X-RateLimit-Limit 5 and X-RateLimit-Remaining 0; exempt routes carry neither', async () => {
    const { client } = await open();
    await burst(client, 5);
    const refused = await client.get('/users/1', as('ada'));
    expect(refused.status).to.equal(429);
    expect(refused.header('X-RateLimit-Limit')).to.equal('5');
    expect(refused.header('X-RateLimit-Remaining')).to.equal('0');
    expect((await client.get('/health', as('ada'))).header('X-RateLimit-Remaining')).to.equal(undefined);
  });
});
