/**
 * Windowed stream aggregation on event time. The statement has the rules; replace each body.
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

export class StreamPipeline {
  constructor(options: PipelineOptions) {
    // TODO: validate the options and keep what you need.
  }

  /** Event time's watermark: the newest event time minus allowedLatenessMs; -Infinity before any. */
  get watermark(): number {
    throw new Error('Not implemented');
  }

  /** Results waiting to be polled. */
  get backlog(): number {
    throw new Error('Not implemented');
  }

  /** Accepts the event into its window, or says why not: 'duplicate', 'late' or 'full'. */
  push(event: StreamEvent): PushOutcome {
    throw new Error('Not implemented');
  }

  /** Heartbeat: the source's event time has reached `time`. */
  advanceTo(time: number): void {
    throw new Error('Not implemented');
  }

  /** Removes and returns up to `max` results, oldest first. */
  poll(max: number): WindowResult[] {
    throw new Error('Not implemented');
  }

  /** Counters since construction, open windows and remembered ids. */
  stats(): PipelineStats {
    throw new Error('Not implemented');
  }
}
