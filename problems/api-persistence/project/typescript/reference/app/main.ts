/** Builds the service: its dependencies, its routes and its middleware. */
import { App, FakeMailProvider, openDatabase, TaskQueue, type ServiceEnv } from '../framework';
import type { Deps } from './deps';
import { registerRoutes } from './routes';
import { UserStore } from './users/store';

/** The database file on the service's disk. */
export const DATABASE_FILE = 'accounts.db';

export async function createApp(env: ServiceEnv): Promise<App<Deps>> {
  const tasks = new TaskQueue(env.clock);
  const db = await openDatabase(env.disk, DATABASE_FILE);
  const deps: Deps = {
    clock: env.clock,
    tasks,
    mail: env.mail ?? new FakeMailProvider(env.clock),
    users: new UserStore(db),
  };
  const app = new App(deps, { tasks });
  registerRoutes(app);
  return app;
}
