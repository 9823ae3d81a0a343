/** What every handler receives besides the request. */
import type { Clock, MailProvider, TaskQueue } from '../framework';
import type { UserStore } from './users/store';

export interface Deps {
  clock: Clock;
  tasks: TaskQueue;
  mail: MailProvider;
  users: UserStore;
}
