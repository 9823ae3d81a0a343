/** What every handler receives besides the request. */
import type { Clock, Disk, MailProvider, TaskQueue } from '../framework';
import type { Metrics } from './metrics';
import type { UserStore } from './users/store';

export interface Deps {
  clock: Clock;
  tasks: TaskQueue;
  mail: MailProvider;
  users: UserStore;
  disk: Disk;
  metrics: Metrics;
}
