// Mutant: the watermark is the newest event time itself; allowedLatenessMs is ignored
/**
 * Windowed stream aggregation on event time. Open windows are kept per window start (then per key), so
 * closing is a scan over the few starts that are still open — at most allowedLatenessMs / windowMs + 2 of
 * them. Remembered ids live in a map id → event time that is pruned whenever the newest event time
 * moves; a min-heap or per-window buckets would make pruning cheaper at scale (see the follow-ups).
 */
export interface StreamEvent {
  id: string;
  key: string;
  time: number;
  value: number;
}

export interface WindowResult {
  key: string;
  start: number;
  end: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export type PushOutcome = 'accepted' | 'duplicate' | 'late' | 'full';

export interface PipelineOptions {
  windowMs: number;
  allowedLatenessMs: number;
  dedupHorizonMs: number;
  capacity: number;
}

export interface PipelineStats {
  accepted: number;
  duplicates: number;
  late: number;
  refused: number;
  openWindows: number;
  trackedIds: number;
}

type Counter = 'accepted' | 'duplicates' | 'late' | 'refused';

function requireInteger(value: unknown, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new RangeError(`${name} must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value as number;
}

/** Checks every field before the pipeline looks at the event, so a bad event never changes anything. */
function checkEvent(event: unknown): StreamEvent {
  if (typeof event !== 'object' || event === null) throw new TypeError(`event must be an object, got ${String(event)}`);
  const fields = event as Record<string, unknown>;
  const [id, key, time, value] = [fields.id, fields.key, fields.time, fields.value];
  if (typeof id !== 'string' || id === '') throw new TypeError(`event id must be a non-empty string, got ${String(id)}`);
  if (typeof key !== 'string' || key === '') throw new TypeError(`key of event ${id} must be a non-empty string, got ${String(key)}`);
  if (!Number.isSafeInteger(time) || (time as number) < 0) {
    throw new RangeError(`time of event ${id} must be a non-negative integer, got ${String(time)}`);
  }
  if (!Number.isFinite(value)) throw new RangeError(`value of event ${id} must be a finite number, got ${String(value)}`);
  return { id, key, time: time as number, value: value as number };
}

export class StreamPipeline {
  private readonly windowMs: number;
  private readonly allowedLatenessMs: number;
  private readonly dedupHorizonMs: number;
  private readonly capacity: number;
  private newest = -Infinity;
  /** window start → key → running result of that open window. */
  private readonly open = new Map<number, Map<string, WindowResult>>();
  /** id → time of the accepted event, for exactly the ids still remembered. */
  private readonly seen = new Map<string, number>();
  private readonly output: WindowResult[] = [];
  private readonly counts: Record<Counter, number> = { accepted: 0, duplicates: 0, late: 0, refused: 0 };

  constructor(options: PipelineOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    this.windowMs = requireInteger(options.windowMs, 'windowMs', 1);
    this.allowedLatenessMs = requireInteger(options.allowedLatenessMs, 'allowedLatenessMs', 0);
    this.dedupHorizonMs = requireInteger(options.dedupHorizonMs, 'dedupHorizonMs', 1);
    this.capacity = requireInteger(options.capacity, 'capacity', 1);
  }

  get watermark(): number {
    return this.newest;
  }

  get backlog(): number {
    return this.output.length;
  }

  push(event: StreamEvent): PushOutcome {
    const { id, key, time, value } = checkEvent(event);
    if (this.output.length >= this.capacity) return this.drop('refused', 'full');
    const start = time - (time % this.windowMs);
    if (start + this.windowMs <= this.watermark) return this.drop('late', 'late');
    if (this.seen.has(id)) return this.drop('duplicates', 'duplicate');

    const byKey = this.open.get(start) ?? new Map<string, WindowResult>();
    this.open.set(start, byKey);
    const window = byKey.get(key);
    if (window) {
      window.count++;
      window.sum += value;
      window.min = Math.min(window.min, value);
      window.max = Math.max(window.max, value);
    } else {
      byKey.set(key, { key, start, end: start + this.windowMs, count: 1, sum: value, min: value, max: value });
    }
    this.counts.accepted++;
    this.moveTo(time);
    if (this.newest - time < this.dedupHorizonMs) this.seen.set(id, time);
    return 'accepted';
  }

  advanceTo(time: number): void {
    this.moveTo(requireInteger(time, 'time', 0));
  }

  poll(max: number): WindowResult[] {
    return this.output.splice(0, requireInteger(max, 'max', 1));
  }

  stats(): PipelineStats {
    let openWindows = 0;
    for (const byKey of this.open.values()) openWindows += byKey.size;
    return { ...this.counts, openWindows, trackedIds: this.seen.size };
  }

  private drop(counter: Counter, outcome: PushOutcome): PushOutcome {
    this.counts[counter]++;
    return outcome;
  }

  /** Moves the newest event time forward (never back), closes what the watermark passed and forgets old ids. */
  private moveTo(time: number): void {
    this.newest = Math.max(this.newest, time);
    const watermark = this.watermark;
    const closing = [...this.open.keys()].filter((start) => start + this.windowMs <= watermark).sort((a, b) => a - b);
    for (const start of closing) {
      const byKey = this.open.get(start)!;
      for (const key of [...byKey.keys()].sort()) this.output.push(byKey.get(key)!);
      this.open.delete(start);
    }
    for (const [id, at] of this.seen) {
      if (this.newest - at >= this.dedupHorizonMs) this.seen.delete(id);
    }
  }
}
