import { expect } from 'chai';
import fc from 'fast-check';
import { FakeMailProvider, ManualClock, mentions, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';
import type { Service } from './framework';

const T0 = 1_000_000;

async function open(): Promise<{ clock: ManualClock; mail: FakeMailProvider; service: Service; client: TestClient }> {
  const clock = new ManualClock(T0);
  const mail = new FakeMailProvider(clock);
  const service = await startService({ disk: new MemoryDisk(), clock, mail });
  return { clock, mail, service, client: new TestClient(service) };
}

const signup = (client: TestClient, email: string, name: string) => client.post('/signup', { json: { email, name } });

/** Moves the clock by `ms` and lets the service run its background tasks. */
async function wait(clock: ManualClock, service: Service, ms: number): Promise<void> {
  clock.advance(ms);
  await service.idle();
}

describe('Requirement 1', () => {
  it('[R1] the signup answers 201 before the email is sent: nothing reaches the provider until the service is idle', async () => {
    const { mail, service, client } = await open();
    const res = await signup(client, 'ada@example.com', 'Ada');
    expect(res.status).to.equal(201);
    expect(res.json()).to.include({ id: 1, email: 'ada@example.com', name: 'Ada', createdAt: T0 });
    expect(mail.attempts).to.have.length(0);
    await service.idle();
    expect(mail.outbox.map((e) => [e.to, e.sentAt])).to.deep.equal([['ada@example.com', T0]]);
  });

  it('[R1] several signups answer first; their emails go out at the next idle, in signup order', async () => {
    const { mail, service, client } = await open();
    for (const name of ['Cy', 'Ada', 'Bo']) expect((await signup(client, `${name.toLowerCase()}@example.com`, name)).status).to.equal(201);
    expect(mail.attempts).to.have.length(0);
    await service.idle();
    expect(mail.outbox.map((e) => e.to)).to.deep.equal(['cy@example.com', 'ada@example.com', 'bo@example.com']);
  });

  it('[R2] the welcome email goes to the new user, says welcome and names them', async () => {
    const { mail, service, client } = await open();
    await signup(client, '  Grace@Example.com ', ' Grace Hopper ');
    await service.idle();
    expect(mail.outbox).to.have.length(1);
    const [email] = mail.outbox;
    expect(email!.to).to.equal('grace@example.com');
    expect(mentions(email!.subject, 'welcome'), `subject: ${email!.subject}`).to.equal(true);
    expect(email!.body).to.contain('Grace Hopper');
  });

  it('[R2] exactly one email per accepted signup; refused signups (400, 409) send none', async () => {
    const { clock, mail, service, client } = await open();
    await signup(client, 'ada@example.com', 'Ada');
    expect((await signup(client, 'ada@example.com', 'Ada again')).status).to.equal(409);
    expect((await signup(client, 'nope', 'Nope')).status).to.equal(400);
    expect((await client.post('/signup', { body: '{"email":' })).status).to.equal(400);
    await wait(clock, service, 0);
    await wait(clock, service, 600_000);
    expect(mail.outbox.map((e) => e.to)).to.deep.equal(['ada@example.com']);
    expect(mail.attempts).to.have.length(1);
  });

  it('[R3] the signup succeeds while the mail provider is down, and the user exists', async () => {
    const { mail, service, client } = await open();
    mail.setDown(true);
    const res = await signup(client, 'ada@example.com', 'Ada');
    expect(res.status).to.equal(201);
    await service.idle();
    expect((await client.get(`/users/${res.json().id}`)).status).to.equal(200);
    expect(mail.outbox).to.have.length(0);
  });
});

describe('Retries', () => {
  it('[R4] a failed send is tried again 30 s after it failed, then 60 s after that, and not before', async () => {
    const { clock, mail, service, client } = await open();
    mail.setDown(true);
    await signup(client, 'ada@example.com', 'Ada');
    await wait(clock, service, 0);
    expect(mail.attempts.map((a) => a.at)).to.deep.equal([T0]);
    await wait(clock, service, 29_999);
    expect(mail.attempts).to.have.length(1);
    await wait(clock, service, 1);
    expect(mail.attempts.map((a) => a.at)).to.deep.equal([T0, T0 + 30_000]);
    await wait(clock, service, 59_999);
    expect(mail.attempts).to.have.length(2);
    mail.setDown(false);
    await wait(clock, service, 1);
    expect(mail.attempts.map((a) => a.at)).to.deep.equal([T0, T0 + 30_000, T0 + 90_000]);
    expect(mail.outbox.map((e) => [e.to, e.sentAt])).to.deep.equal([['ada@example.com', T0 + 90_000]]);
  });

  it('[R4] the waits count from the failed attempt, not from the signup', async () => {
    const { clock, mail, service, client } = await open();
    mail.failNext(2);
    await signup(client, 'ada@example.com', 'Ada');
    await wait(clock, service, 10_000); // the first attempt runs late, at T0 + 10 s
    await wait(clock, service, 29_000);
    expect(mail.attempts).to.have.length(1);
    await wait(clock, service, 1_000);
    await wait(clock, service, 65_000); // the third is due 60 s after the second, at T0 + 100 s; this idle is at T0 + 105 s
    expect(mail.attempts.map((a) => a.at)).to.deep.equal([T0 + 10_000, T0 + 40_000, T0 + 105_000]);
    expect(mail.outbox).to.have.length(1);
  });

  it('[R4] after three failed attempts it gives up', async () => {
    const { clock, mail, service, client } = await open();
    mail.setDown(true);
    await signup(client, 'ada@example.com', 'Ada');
    for (let i = 0; i < 40; i++) await wait(clock, service, 30_000);
    expect(mail.attempts).to.have.length(3);
    mail.setDown(false);
    await wait(clock, service, 3_600_000);
    expect(mail.outbox).to.have.length(0);
  });

  it('[R5] the user shows welcomeEmail: "pending" until sent, then "sent"', async () => {
    const { clock, mail, service, client } = await open();
    mail.failNext(1);
    const res = await signup(client, 'ada@example.com', 'Ada');
    expect(res.json().welcomeEmail).to.equal('pending');
    await service.idle();
    expect((await client.get('/users/1')).json().welcomeEmail).to.equal('pending');
    await wait(clock, service, 30_000);
    expect((await client.get('/users/1')).json().welcomeEmail).to.equal('sent');
    expect((await client.get('/users')).json().users[0].welcomeEmail).to.equal('sent');
  });

  it('[R5] welcomeEmail is "failed" once the third attempt has failed, and only then', async () => {
    const { clock, mail, service, client } = await open();
    mail.setDown(true);
    await signup(client, 'ada@example.com', 'Ada');
    await signup(client, 'bo@example.com', 'Bo');
    await wait(clock, service, 0);
    await wait(clock, service, 30_000);
    expect((await client.get('/users/1')).json().welcomeEmail).to.equal('pending');
    await wait(clock, service, 60_000);
    expect((await client.get('/users')).json().users.map((u: { welcomeEmail: string }) => u.welcomeEmail)).to.deep.equal(['failed', 'failed']);
  });

  it('[model] any sequence of signups, outages and waits: every email is tried at the right times and ends sent or failed', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('signup' as const), who: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.oneof(fc.constantFrom(0, 30_000, 60_000), fc.integer({ min: 0, max: 90_000 })) }),
      fc.record({ kind: fc.constant('down' as const), down: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        const { clock, mail, service, client } = await open();
        // The model: each email's next attempt (due time, order queued) and the attempts' outcomes.
        const status = new Map<string, string>();
        let queue: { to: string; due: number; seq: number; failures: number }[] = [];
        const attempts: [string, number][] = [];
        let seq = 0;
        let down = false;
        const idle = () => {
          const now = clock.now();
          const due = queue.filter((q) => q.due <= now).sort((a, b) => a.due - b.due || a.seq - b.seq);
          queue = queue.filter((q) => q.due > now);
          for (const q of due) {
            attempts.push([q.to, now]);
            if (!down) status.set(q.to, 'sent');
            else if (q.failures === 2) status.set(q.to, 'failed');
            else queue.push({ to: q.to, due: now + (q.failures === 0 ? 30_000 : 60_000), seq: seq++, failures: q.failures + 1 });
          }
        };
        for (const o of ops) {
          if (o.kind === 'signup') {
            const email = `user${o.who}@example.com`;
            const res = await signup(client, email, `User ${o.who}`);
            expect(res.status).to.equal(status.has(email) ? 409 : 201);
            if (!status.has(email)) {
              status.set(email, 'pending');
              queue.push({ to: email, due: clock.now(), seq: seq++, failures: 0 });
            }
          } else if (o.kind === 'down') {
            down = o.down;
            mail.setDown(o.down);
          } else {
            clock.advance(o.ms);
            await service.idle();
            idle();
          }
        }
        expect(mail.attempts.map((a) => [a.to, a.at])).to.deep.equal(attempts);
        const users = (await client.get('/users')).json().users as { email: string; welcomeEmail: string }[];
        expect(users.map((u) => [u.email, u.welcomeEmail])).to.deep.equal([...status]);
      }),
      { numRuns: 40 },
    );
  });
});
