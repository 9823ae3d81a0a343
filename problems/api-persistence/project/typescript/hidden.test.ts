import { expect } from 'chai';
import fc from 'fast-check';
import { ManualClock, mentions, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';

/** One disk and clock; `start()` starts the service over them (again, for a restart). */
function machine(): { clock: ManualClock; disk: MemoryDisk; start: () => Promise<TestClient> } {
  const clock = new ManualClock(1_700_000_000_000);
  const disk = new MemoryDisk();
  return { clock, disk, start: async () => new TestClient(await startService({ disk, clock })) };
}

const signup = (client: TestClient, email: string, name: string) => client.post('/signup', { json: { email, name } });

describe('Requirement 1', () => {
  it('[R1] a user created before a restart is read back after it, every field the same', async () => {
    const { clock, start } = machine();
    const before = await start();
    const created = await signup(before, 'ada@example.com', 'Ada Lovelace');
    expect(created.status).to.equal(201);
    clock.advance(5_000);
    const after = await start();
    const read = await after.get(`/users/${created.json().id}`);
    expect(read.status).to.equal(200);
    expect(read.json()).to.deep.equal({ id: 1, email: 'ada@example.com', name: 'Ada Lovelace', createdAt: 1_700_000_000_000 });
  });

  it('[R1] users survive several restarts, with signups in between', async () => {
    const { clock, start } = machine();
    await signup(await start(), 'ada@example.com', 'Ada');
    clock.advance(1_000);
    await signup(await start(), 'bob@example.com', 'Bob');
    const third = await start();
    expect((await third.get('/users/1')).json().name).to.equal('Ada');
    expect((await third.get('/users/2')).json()).to.deep.equal({ id: 2, email: 'bob@example.com', name: 'Bob', createdAt: 1_700_000_001_000 });
    expect((await third.get('/users/3')).status).to.equal(404);
  });

  it('[R2] a second signup with an email already taken answers 409 with an error about the email, also after a restart', async () => {
    const { start } = machine();
    const first = await start();
    await signup(first, 'ada@example.com', 'Ada');
    const again = await signup(first, 'ada@example.com', 'Someone else');
    expect(again.status).to.equal(409);
    const restarted = await start();
    const res = await signup(restarted, '  ADA@Example.com ', 'Ada again');
    expect(res.status).to.equal(409);
    expect(mentions(res.json().error, 'email'), `error: ${res.json().error}`).to.equal(true);
    expect((await restarted.get('/users')).json().users).to.have.length(1);
    expect((await restarted.get('/users/1')).json().name).to.equal('Ada');
  });

  it('[R3] ids count up from 1 across restarts, and a refused signup uses no id', async () => {
    const { start } = machine();
    const first = await start();
    expect((await signup(first, 'ada@example.com', 'Ada')).json().id).to.equal(1);
    expect((await signup(first, 'ada@example.com', 'Ada')).status).to.equal(409);
    expect((await signup(first, 'not-an-email', 'X')).status).to.equal(400);
    expect((await signup(first, 'bob@example.com', 'Bob')).json().id).to.equal(2);
    const second = await start();
    expect((await signup(second, 'bob@example.com', 'Bob')).status).to.equal(409);
    expect((await signup(second, 'cy@example.com', 'Cy')).json().id).to.equal(3);
    const third = await start();
    expect((await signup(third, 'di@example.com', 'Di')).json().id).to.equal(4);
  });

  it('[R4] GET /users lists every user by id, after a restart too', async () => {
    const { start } = machine();
    const first = await start();
    for (const [email, name] of [
      ['zed@example.com', 'Zed'],
      ['amy@example.com', 'Amy'],
      ['max@example.com', 'Max'],
    ]) {
      await signup(first, email!, name!);
    }
    const read = (await (await start()).get('/users')).json().users;
    expect(read.map((u: { id: number; name: string }) => [u.id, u.name])).to.deep.equal([
      [1, 'Zed'],
      [2, 'Amy'],
      [3, 'Max'],
    ]);
  });

  it('[R5] the data lives on the service\'s disk: another disk starts empty, and the first keeps its own', async () => {
    const a = machine();
    const b = machine();
    await signup(await a.start(), 'ada@example.com', 'Ada');
    const other = await b.start();
    expect((await other.get('/users')).json()).to.deep.equal({ users: [] });
    expect((await signup(other, 'ada@example.com', 'Ada')).status).to.equal(201);
    expect((await (await a.start()).get('/users')).json().users).to.have.length(1);
    expect(a.disk.names().length).to.be.greaterThan(0);
  });

  it('[model] any sequence of signups and restarts reads back as a list of the accepted signups', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('signup' as const), who: fc.integer({ min: 0, max: 4 }), name: fc.constantFrom('Ann', 'Bo', ' Cy ', '') }),
      fc.record({ kind: fc.constant('restart' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const { clock, start } = machine();
        let client = await start();
        const model: { id: number; email: string; name: string; createdAt: number }[] = [];
        for (const o of ops) {
          clock.advance(1_000);
          if (o.kind === 'restart') {
            client = await start();
            continue;
          }
          const email = `user${o.who}@example.com`;
          const res = await signup(client, email.toUpperCase(), o.name);
          const name = o.name.trim();
          const expected = name === '' ? 400 : model.some((u) => u.email === email) ? 409 : 201;
          expect(res.status).to.equal(expected);
          if (expected === 201) model.push({ id: model.length + 1, email, name, createdAt: clock.now() });
        }
        expect((await (await start()).get('/users')).json().users).to.deep.equal(model);
      }),
      { numRuns: 10 },
    );
  });
});

