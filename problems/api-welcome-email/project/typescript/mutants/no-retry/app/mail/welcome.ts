// Mutant: a failed send is never retried
/**
 * The welcome email, sent in the background (problem.md R1–R6): the signup only queues it; the queue
 * sends it when the service is next idle, and retries a failed send 30 s and then 60 s later.
 */
import type { Deps } from '../deps';
import { welcomeEmail } from '../users/signup';
import type { User } from '../users/store';

/** The waits before the second and the third attempt. */
export const RETRY_DELAYS_MS: number[] = [];

export function queueWelcomeEmail({ tasks, mail, users }: Deps, user: User): void {
  const attempt = async (failures: number): Promise<void> => {
    try {
      await mail.send(welcomeEmail(user));
    } catch {
      const delay = RETRY_DELAYS_MS[failures];
      if (delay === undefined) users.setWelcomeEmail(user.id, 'failed');
      else tasks.later(`welcome email to user ${user.id}, attempt ${failures + 2}`, delay, () => attempt(failures + 1));
      return;
    }
    users.setWelcomeEmail(user.id, 'sent');
  };
  tasks.enqueue(`welcome email to user ${user.id}`, () => attempt(0));
}
