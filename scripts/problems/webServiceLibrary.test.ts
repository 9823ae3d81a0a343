/**
 * The TypeScript web-service framework problems mount at framework/ (problems/_libraries/web-service/,
 * docs/decisions/api-scenarios.md): the behaviour every API problem's tests and the Requests pane rely on,
 * and that the Python twin mirrors.
 */
import { describe, expect, it } from 'vitest';
import {
  App,
  FakeMailProvider,
  HttpError,
  json,
  MailError,
  MemoryDisk,
  openDatabase,
  TaskQueue,
  UniqueViolation,
  type Service,
} from '../../problems/_libraries/web-service/typescript/index';
import { ManualClock, mentions, TestClient } from '../../problems/_libraries/web-service/typescript/testing';

function serve<D>(app: App<D>): TestClient {
  const service: Service = { handle: (r) => app.handle(r), idle: () => app.idle() };
  return new TestClient(service);
}

describe('App: routing', () => {
  const app = new App({ greeting: 'hello' })
    .get('/users/:id', (req, deps) => ({ id: req.params.id, route: req.route, greeting: deps.greeting, q: req.query }))
    .post('/users', (req) => json({ got: req.json() }, 201, { Location: '/users/1' }))
    .get('/boom', () => {
      throw new Error('kaput');
    })
    .get('/teapot', () => {
      throw new HttpError(418, 'short and stout', { 'X-Why': 'tea' });
    });
  const client = serve(app);

  it('matches :params (decoded) and query parameters, and hands the dependencies to the handler', async () => {
    const res = await client.get('/users/a%20b?x=1&y=two&x=3');
    expect(res.status).toBe(200);
    expect(res.header('content-type')).toBe('application/json');
    expect(res.json()).toEqual({ id: 'a b', route: '/users/:id', greeting: 'hello', q: { x: '3', y: 'two' } });
    expect((await client.get('/users/7/')).json().id).toBe('7');
  });

  it('answers a JSON body with the status and headers the handler chose', async () => {
    const res = await client.post('/users', { json: { name: 'Ada' } });
    expect([res.status, res.header('location'), res.json()]).toEqual([201, '/users/1', { got: { name: 'Ada' } }]);
  });

  it('answers 400 for malformed JSON, 404 for an unrouted path, 405 with Allow for a wrong method', async () => {
    const bad = await client.post('/users', { body: '{"name":' });
    expect(bad.status).toBe(400);
    expect(mentions(bad.json().error, 'json')).toBe(true);
    expect((await client.get('/nowhere')).status).toBe(404);
    expect((await client.get('/users')).status).toBe(405);
    expect((await client.get('/users')).header('Allow')).toBe('POST');
    expect((await client.get('/users/')).status).toBe(405);
  });

  it('answers HttpError with its status and headers, and any other throw with 500 and a JSON error', async () => {
    const tea = await client.get('/teapot');
    expect([tea.status, tea.header('x-why'), tea.json()]).toEqual([418, 'tea', { error: 'short and stout' }]);
    const boom = await client.get('/boom');
    expect([boom.status, boom.json()]).toEqual([500, { error: 'internal server error', detail: 'kaput' }]);
    expect(app.errors.at(-1)).toEqual({ route: '/boom', message: 'kaput' });
  });
});

describe('App: middleware', () => {
  it('runs the first added outermost, sees every answer (errors and 404s included) and may answer alone', async () => {
    const seen: string[] = [];
    const app = new App({})
      .use(async (req, next) => {
        seen.push(`outer ${req.path}`);
        const res = await next();
        res.setHeader('X-Status-Seen', String(res.status));
        return res;
      })
      .use((req, next) => (req.header('x-block') ? json({ error: 'blocked' }, 403) : next()))
      .get('/ok', () => 'fine')
      .get('/boom', () => {
        throw new Error('x');
      });
    const client = serve(app);
    expect((await client.get('/ok')).header('x-status-seen')).toBe('200');
    expect((await client.get('/missing')).header('x-status-seen')).toBe('404');
    expect((await client.get('/boom')).header('x-status-seen')).toBe('500');
    const blocked = await client.get('/ok', { headers: { 'X-Block': '1' } });
    expect([blocked.status, blocked.header('x-status-seen')]).toEqual([403, '403']);
    expect(seen).toEqual(['outer /ok', 'outer /missing', 'outer /boom', 'outer /ok']);
  });

  it('turns a middleware that throws or calls next() twice into a 500', async () => {
    const app = new App({})
      .use(async (_req, next) => {
        await next();
        return next();
      })
      .get('/x', () => 'x');
    expect((await serve(app).get('/x')).status).toBe(500);
  });
});

