/** Builds the service: its dependencies, its routes and its middleware. */
import { App, FakeMailProvider, TaskQueue, type ServiceEnv } from '../framework';
import type { Deps } from './deps';
import { rateLimit } from './rateLimit';
import { registerRoutes } from './routes';
import { UserStore } from './users/store';

export async function createApp(env: ServiceEnv): Promise<App<Deps>> {
  const tasks = new TaskQueue(env.clock);
  const deps: Deps = {
    clock: env.clock,
    tasks,
    mail: env.mail ?? new FakeMailProvider(env.clock),
    users: new UserStore(),
  };
  const app = new App(deps, { tasks });
  app.use(rateLimit(env.clock));
  registerRoutes(app);
  return app;
}
