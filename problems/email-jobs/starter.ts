export interface EmailMessage {
  subject: string;
  body: string;
}

/** Sends one email. Resolves when it was accepted, rejects (or throws) when it failed. */
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
  constructor(message: string) {
    super(message);
    this.name = 'UnknownJobError';
  }
}

export class EmailJobTracker {
  constructor(mailer: Mailer, options: { concurrency?: number } = {}) {}

  submit(recipients: string[], message: EmailMessage): string {
    throw new Error('Not implemented');
  }

  status(jobId: string): JobStatus {
    throw new Error('Not implemented');
  }

  whenDone(jobId: string): Promise<JobStatus> {
    throw new Error('Not implemented');
  }
}
