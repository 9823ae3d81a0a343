/**
 * The service's entry (read-only): the Requests pane and the tests start the service here, and start it
 * again over the same disk to restart it.
 */
import { createApp } from './app/main';
import type { Service, ServiceEnv } from './framework';

export async function startService(env: ServiceEnv): Promise<Service> {
  const app = await createApp(env);
  return {
    handle: (request) => app.handle(request),
    idle: () => app.idle(),
  };
}