describe('Profile updates', () => {
  it('[R6] PATCH /users/:id with a name answers 200 with the user renamed, and the new name survives a restart', async () => {
    const { start } = machine();
    const first = await start();
    await signup(first, 'ada@example.com', 'Ada');
    await signup(first, 'bob@example.com', 'Bob');
    const res = await first.patch('/users/1', { json: { name: '  Countess Ada ' } });
    expect(res.status).to.equal(200);
    expect(res.json()).to.deep.equal({ id: 1, email: 'ada@example.com', name: 'Countess Ada', createdAt: 1_700_000_000_000 });
    const after = await start();
    expect((await after.get('/users/1')).json().name).to.equal('Countess Ada');
    expect((await after.get('/users/2')).json().name).to.equal('Bob');
  });

  it('[R6] a rename keeps the email taken: the old account still refuses a second signup with it', async () => {
    const { start } = machine();
    const first = await start();
    await signup(first, 'ada@example.com', 'Ada');
    await first.patch('/users/1', { json: { name: 'Ada L.' } });
    expect((await signup(await start(), 'ada@example.com', 'Ada')).status).to.equal(409);
  });

  it('[R7] an unknown user answers 404 before the body is looked at', async () => {
    const { start } = machine();
    const client = await start();
    await signup(client, 'ada@example.com', 'Ada');
    expect((await client.patch('/users/2', { json: { name: 'Bob' } })).status).to.equal(404);
    expect((await client.patch('/users/2', { json: { name: '' } })).status).to.equal(404);
    expect((await client.patch('/users/2', { body: '{oops' })).status).to.equal(404);
  });

  it('[R7] a bad name or malformed JSON answers 400 and changes nothing', async () => {
    const { start } = machine();
    const client = await start();
    await signup(client, 'ada@example.com', 'Ada');
    for (const body of [{ name: '' }, { name: '   ' }, { name: 42 }, {}, { name: 'x'.repeat(101) }]) {
      expect((await client.patch('/users/1', { json: body })).status, JSON.stringify(body)).to.equal(400);
    }
    expect((await client.patch('/users/1', { body: '{"name": ' })).status).to.equal(400);
    expect((await (await start()).get('/users/1')).json().name).to.equal('Ada');
  });
});
