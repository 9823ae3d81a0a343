/** The entry the Requests pane's runner and the tests call (docs/decisions/api-scenarios.md in Rehearse). */
import type { RawRequest, RawResponse } from './http';
import type { MailProvider } from './mail';
import type { Disk } from './storage';
import type { Clock } from './tasks';

export interface ServiceEnv {
  /** Files that outlive the service: a restart gets the same disk. */
  disk: Disk;
  clock: Clock;
  /** The mail provider; absent, the service makes a FakeMailProvider on its clock (the Requests pane does). */
  mail?: MailProvider;
}

export interface Service {
  handle(request: RawRequest): Promise<RawResponse>;
  /** Runs the background tasks due at clock.now(). */
  idle(): Promise<void>;
}
