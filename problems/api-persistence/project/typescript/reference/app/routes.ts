/** The service's routes. */
import { FakeMailProvider, HttpError, json, type App } from '../framework';
import type { Deps } from './deps';
import { parseSignup, welcomeEmail } from './users/signup';
import { DuplicateEmail } from './users/store';

export function registerRoutes(app: App<Deps>): void {
  app.post('/signup', async (req, { users, mail, clock }) => {
    const form = parseSignup(req.json());
    let user;
    try {
      user = users.add({ ...form, createdAt: clock.now() });
    } catch (e) {
      if (e instanceof DuplicateEmail) throw new HttpError(409, e.message);
      throw e;
    }
    await mail.send(welcomeEmail(user));
    return json(user, 201);
  });

  app.get('/users', (_req, { users }) => ({ users: users.list() }));

  app.get('/users/:id', (req, { users }) => {
    const user = users.find(Number(req.params.id));
    if (!user) throw new HttpError(404, `no user with id ${req.params.id}`);
    return user;
  });

  app.patch('/users/:id', (req, { users }) => {
    const id = Number(req.params.id);
    if (!users.find(id)) throw new HttpError(404, `no user with id ${req.params.id}`);
    const body = req.json();
    const name = typeof body === 'object' && body !== null && 'name' in body && typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > 100) throw new HttpError(400, 'name must be 1 to 100 characters');
    return users.rename(id, name);
  });

  app.get('/health', () => ({ status: 'ok' }));

  // What the fake mail provider has delivered, for trying the service by hand.
  app.get('/dev/outbox', (_req, { mail }) => ({ emails: mail instanceof FakeMailProvider ? mail.outbox : [] }));
}
