/**
 * The run's events on their way out of the test worker, in as few messages as is safe. Each message costs
 * the worker a structured clone and the frame a task; at four events per test (test start, hook start, hook
 * end, test end) that was ~7 ms of a 39-test Submit's ~30 ms of testing, on a machine whose two cores the
 * page, the frame and the recording share.
 *
 * The watchdog (../watchdog.ts) must know what is running when user code hangs, and a hung worker posts
 * nothing more. So an event is only *held* when the code that runs before the next event is mocha's own:
 * a test's start when a beforeEach hook follows (its start is sent before the hook's code runs), a test's
 * end, a group's plan. Everything that is followed by user code — a hook's start, a hook's end (the test
 * body may come next), a test's start without hooks, console output, loading — is sent at once, together
 * with whatever was held. Held events also go out at the end of the current task (a microtask), before any
 * other task (a stray timer of user code) can run. Every event is still delivered, in order.
 */
import type { WorkerEvent, WorkerMessage } from '../protocol';

export interface EventSink {
  /** Send now, with anything held before it: user code may run next. */
  send(event: WorkerEvent): void;
  /** Send with the next event or at the end of this task: only mocha's code runs before then. */
  hold(event: WorkerEvent): void;
}

export class Outbox implements EventSink {
  private pending: WorkerEvent[] = [];
  private flushQueued = false;

  /**
   * @param post posts one message: a single event, or several in order.
   * @param atTaskEnd runs a function at the end of the current task (queueMicrotask, captured before user code).
   */
  constructor(
    private readonly post: (message: WorkerMessage) => void,
    private readonly atTaskEnd: (fn: () => void) => void,
  ) {}

  send(event: WorkerEvent): void {
    this.pending.push(event);
    this.flush();
  }

  hold(event: WorkerEvent): void {
    this.pending.push(event);
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.atTaskEnd(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    const events = this.pending;
    if (events.length === 0) return;
    this.pending = [];
    this.post(events.length === 1 ? events[0]! : events);
  }
}

/** Sends nothing: for the warm-up's private suite. */
export const DISCARD: EventSink = { send: () => undefined, hold: () => undefined };
