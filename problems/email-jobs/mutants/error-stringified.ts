// Mutant: an Error reason is reported as String(error) ('Error: …') instead of its message
export interface EmailMessage {
  subject: string;
  body: string;
}

export type Mailer = (recipient: string, message: EmailMessage) => Promise<void>;

export type JobState = 'queued' | 'processing' | 'completed' | 'failed';

export interface JobStatus {
  id: string;
  state: JobState;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  failures: Array<{ recipient: string; error: string }>;
}

export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class UnknownJobError extends Error {
  constructor(jobId: string) {
    super(`unknown job: ${jobId}`);
    this.name = 'UnknownJobError';
  }
}

const EMAIL_PATTERN = /^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

type Outcome = { kind: 'pending' } | { kind: 'sent' } | { kind: 'failed'; error: string };

interface Job {
  id: string;
  recipients: readonly string[];
  message: EmailMessage;
  /** One slot per recipient, so failures can be reported in recipient order whatever the finish order. */
  outcomes: Outcome[];
  started: boolean;
  sent: number;
  failed: number;
  waiters: Array<(status: JobStatus) => void>;
}

interface Send {
  job: Job;
  index: number;
}

function errorText(err: unknown): string {
  return String(err);
}

export class EmailJobTracker {
  private readonly mailer: Mailer;
  private readonly concurrency: number;
  private readonly jobs = new Map<string, Job>();
  /** One FIFO across all jobs: the concurrency limit protects the mail provider, not a single job. */
  private readonly queue: Send[] = [];
  private inFlight = 0;
  private nextId = 1;

  constructor(mailer: Mailer, options: { concurrency?: number } = {}) {
    const concurrency = options.concurrency ?? 5;
    if (!(Number.isSafeInteger(concurrency) || concurrency === Infinity) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    this.mailer = mailer;
    this.concurrency = concurrency;
  }

  submit(recipients: string[], message: EmailMessage): string {
    if (!Array.isArray(recipients) || recipients.length === 0) {
      throw new ValidationError('recipients must be a non-empty list');
    }
    for (const r of recipients) {
      if (typeof r !== 'string' || !EMAIL_PATTERN.test(r)) {
        throw new ValidationError(`invalid email address: "${String(r)}"`);
      }
    }
    if (!message || typeof message.subject !== 'string' || message.subject.trim() === '') {
      throw new ValidationError('message.subject must not be empty');
    }

    // Copy while deduplicating, so the caller can't change the job after the fact.
    const seen = new Set<string>();
    const unique: string[] = [];
    for (const r of recipients) {
      const key = r.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        unique.push(r);
      }
    }

    const job: Job = {
      id: `job-${this.nextId++}`,
      recipients: unique,
      message: { subject: message.subject, body: message.body },
      outcomes: unique.map(() => ({ kind: 'pending' })),
      started: false,
      sent: 0,
      failed: 0,
      waiters: [],
    };
    this.jobs.set(job.id, job);
    unique.forEach((_, index) => this.queue.push({ job, index }));
    // Never start sending inside submit: the caller must get its id back without waiting on the mailer.
    queueMicrotask(() => this.pump());
    return job.id;
  }

  status(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new UnknownJobError(jobId);
    return this.snapshot(job);
  }

  whenDone(jobId: string): Promise<JobStatus> {
    const job = this.jobs.get(jobId);
    if (job === undefined) return Promise.reject(new UnknownJobError(jobId));
    if (this.isDone(job)) return Promise.resolve(this.snapshot(job));
    return new Promise((resolve) => job.waiters.push(resolve));
  }

  private isDone(job: Job): boolean {
    return job.sent + job.failed === job.recipients.length;
  }

  private snapshot(job: Job): JobStatus {
    const total = job.recipients.length;
    let state: JobState;
    if (this.isDone(job)) state = job.sent > 0 ? 'completed' : 'failed';
    else state = job.started ? 'processing' : 'queued';
    const failures: JobStatus['failures'] = [];
    job.outcomes.forEach((o, i) => {
      if (o.kind === 'failed') failures.push({ recipient: job.recipients[i], error: o.error });
    });
    return { id: job.id, state, total, sent: job.sent, failed: job.failed, pending: total - job.sent - job.failed, failures };
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0) {
      const { job, index } = this.queue.shift()!;
      job.started = true;
      this.inFlight++;
      let attempt: Promise<void>;
      try {
        // A mailer that throws instead of rejecting must not take the whole loop down.
        attempt = Promise.resolve(this.mailer(job.recipients[index], job.message));
      } catch (err) {
        attempt = Promise.reject(err);
      }
      attempt.then(
        () => this.settle(job, index, { kind: 'sent' }),
        (err: unknown) => this.settle(job, index, { kind: 'failed', error: errorText(err) }),
      );
    }
  }

  private settle(job: Job, index: number, outcome: Outcome): void {
    this.inFlight--;
    job.outcomes[index] = outcome;
    if (outcome.kind === 'sent') job.sent++;
    else job.failed++;
    if (this.isDone(job)) {
      const final = job.waiters.splice(0);
      for (const resolve of final) resolve(this.snapshot(job));
    }
    this.pump();
  }
}
