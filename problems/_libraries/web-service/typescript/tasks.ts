/**
 * Background work on a clock. A task is scheduled to run at a time; nothing runs by itself: the service's
 * `idle()` runs every task that is due at `clock.now()` (the runner calls it after each response, the tests
 * when they choose, after moving a ManualClock). So a handler that schedules a task has answered before
 * the task runs.
 */

/** Milliseconds; a real clock in the Requests pane, a ManualClock in the tests. */
export interface Clock {
  now(): number;
}

export type Task = () => void | Promise<void>;

interface Scheduled {
  at: number;
  seq: number;
  name: string;
  run: Task;
}

export interface TaskFailure {
  name: string;
  at: number;
  error: string;
}

export class TaskQueue {
  private queue: Scheduled[] = [];
  private seq = 0;
  /** Tasks that threw, oldest first (a task that wants a retry schedules it itself). */
  readonly failures: TaskFailure[] = [];

  constructor(readonly clock: Clock) {}

  /** Runs `task` as soon as the queue next runs (at the current time). */
  enqueue(name: string, task: Task): void {
    this.schedule(name, this.clock.now(), task);
  }

  /** Runs `task` once the clock reaches `at` (milliseconds). */
  schedule(name: string, at: number, task: Task): void {
    this.queue.push({ at, seq: this.seq++, name, run: task });
  }

  /** Runs `task` `delayMs` after now. */
  later(name: string, delayMs: number, task: Task): void {
    this.schedule(name, this.clock.now() + delayMs, task);
  }

  /** How many tasks wait, due or not. */
  get pending(): number {
    return this.queue.length;
  }

  /** Names of the waiting tasks with their times, earliest first. */
  waiting(): { name: string; at: number }[] {
    return this.ordered().map(({ name, at }) => ({ name, at }));
  }

  /**
   * Runs every task due at the clock's time, earliest first (ties in the order scheduled), including tasks
   * that the running ones schedule when they are due too. A task that throws is recorded in `failures`.
   */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.clock.now();
      const next = this.ordered().find((t) => t.at <= now);
      if (!next) return ran;
      this.queue.splice(this.queue.indexOf(next), 1);
      ran++;
      try {
        await next.run();
      } catch (e) {
        this.failures.push({ name: next.name, at: now, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  private ordered(): Scheduled[] {
    return [...this.queue].sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
}
