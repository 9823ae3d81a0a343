/**
 * Mail, faked: the provider keeps what it "delivers" in an outbox instead of sending it. It can be told to
 * fail, the way a real provider times out or answers 5xx.
 */

export interface Email {
  to: string;
  subject: string;
  body: string;
}

export interface DeliveredEmail extends Email {
  /** The clock's time when the provider accepted it (ms). */
  sentAt: number;
}

export interface MailProvider {
  /** Delivers the email or throws MailError. */
  send(email: Email): Promise<void>;
  /** Answers when the provider is reachable; throws MailError when it is not (for health checks). */
  ping(): Promise<void>;
}

export class MailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailError';
  }
}

export class FakeMailProvider implements MailProvider {
  /** Everything delivered, oldest first. */
  readonly outbox: DeliveredEmail[] = [];
  /** Every call to send, delivered or not, oldest first. */
  readonly attempts: (Email & { at: number; ok: boolean })[] = [];
  private failures = 0;
  private down = false;

  constructor(private readonly clock: { now(): number } = { now: () => Date.now() }) {}

  /** The next `count` sends fail (then it delivers again). */
  failNext(count: number): void {
    this.failures = count;
  }

  /** While down, every send and every ping fails. */
  setDown(down: boolean): void {
    this.down = down;
  }

  async send(email: Email): Promise<void> {
    const at = this.clock.now();
    if (this.down || this.failures > 0) {
      if (this.failures > 0) this.failures--;
      this.attempts.push({ ...email, at, ok: false });
      throw new MailError(`the mail provider did not accept the email to ${email.to}`);
    }
    this.attempts.push({ ...email, at, ok: true });
    this.outbox.push({ ...email, sentAt: at });
  }

  async ping(): Promise<void> {
    if (this.down) throw new MailError('the mail provider is unreachable');
  }
}
