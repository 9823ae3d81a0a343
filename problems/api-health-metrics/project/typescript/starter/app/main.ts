/** Builds the service: its dependencies, its routes and its middleware. */
import { App, FakeMailProvider, TaskQueue, type ServiceEnv } from '../framework';
import type { Deps } from './deps';
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
  registerRoutes(app);
  return app;
}
