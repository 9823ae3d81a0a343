/**
 * Saving what the user types without losing any of it: the newest value is written a short while after
 * the last change, at once on `flush` (page hidden, panel closed), and again every few seconds after a
 * failed write until one succeeds. No React, so the rules are unit-tested with fake timers.
 */

export type SaverStatus = { kind: 'unchanged' } | { kind: 'pending' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface SaverOptions {
  debounceMs: number;
  retryMs: number;
}

const DEFAULTS: SaverOptions = { debounceMs: 300, retryMs: 2000 };

export class DebouncedSaver<T> {
  private latest: T | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly options: SaverOptions;

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly onStatus: (status: SaverStatus) => void,
    options: Partial<SaverOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** A new value to keep: written `debounceMs` after the last change. */
  change(value: T): void {
    if (this.disposed) return;
    this.latest = value;
    this.dirty = true;
    this.onStatus({ kind: 'pending' });
    this.schedule(this.options.debounceMs, true);
  }

  /** Writes the newest value now, if it is not written yet. */
  flush(): void {
    this.clearTimer();
    if (!this.dirty || this.latest === null) return;
    const value = this.latest;
    this.dirty = false;
    this.write(value).then(
      () => {
        if (!this.disposed && !this.dirty) this.onStatus({ kind: 'saved' });
      },
      (e: unknown) => {
        // Still unsaved (unless a newer value is already on its way): try again while the saver lives.
        if (this.latest === value) this.dirty = true;
        if (this.disposed) return;
        this.onStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        this.schedule(this.options.retryMs, false);
      },
    );
  }

  /** Last write of anything unsaved; after this no status is reported and changes are ignored. */
  dispose(): void {
    this.flush();
    this.disposed = true;
  }

  private schedule(ms: number, replace: boolean): void {
    if (this.timer !== null && !replace) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
