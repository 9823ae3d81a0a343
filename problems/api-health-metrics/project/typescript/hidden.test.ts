import { expect } from 'chai';
import fc from 'fast-check';
import { FakeMailProvider, ManualClock, mentions, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';
import type { MailProvider } from './framework';

async function open(mail?: MailProvider): Promise<{ disk: MemoryDisk; mail: FakeMailProvider; client: TestClient }> {
  const clock = new ManualClock(0);
  const disk = new MemoryDisk();
  const fake = new FakeMailProvider(clock);
  return { disk, mail: fake, client: new TestClient(await startService({ disk, clock, mail: mail ?? fake })) };
}

const signup = (client: TestClient, email: string) => client.post('/signup', { json: { email, name: 'Someone' } });

describe('Requirement 1', () => {
  it('[R1] with every dependency up, /health answers 200 with each check ok', async () => {
    const { client } = await open();
    const res = await client.get('/health');
    expect(res.status).to.equal(200);
    expect(res.json()).to.deep.equal({ status: 'ok', checks: { mail: { status: 'ok' }, disk: { status: 'ok' } } });
  });

  it('[R2] a mail provider that is down answers 503: mail failing with its error, the disk still checked', async () => {
    const { mail, client } = await open();
    mail.setDown(true);
    const res = await client.get('/health');
    expect(res.status).to.equal(503);
    const body = res.json();
    expect(body.status).to.equal('failing');
    expect(body.checks.mail.status).to.equal('failing');
    expect(mentions(body.checks.mail.error, 'unreachable'), `error: ${body.checks.mail.error}`).to.equal(true);
    expect(body.checks.disk).to.deep.equal({ status: 'ok' });
  });

  it('[R2] a broken disk answers 503: disk failing with its error, mail still checked', async () => {
    const { disk, client } = await open();
    disk.setBroken(true);
    const res = await client.get('/health');
    expect(res.status).to.equal(503);
    const body = res.json();
    expect(body.status).to.equal('failing');
    expect(body.checks.mail).to.deep.equal({ status: 'ok' });
    expect(body.checks.disk.status).to.equal('failing');
    expect(mentions(body.checks.disk.error, 'disk'), `error: ${body.checks.disk.error}`).to.equal(true);
  });

  it('[R2] both failing are both reported; each request checks afresh, so it answers 200 again once they recover', async () => {
    const { disk, mail, client } = await open();
    disk.setBroken(true);
    mail.setDown(true);
    const both = await client.get('/health');
    expect(both.status).to.equal(503);
    expect([both.json().checks.mail.status, both.json().checks.disk.status]).to.deep.equal(['failing', 'failing']);
    mail.setDown(false);
    const one = await client.get('/health');
    expect(one.status).to.equal(503);
    expect([one.json().checks.mail.status, one.json().checks.disk.status]).to.deep.equal(['ok', 'failing']);
    disk.setBroken(false);
    expect((await client.get('/health')).status).to.equal(200);
  });

  it('[R3] a check that throws something other than the framework\'s errors is reported as failing, never a 500', async () => {
    const flaky: MailProvider = {
      send: async () => undefined,
      ping: async () => {
        throw new TypeError('socket hang up');
      },
    };
    const res = await (await open(flaky)).client.get('/health');
    expect(res.status).to.equal(503);
    expect(res.json().checks.mail).to.deep.equal({ status: 'failing', error: 'socket hang up' });
    const odd: MailProvider = {
      send: async () => undefined,
      ping: () => Promise.reject('timed out'),
    };
    const text = await (await open(odd)).client.get('/health');
    expect(text.status).to.equal(503);
    expect(text.json().checks.mail).to.deep.equal({ status: 'failing', error: 'timed out' });
  });
});

/** The metrics as [method, route, status, count] rows. */
async function rows(client: TestClient): Promise<[string, string, number, number][]> {
  const res = await client.get('/metrics');
  expect(res.status).to.equal(200);
  return res.json().requests.map((r: { method: string; route: string; status: number; count: number }) => [r.method, r.route, r.status, r.count]);
}

describe('Metrics', () => {
  it('[R4] /metrics counts answered requests by method, route pattern and status, sorted by route, method, status', async () => {
    const { client } = await open();
    await signup(client, 'ada@example.com');
    await signup(client, 'ada@example.com');
    await client.get('/users/1');
    await client.get('/users/2');
    await client.get('/users/1');
    await client.get('/users');
    expect(await rows(client)).to.deep.equal([
      ['POST', '/signup', 201, 1],
      ['POST', '/signup', 409, 1],
      ['GET', '/users', 200, 1],
      ['GET', '/users/:id', 200, 2],
      ['GET', '/users/:id', 404, 1],
    ]);
  });

  it('[R4] a path no route matches is counted under "unmatched"; a wrong method under the route it matched', async () => {
    const { client } = await open();
    await client.get('/nope');
    await client.post('/nope/deeper');
    await client.delete('/users');
    expect(await rows(client)).to.deep.equal([
      ['DELETE', '/users', 405, 1],
      ['GET', 'unmatched', 404, 1],
      ['POST', 'unmatched', 404, 1],
    ]);
  });

  it('[R5] every request counts once answered: a 500, a 400, /health and earlier /metrics requests, but not the one being answered', async () => {
    const { mail, client } = await open();
    mail.setDown(true);
    expect((await signup(client, 'ada@example.com')).status).to.equal(500); // the signup sends its email itself
    expect((await client.post('/signup', { body: '{' })).status).to.equal(400);
    await client.get('/health');
    expect(await rows(client)).to.deep.equal([
      ['GET', '/health', 503, 1],
      ['POST', '/signup', 400, 1],
      ['POST', '/signup', 500, 1],
    ]);
    expect(await rows(client)).to.deep.equal([
      ['GET', '/health', 503, 1],
      ['GET', '/metrics', 200, 1],
      ['POST', '/signup', 400, 1],
      ['POST', '/signup', 500, 1],
    ]);
  });

  it('[model] any sequence of requests is counted exactly, by method, route and status', async () => {
    const requests: [string, string, string][] = [
      ['GET', '/users', '/users'],
      ['GET', '/users/1', '/users/:id'],
      ['GET', '/users/7', '/users/:id'],
      ['POST', '/signup', '/signup'],
      ['PUT', '/signup', '/signup'],
      ['GET', '/health', '/health'],
      ['GET', '/missing', 'unmatched'],
      ['PATCH', '/users/1/x', 'unmatched'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: requests.length - 1 }), fc.integer({ min: 0, max: 2 })), { maxLength: 25 }), async (picks) => {
        const { client } = await open();
        const model = new Map<string, number>();
        for (const [i, who] of picks) {
          const [method, path, route] = requests[i]!;
          const res = await client.request(method, path, method === 'POST' ? { json: { email: `u${who}@example.com`, name: 'U' } } : {});
          const key = JSON.stringify([method, route, res.status]);
          model.set(key, (model.get(key) ?? 0) + 1);
        }
        const expected = [...model]
          .map(([key, count]) => [...(JSON.parse(key) as [string, string, number]), count] as [string, string, number, number])
          .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
        expect(await rows(client)).to.deep.equal(expected);
      }),
      { numRuns: 40 },
    );
  });
});