describe('TaskQueue', () => {
  it('runs nothing until runDue, then what is due, earliest first, including tasks due that tasks schedule', async () => {
    const clock = new ManualClock(100);
    const tasks = new TaskQueue(clock);
    const ran: string[] = [];
    tasks.later('later', 50, () => void ran.push('later'));
    tasks.enqueue('a', () => {
      ran.push('a');
      tasks.enqueue('chained', () => void ran.push('chained'));
    });
    tasks.schedule('early', 90, () => void ran.push('early'));
    tasks.enqueue('fails', () => {
      throw new Error('nope');
    });
    expect(ran).toEqual([]);
    expect(await tasks.runDue()).toBe(4);
    expect(ran).toEqual(['early', 'a', 'chained']);
    expect(tasks.failures).toEqual([{ name: 'fails', at: 100, error: 'nope' }]);
    expect(tasks.waiting()).toEqual([{ name: 'later', at: 150 }]);
    clock.advance(50);
    await tasks.runDue();
    expect(ran.at(-1)).toBe('later');
    expect(tasks.pending).toBe(0);
  });
});

describe('FakeMailProvider', () => {
  it('keeps what it delivers, fails the next n sends when told, and fails everything while down', async () => {
    const clock = new ManualClock(5);
    const mail = new FakeMailProvider(clock);
    const email = { to: 'a@example.com', subject: 's', body: 'b' };
    mail.failNext(1);
    await expect(mail.send(email)).rejects.toBeInstanceOf(MailError);
    await mail.send(email);
    mail.setDown(true);
    await expect(mail.ping()).rejects.toBeInstanceOf(MailError);
    await expect(mail.send(email)).rejects.toBeInstanceOf(MailError);
    expect(mail.outbox).toEqual([{ ...email, sentAt: 5 }]);
    expect(mail.attempts.map((a) => a.ok)).toEqual([false, true, false]);
  });
});

describe('SQLite over a Disk', () => {
  it('saves after every write, so a database opened later on the same disk has the data', async () => {
    const disk = new MemoryDisk();
    const db = await openDatabase(disk, 'app.db');
    db.run('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE)');
    expect(db.run('INSERT INTO t (name) VALUES (?)', ['a'])).toEqual({ changes: 1, lastInsertId: 1 });
    expect(() => db.run('INSERT INTO t (name) VALUES (?)', ['a'])).toThrow(UniqueViolation);
    const again = await openDatabase(disk, 'app.db');
    expect(again.all('SELECT id, name FROM t')).toEqual([{ id: 1, name: 'a' }]);
    expect(again.get('SELECT name FROM t WHERE id = ?', [2])).toBeUndefined();
    expect(disk.names()).toEqual(['app.db']);
  });

  it('saves a transaction when it commits and keeps nothing of one that throws', async () => {
    const disk = new MemoryDisk();
    const db = await openDatabase(disk, 'app.db');
    db.run('CREATE TABLE t (n INTEGER)');
    db.transaction(() => {
      db.run('INSERT INTO t VALUES (1)');
      db.run('INSERT INTO t VALUES (2)');
    });
    expect(() =>
      db.transaction(() => {
        db.run('INSERT INTO t VALUES (3)');
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect((await openDatabase(disk, 'app.db')).all('SELECT n FROM t')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('ping fails when the disk is broken', async () => {
    const disk = new MemoryDisk();
    const db = await openDatabase(disk, 'app.db');
    db.ping();
    disk.setBroken(true);
    expect(() => db.ping()).toThrow(/unavailable/);
  });
});

describe('mentions', () => {
  it('finds whole words in any order and case', () => {
    expect(mentions('Rate LIMIT exceeded', 'limit', 'rate')).toBe(true);
    expect(mentions('unlimited', 'limit')).toBe(false);
    expect(mentions(undefined, 'limit')).toBe(false);
  });
});
