/**
 * Keeps one timer armed for a Watchdog's next deadline and reports the first expiry. Whoever hears a run's
 * events watches it: the page for a TypeScript run (the worker's events come to it straight), the frame
 * for a Python run. Neither thread runs user code, so their timers keep firing while a worker spins.
 *
 * A timer that fires earlier than needed is kept: the check finds nothing expired and re-arms. So the events
 * of every test do not each clear and set a timer; it is re-armed only when a deadline moves earlier.
 */
import type { WorkerEvent } from './protocol';
import { Watchdog, type WatchdogExpiry } from './watchdog';

/** Late by this much at most, so a deadline's timer is not re-armed for every sub-millisecond move. */
const SLACK_MS = 5;

export class WatchdogTimer {
  private readonly watchdog: Watchdog;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    testTimeoutMs: number,
    private readonly onExpire: (expiry: WatchdogExpiry) => void,
  ) {
    this.watchdog = new Watchdog(testTimeoutMs, performance.now());
    this.schedule();
  }

  /** Events of one message, in order, as they arrive. */
  observe(events: readonly WorkerEvent[]): void {
    const now = performance.now();
    for (const event of events) this.watchdog.observe(event, now);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    const at = this.watchdog.nextCheckAt();
    if (!Number.isFinite(at)) return;
    if (this.timer !== null && this.timerAt <= at + SLACK_MS) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = at + SLACK_MS;
    this.timer = setTimeout(() => this.check(), Math.max(0, this.timerAt - performance.now()));
  }

  private check(): void {
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    if (this.stopped) return;
    const expiry = this.watchdog.check(performance.now());
    if (!expiry) {
      this.schedule();
      return;
    }
    this.stop();
    this.onExpire(expiry);
  }
}
