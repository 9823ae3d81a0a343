// Mutant: runDue() returns how many jobs were due rather than how many it started
/**
 * In-memory background job queue with priorities, delayed jobs, retries with exponential backoff and a
 * concurrency limit.
 *
 * The queue is passive: it starts work only inside runDue(). In production a loop or timer calls runDue();
 * tests call it directly after moving their fake clock. That keeps scheduling deterministic and testable.
 */
export type JobStatus = 'queued' | 'delayed' | 'running' | 'succeeded' | 'failed' | 'retrying';
export type Clock = () => number;

export interface JobContext {
  id: string;
  attempt: number;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export interface QueueOptions {
  concurrency: number;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
}

export interface EnqueueOptions {
  priority?: number;
  runAt?: number;
  maxAttempts?: number;
}

export interface JobInfo {
  id: string;
  status: JobStatus;
  priority: number;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  lastError?: string;
  result?: unknown;
}

export interface QueueMetrics {
  queued: number;
  delayed: number;
  running: number;
  retrying: number;
  succeeded: number;
  failed: number;
  attempts: number;
}

interface Job extends JobInfo {
  handler: JobHandler;
  /** Enqueue order, the tie-breaker between equal priorities. */
  seq: number;
}

/** Statuses of jobs waiting for their turn. */
const WAITING: ReadonlySet<JobStatus> = new Set(['queued', 'delayed', 'retrying']);

function checkAttempts(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${String(value)}`);
  }
  return value;
}

export class JobQueue {
  private readonly concurrency: number;
  private readonly clock: Clock;
  private readonly policy: RetryPolicy;
  private readonly jobs = new Map<string, Job>();
  private running = 0;
  private totalAttempts = 0;
  private nextSeq = 1;

  constructor(options: QueueOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    const { concurrency, clock = () => Date.now(), retry = {} } = options;
    if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${String(concurrency)}`);
    }
    if (typeof clock !== 'function') throw new TypeError('clock must be a function returning milliseconds');
    const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, factor: 2, maxDelayMs: Infinity, ...retry };
    checkAttempts(policy.maxAttempts);
    if (typeof policy.baseDelayMs !== 'number' || !Number.isFinite(policy.baseDelayMs) || policy.baseDelayMs < 0) {
      throw new RangeError(`baseDelayMs must be a finite number >= 0, got ${String(policy.baseDelayMs)}`);
    }
    if (typeof policy.factor !== 'number' || !Number.isFinite(policy.factor) || policy.factor < 1) {
      throw new RangeError(`factor must be a finite number >= 1, got ${String(policy.factor)}`);
    }
    // Infinity is allowed here: it means "no cap".
    if (typeof policy.maxDelayMs !== 'number' || Number.isNaN(policy.maxDelayMs) || policy.maxDelayMs < 0) {
      throw new RangeError(`maxDelayMs must be a number >= 0, got ${String(policy.maxDelayMs)}`);
    }
    this.concurrency = concurrency;
    this.clock = clock;
    this.policy = policy;
  }

  enqueue(handler: JobHandler, options: EnqueueOptions = {}): string {
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    const now = this.clock();
    const { priority = 0, runAt = now, maxAttempts = this.policy.maxAttempts } = options;
    if (typeof priority !== 'number' || !Number.isFinite(priority)) {
      throw new RangeError(`priority must be a finite number, got ${String(priority)}`);
    }
    if (typeof runAt !== 'number' || !Number.isFinite(runAt)) {
      throw new RangeError(`runAt must be a finite number of milliseconds, got ${String(runAt)}`);
    }
    checkAttempts(maxAttempts);
    const seq = this.nextSeq++;
    const id = `job-${seq}`;
    this.jobs.set(id, {
      id,
      status: runAt > now ? 'delayed' : 'queued',
      priority,
      attempts: 0,
      maxAttempts,
      runAt,
      handler,
      seq,
    });
    return id;
  }

  runDue(): number {
    const now = this.clock();
    const free = this.concurrency - this.running;
    if (free <= 0) return 0;
    const due = [...this.jobs.values()]
      .filter((job) => WAITING.has(job.status) && job.runAt <= now)
      .sort((a, b) => b.priority - a.priority || a.seq - b.seq);
    const starting = due.slice(0, free);
    for (const job of starting) this.start(job);
    return due.length;
  }

  get(id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`unknown job "${id}"`);
    // A copy: callers must not be able to change the queue's state through what they are given.
    const { handler: _handler, seq: _seq, ...info } = job;
    return info;
  }

  metrics(): QueueMetrics {
    const counts: QueueMetrics = {
      queued: 0, delayed: 0, running: 0, retrying: 0, succeeded: 0, failed: 0, attempts: this.totalAttempts,
    };
    for (const job of this.jobs.values()) counts[job.status]++;
    return counts;
  }

  private start(job: Job): void {
    job.status = 'running';
    job.attempts++;
    this.totalAttempts++;
    this.running++;
    let outcome: Promise<unknown>;
    try {
      // Called synchronously so the caller sees the attempt start inside runDue(); a handler that
      // throws before returning a promise is still just a failed attempt, not a crash of runDue().
      outcome = Promise.resolve(job.handler({ id: job.id, attempt: job.attempts }));
    } catch (error) {
      outcome = Promise.reject(error);
    }
    outcome.then(
      (result) => {
        this.running--;
        job.status = 'succeeded';
        job.result = result;
      },
      (error: unknown) => {
        this.running--; // always free the slot, or failures would slowly eat the concurrency
        job.lastError = error instanceof Error ? error.message : String(error);
        if (job.attempts >= job.maxAttempts) {
          job.status = 'failed';
          return;
        }
        job.status = 'retrying';
        job.runAt = this.clock() + this.backoff(job.attempts);
      },
    );
  }

  /** Delay after the `failedAttempt`-th failure: base, base·factor, base·factor², … capped at maxDelayMs. */
  private backoff(failedAttempt: number): number {
    const { baseDelayMs, factor, maxDelayMs } = this.policy;
    return Math.min(maxDelayMs, baseDelayMs * factor ** (failedAttempt - 1));
  }
}
