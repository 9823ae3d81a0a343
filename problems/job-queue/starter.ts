/**
 * Background job queue. The statement has the rules; the types are given, replace each body that throws.
 */
export type JobStatus = 'queued' | 'delayed' | 'running' | 'succeeded' | 'failed' | 'retrying';
export type Clock = () => number;

export interface JobContext {
  id: string;
  attempt: number; // 1 for the first attempt
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

export interface RetryPolicy {
  maxAttempts: number; // attempts in total, the first included (default 3)
  baseDelayMs: number; // delay after the first failure (default 1000)
  factor: number; // multiplier per further failure (default 2)
  maxDelayMs: number; // cap on any one delay (default Infinity: no cap)
}

export interface QueueOptions {
  concurrency: number;
  clock?: Clock; // default Date.now
  retry?: Partial<RetryPolicy>;
}

export interface EnqueueOptions {
  priority?: number; // default 0; higher runs first
  runAt?: number; // earliest start, in clock milliseconds (default: now)
  maxAttempts?: number; // overrides the queue's retry.maxAttempts for this job
}

export interface JobInfo {
  id: string;
  status: JobStatus;
  priority: number;
  attempts: number; // attempts started so far
  maxAttempts: number;
  runAt: number; // when the job is, or last was, due
  lastError?: string; // message of the latest failure
  result?: unknown; // what the handler resolved with, once succeeded
}

export interface QueueMetrics {
  queued: number;
  delayed: number;
  running: number;
  retrying: number;
  succeeded: number;
  failed: number;
  attempts: number; // attempts started across all jobs, retries included
}

export class JobQueue {
  constructor(options: QueueOptions) {
    // TODO: validate the options and keep what you need.
  }

  /** Adds a job and returns its id ('job-1', 'job-2', ...). */
  enqueue(handler: JobHandler, options: EnqueueOptions = {}): string {
    throw new Error('Not implemented');
  }

  /** Starts due jobs, best first, while fewer than `concurrency` are running; returns how many started. */
  runDue(): number {
    throw new Error('Not implemented');
  }

  /** A snapshot of one job; throws for an unknown id. */
  get(id: string): JobInfo {
    throw new Error('Not implemented');
  }

  /** How many jobs are in each status now, and how many attempts have started in total. */
  metrics(): QueueMetrics {
    throw new Error('Not implemented');
  }
}
