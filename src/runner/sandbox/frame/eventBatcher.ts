/**
 * Batches a Python run's events on their way from the sandbox frame to the page (a TypeScript run's events
 * go to the page straight from its worker, batched there by worker/outbox.ts). Each frame → page message
 * crosses processes (Chromium gives a sandboxed frame its own) and costs the page's main thread a task:
 * with ~4 events per test that was ~25 ms of the page's time per 35-test Submit, spent while it should be
 * idle, and on a two-core machine taken from the test worker too.
 *
 * Events are held for at most FLUSH_DELAY_MS (console output still appears live), and the end of a run
 * (isRunOver: the own group's `done`, or `crashed`) flushes at once, so batching adds no latency to the result. Before the frame reports
 * a watchdog expiry or a worker error it flushes too, so the page knows which test was running.
 * Pure apart from the injected timer, so it is unit-tested.
 */

import { isRunOver, type WorkerEvent } from '../protocol';

export const FLUSH_DELAY_MS = 16;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export class EventBatcher {
  private pending: WorkerEvent[] = [];
  private timer: unknown = null;

  constructor(
    private readonly send: (events: WorkerEvent[]) => void,
    private readonly timers: Timers = {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
  ) {}

  push(event: WorkerEvent): void {
    this.pending.push(event);
    if (isRunOver(event)) this.flush();
    else this.timer ??= this.timers.set(() => this.flush(), FLUSH_DELAY_MS);
  }

  flush(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.send(events);
  }

  /** Drops anything pending (the run is over and its result already decided). */
  discard(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
