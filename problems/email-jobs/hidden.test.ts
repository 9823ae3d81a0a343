import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, messageHasPart } from 'rehearse-test';
import { EmailJobTracker, UnknownJobError, ValidationError, type EmailMessage, type JobStatus } from './solution';

/** JSON with object keys sorted, so two answers compare equal whatever order their fields were built in. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** A mailer whose calls stay pending until the test settles them. */
class FakeMailer {
  calls: Array<{ to: string; message: EmailMessage; resolve: () => void; reject: (err: unknown) => void }> = [];
  inFlight = 0;
  maxInFlight = 0;
  send = (to: string, message: EmailMessage): Promise<void> => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<void>((resolve, reject) => {
      const done = () => { this.inFlight--; };
      this.calls.push({ to, message, resolve: () => { done(); resolve(); }, reject: (e) => { done(); reject(e); } });
    });
  };
  call(to: string) {
    const c = this.calls.find((x) => x.to === to);
    if (!c) throw new Error(`the mailer was never called for ${to}`);
    return c;
  }
  get recipients(): string[] {
    return this.calls.map((c) => c.to);
  }
}

async function tick(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Resolves to 'not done' instead of hanging when a promise never settles. */
async function settledSoon<T>(p: Promise<T>): Promise<T | 'not done'> {
  return Promise.race([p, tick().then(() => tick()).then(() => 'not done' as const)]);
}

function expectThrow(fn: () => unknown, type: Function, what: string): Error {
  try {
    fn();
  } catch (err) {
    expect(err, `${what}: expected a ${type.name}`).to.be.instanceOf(type);
    return err as Error;
  }
  expect.fail(`${what}: expected a ${type.name}, but nothing was thrown`);
}

const msg: EmailMessage = { subject: 'Hello', body: 'Body' };

describe('email jobs: submitting', () => {
  it('[R8] does not call the mailer before submit returns', () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org'], msg);
    expect(mailer.calls.length, 'no mailer call during submit').to.equal(0);
    expect(tracker.status(id).state).to.equal('queued');
  });

  it('[R1][R4] rejects an empty recipient list and creates no job', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    expectThrow(() => tracker.submit([], msg), ValidationError, 'empty list');
    expect(tracker.submit(['a@x.org'], msg), 'the failed submit used no job id').to.equal('job-1');
  });

  it('[R1][R22] throws a ValidationError named "ValidationError" whose message names recipients for a missing list', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    for (const bad of [[], undefined, 'a@x.org']) {
      const what = `recipients ${JSON.stringify(bad)}`;
      const err = expectThrow(() => tracker.submit(bad as unknown as string[], msg), ValidationError, what);
      expect(err.name, `${what}: error name`).to.equal('ValidationError');
      expectMessage(err, ['recipients'], `${what}: the message names "recipients"`);
    }
  });

  it('[R2][R4] rejects recipients that are not strings, even when they print as a valid address', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    const lookalikes: Array<[string, unknown]> = [
      ['a String object', new String('b@x.org')],
      ['an object with toString', { toString: () => 'b@x.org' }],
      ['a one-element array', ['b@x.org']],
      ['a number', 42],
    ];
    for (const [what, bad] of lookalikes) {
      expectThrow(() => tracker.submit(['a@x.org', bad as string], msg), ValidationError, what);
    }
    expect(tracker.submit(['a@x.org'], msg), 'the rejected submits created no job').to.equal('job-1');
  });

  it('[R2] rejects malformed addresses and names the first bad one', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    for (const bad of ['plainaddress', 'a@b', '@x.org', 'a@@x.org', 'a b@x.org', 'a@x..org', 'a@x.org.', 'a@-x_y.org', '']) {
      const err = expectThrow(() => tracker.submit(['ok@x.org', bad], msg), ValidationError, JSON.stringify(bad));
      if (bad) expectMessage(err, [bad], 'the message names the bad address');
    }
    expect(tracker.submit(['first.last+tag@mail.x-y.co.uk'], msg), 'a valid unusual address').to.equal('job-1');
  });

  it('[R3] rejects an empty or blank subject', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    expectThrow(() => tracker.submit(['a@x.org'], { subject: '', body: 'b' }), ValidationError, 'empty subject');
    expectThrow(() => tracker.submit(['a@x.org'], { subject: '   ', body: 'b' }), ValidationError, 'blank subject');
  });

  it('[R3][R4] rejects a missing message or a non-string subject with a ValidationError naming the subject', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    const bad: Array<[string, unknown]> = [
      ['empty subject', { subject: '', body: 'b' }],
      ['blank subject', { subject: ' \t ', body: 'b' }],
      ['no message', undefined],
      ['null message', null],
      ['numeric subject', { subject: 42, body: 'b' }],
      ['missing subject', { body: 'b' }],
    ];
    for (const [what, message] of bad) {
      const err = expectThrow(() => tracker.submit(['a@x.org'], message as EmailMessage), ValidationError, what);
      expectMessage(err, ['subject'], `${what}: the message names "subject"`);
    }
    expect(tracker.submit(['a@x.org'], msg), 'the rejected submits created no job').to.equal('job-1');
  });

  it('[R5] sends to duplicate addresses once, comparing case-insensitively and keeping the first spelling', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['Ann@X.org', 'bob@x.org', 'ann@x.org', 'bob@x.org'], msg);
    expect(tracker.status(id).total, 'two distinct recipients').to.equal(2);
    await tick();
    expect(mailer.recipients).to.deep.equal(['Ann@X.org', 'bob@x.org']);
  });

  it('[R5] compares addresses by toLowerCase(), so "straße@x.de" and "STRASSE@x.de" are two recipients', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['straße@x.de', 'STRASSE@x.de', 'Strasse@x.de'], msg);
    expect(tracker.status(id).total, '"straße" and "strasse" differ in lower case').to.equal(2);
    await tick();
    expect(mailer.recipients).to.deep.equal(['straße@x.de', 'STRASSE@x.de']);
  });

  it('[R6] passes the subject and body to the mailer for every recipient', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    tracker.submit(['a@x.org', 'b@x.org'], { subject: 'Weekly digest', body: 'Three new posts' });
    await tick();
    for (const c of mailer.calls) {
      expect({ subject: c.message.subject, body: c.message.body }, `message sent to ${c.to}`)
        .to.deep.equal({ subject: 'Weekly digest', body: 'Three new posts' });
    }
    expect(mailer.calls.length, 'one call per recipient').to.equal(2);
  });

  it('[R9] is not affected by later changes to the caller\'s array', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const list = ['a@x.org', 'b@x.org'];
    const id = tracker.submit(list, msg);
    list.push('c@x.org');
    list[0] = 'z@x.org';
    await tick();
    expect(mailer.recipients).to.deep.equal(['a@x.org', 'b@x.org']);
    expect(tracker.status(id).total).to.equal(2);
  });

  it('[R7] numbers jobs job-1, job-2, ...', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    expect([tracker.submit(['a@x.org'], msg), tracker.submit(['b@x.org'], msg)]).to.deep.equal(['job-1', 'job-2']);
  });
});

describe('email jobs: sending', () => {
  it('[R13] keeps sending to the others when one recipient fails', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 1 });
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org'], msg);
    await tick();
    mailer.call('a@x.org').reject(new Error('bounced'));
    await tick();
    mailer.call('b@x.org').resolve();
    await tick();
    mailer.call('c@x.org').resolve();
    const final = await tracker.whenDone(id);
    expect([final.state, final.sent, final.failed]).to.deep.equal(['completed', 2, 1]);
  });

  it('[R13] records a mailer that throws synchronously as a failure and carries on', async () => {
    const sent: string[] = [];
    const mailer = (to: string): Promise<void> => {
      if (to === 'a@x.org') throw new Error('smtp down');
      sent.push(to);
      return Promise.resolve();
    };
    const tracker = new EmailJobTracker(mailer);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    const final = await settledSoon(tracker.whenDone(id));
    expect(final, 'the job finishes').to.not.equal('not done');
    expect(sent).to.deep.equal(['b@x.org']);
    expect((final as JobStatus).failures).to.deep.equal([{ recipient: 'a@x.org', error: 'smtp down' }]);
  });

  it('[R13] uses String(reason) when the mailer rejects with something that is not an Error', async () => {
    const tracker = new EmailJobTracker(() => Promise.reject('quota exceeded'));
    const final = await settledSoon(tracker.whenDone(tracker.submit(['a@x.org'], msg)));
    expect((final as JobStatus).failures).to.deep.equal([{ recipient: 'a@x.org', error: 'quota exceeded' }]);
  });

  it('[R11][R10] never has more than `concurrency` emails in flight, and starts the next as one settles', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 2 });
    tracker.submit(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'], msg);
    await tick();
    expect(mailer.recipients, 'only two started').to.deep.equal(['a@x.org', 'b@x.org']);
    mailer.call('b@x.org').resolve();
    await tick();
    expect(mailer.recipients, 'c starts when b settles').to.deep.equal(['a@x.org', 'b@x.org', 'c@x.org']);
    expect(mailer.maxInFlight).to.equal(2);
  });

  it('[R13][R11] frees the slot when a send fails, so a failure never stalls the queue', async () => {
    const tracker = new EmailJobTracker(() => Promise.reject(new Error('nope')), { concurrency: 1 });
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org'], msg);
    const final = await settledSoon(tracker.whenDone(id));
    expect(final, 'all three were attempted').to.not.equal('not done');
    expect((final as JobStatus).failed).to.equal(3);
  });

  it('[R11][R12] applies the limit across jobs and serves jobs in submission order', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 2 });
    const first = tracker.submit(['a@x.org', 'b@x.org'], msg);
    const second = tracker.submit(['c@x.org'], msg);
    await tick();
    expect(mailer.recipients, 'the second job waits for a free slot').to.deep.equal(['a@x.org', 'b@x.org']);
    expect(tracker.status(second).state, 'a job with no email started is still queued').to.equal('queued');
    expect(tracker.status(first).state).to.equal('processing');
    mailer.call('a@x.org').resolve();
    await tick();
    expect(mailer.recipients).to.deep.equal(['a@x.org', 'b@x.org', 'c@x.org']);
    expect(tracker.status(second).state).to.equal('processing');
  });

  it('[R14] rejects a concurrency that is not a positive integer with a RangeError naming it', () => {
    for (const concurrency of [0, -1, 1.5, NaN, -Infinity]) {
      const what = `concurrency ${concurrency}`;
      const err = expectThrow(() => new EmailJobTracker(new FakeMailer().send, { concurrency }), RangeError, what);
      expectMessage(err, ['concurrency'], `${what}: the message names "concurrency"`);
    }
  });

  it('[R14] accepts a concurrency of Infinity and then starts every email at once', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: Infinity });
    const recipients = Array.from({ length: 12 }, (_, i) => `r${i}@x.org`);
    tracker.submit(recipients, msg);
    await tick();
    expect(mailer.recipients, 'all 12 started without waiting for a slot').to.deep.equal(recipients);
  });
});

describe('email jobs: status', () => {
  it('[R16] marks the job failed when every recipient failed', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    await tick();
    mailer.call('a@x.org').reject(new Error('e1'));
    mailer.call('b@x.org').reject(new Error('e2'));
    const final = await tracker.whenDone(id);
    expect(final.state, 'no email went out').to.equal('failed');
    expect([final.sent, final.failed, final.pending]).to.deep.equal([0, 2, 0]);
  });

  it('[R17] lists failures in recipient order, not in the order they happened', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org'], msg);
    await tick();
    mailer.call('c@x.org').reject(new Error('third'));
    await tick();
    mailer.call('a@x.org').reject(new Error('first'));
    mailer.call('b@x.org').resolve();
    const final = await tracker.whenDone(id);
    expect(final.failures).to.deep.equal([
      { recipient: 'a@x.org', error: 'first' },
      { recipient: 'c@x.org', error: 'third' },
    ]);
  });

  it('[R17][R15] counts in-flight and not-yet-started recipients as pending', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 1 });
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org'], msg);
    await tick();
    mailer.call('a@x.org').reject(new Error('x'));
    await tick();
    expect(tracker.status(id)).to.deep.include({ state: 'processing', sent: 0, failed: 1, pending: 2 });
    mailer.call('b@x.org').resolve();
    await tick();
    expect(tracker.status(id), 'after one failure and one success, c is pending')
      .to.deep.include({ state: 'processing', sent: 1, failed: 1, pending: 1 });
  });

  it('[R17] computes pending as total - sent - failed while some emails have been sent', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 2 });
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'], msg);
    await tick();
    mailer.call('a@x.org').resolve();
    await tick();
    expect(tracker.status(id), 'a sent; b and c in flight; d not started')
      .to.deep.include({ state: 'processing', total: 4, sent: 1, failed: 0, pending: 3 });
  });

  it('[R18] returns snapshots that later progress does not change', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    await tick();
    const during = tracker.status(id);
    mailer.call('a@x.org').reject(new Error('x'));
    mailer.call('b@x.org').resolve();
    await tracker.whenDone(id);
    expect(during).to.deep.equal({ id, state: 'processing', total: 2, sent: 0, failed: 0, pending: 2, failures: [] });
  });

  it('[R18] is not changed by a caller mutating a snapshot', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org'], msg);
    await tick();
    mailer.call('a@x.org').reject(new Error('x'));
    const final = await tracker.whenDone(id);
    final.failures.length = 0;
    final.failed = 99;
    expect(tracker.status(id)).to.deep.include({ failed: 1, state: 'failed' });
    expect(tracker.status(id).failures).to.have.length(1);
  });

  it('[R19][R22] throws UnknownJobError naming the id for an unknown job', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    const err = expectThrow(() => tracker.status('job-42'), UnknownJobError, 'unknown id');
    expect(err.name, 'error name').to.equal('UnknownJobError');
    expectMessage(err, ['job-42'], 'the message names the id');
  });

  it('[R21] whenDone rejects with UnknownJobError for an unknown job', async () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    let caught: unknown;
    try {
      await tracker.whenDone('job-7');
    } catch (err) {
      caught = err;
    }
    expect(caught, 'a rejected promise').to.be.instanceOf(UnknownJobError);
  });

  it('[R20] whenDone resolves at once for a job that has already finished', async () => {
    const tracker = new EmailJobTracker(() => Promise.resolve());
    const id = tracker.submit(['a@x.org'], msg);
    await tick();
    expect(tracker.status(id).state).to.equal('completed');
    const final = await settledSoon(tracker.whenDone(id));
    expect(final, 'resolved, not left pending').to.not.equal('not done');
    expect((final as JobStatus).sent).to.equal(1);
  });
});

describe('email jobs: more rules', () => {
  it('[R15][R16] stays queued while another job fills every slot, then processes and completes', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 1 });
    const first = tracker.submit(['a@x.org'], msg);
    const second = tracker.submit(['b@x.org', 'c@x.org'], msg);
    await tick();
    expect([tracker.status(first).state, tracker.status(second).state], 'job-2 waits for the slot').to.deep.equal(['processing', 'queued']);
    mailer.call('a@x.org').resolve();
    await tick();
    expect([tracker.status(first).state, tracker.status(second).state]).to.deep.equal(['completed', 'processing']);
    mailer.call('b@x.org').reject(new Error('nope'));
    await tick();
    expect(tracker.status(second).state, 'one recipient still in flight').to.equal('processing');
    mailer.call('c@x.org').resolve();
    await tick();
    expect(tracker.status(second).state, 'one sent, one failed').to.equal('completed');
  });

  it('[R20] resolves whenDone with the final snapshot only once the last recipient settles', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 2 });
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    let result: JobStatus | undefined;
    void tracker.whenDone(id).then((s) => {
      result = s;
    });
    await tick();
    mailer.call('a@x.org').reject('bounced');
    await tick();
    expect(result, 'not done while b@x.org is in flight').to.equal(undefined);
    mailer.call('b@x.org').reject(new Error('full'));
    await tick();
    expect(result).to.deep.equal({
      id,
      state: 'failed',
      total: 2,
      sent: 0,
      failed: 2,
      pending: 0,
      failures: [
        { recipient: 'a@x.org', error: 'bounced' },
        { recipient: 'b@x.org', error: 'full' },
      ],
    });
  });

  it('[R19][R21] does not confuse ids: job-0, a job not yet created and a near miss are unknown', async () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    tracker.submit(['a@x.org'], msg);
    for (const id of ['job-0', 'job-2', 'JOB-1', '1']) {
      const err = expectThrow(() => tracker.status(id), UnknownJobError, `status(${id})`);
      expectMessage(err, [id], 'names the id');
      let caught: unknown;
      await tracker.whenDone(id).catch((e: unknown) => {
        caught = e;
      });
      expect(caught, `whenDone(${id}) rejects`).to.be.instanceOf(UnknownJobError);
    }
  });

  it('[R14] uses a concurrency of 5 by default', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    tracker.submit(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org', 'f@x.org', 'g@x.org'], msg);
    await tick();
    expect(mailer.recipients).to.deep.equal(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org']);
  });
});

describe('email jobs: [model] random sequences of every operation agree with a small model', () => {
  type How = 'resolve' | 'reject-error' | 'reject-string' | 'reject-number';
  type Op =
    | { op: 'submit'; recipients: unknown; subject: unknown }
    | { op: 'settle'; pick: number; how: How }
    | { op: 'status' | 'whenDone'; job: number };
  // 'throw…' addresses make the fake mailer throw synchronously instead of returning a promise.
  const GOOD = ['a@x.org', 'A@x.org', 'b@x.org', 'c@y.co', 'throw@x.org', 'Throw@X.org'];
  const addressArb = fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...GOOD) }, { weight: 1, arbitrary: fc.constantFrom('bad', 'a@b', ' a@x.org', 7 as unknown as string) });
  const recipientsArb = fc.oneof({ weight: 12, arbitrary: fc.array(addressArb, { minLength: 1, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>([], undefined, 'a@x.org') });
  const subjectArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Hi', 'Re: hi') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', ' \t', undefined, 5) });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('submit' as const), recipients: recipientsArb, subject: subjectArb }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('settle' as const), pick: fc.nat(4), how: fc.constantFrom<How>('resolve', 'resolve', 'reject-error', 'reject-string', 'reject-number') }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('status' as const, 'whenDone' as const), job: fc.integer({ min: 0, max: 6 }) }) },
  );
  const concurrencyArb = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<number | undefined>(1, 2, 3, Infinity, undefined) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, NaN) },
  );

  interface MJob {
    id: string;
    recipients: string[];
    subject: string;
    outcomes: Array<'pending' | 'sent' | { error: string }>;
    started: boolean;
  }
  const reasonOf = (how: How, to: string): unknown =>
    how === 'reject-error' ? new Error(`bounced ${to}`) : how === 'reject-string' ? `refused ${to}` : 550;

  class Model {
    jobs: MJob[] = [];
    queue: Array<[MJob, number]> = [];
    inFlight: Array<[MJob, number]> = [];
    constructor(readonly limit: number) {}
    pump(): void {
      while (this.inFlight.length < this.limit && this.queue.length > 0) {
        const [job, i] = this.queue.shift()!;
        job.started = true;
        const to = job.recipients[i];
        if (to.toLowerCase().startsWith('throw')) job.outcomes[i] = { error: `sync failure for ${to}` };
        else this.inFlight.push([job, i]);
      }
    }
    snapshot(job: MJob): JobStatus {
      const sent = job.outcomes.filter((o) => o === 'sent').length;
      const failed = job.outcomes.filter((o) => typeof o === 'object').length;
      const total = job.recipients.length;
      const done = sent + failed === total;
      return {
        id: job.id,
        state: done ? (sent > 0 ? 'completed' : 'failed') : job.started ? 'processing' : 'queued',
        total,
        sent,
        failed,
        pending: total - sent - failed,
        failures: job.outcomes.flatMap((o, i) => (typeof o === 'object' ? [{ recipient: job.recipients[i], error: o.error }] : [])),
      };
    }
    done(job: MJob): boolean {
      return job.outcomes.every((o) => o !== 'pending');
    }
  }

  const show = (v: unknown): string => (v === undefined ? 'undefined' : typeof v === 'number' ? String(v) : JSON.stringify(v));

  it('[model] submit, mailer outcomes, status and whenDone match the model, errors included', async () => {
    await fc.assert(
      fc.asyncProperty(concurrencyArb, fc.array(opArb, { minLength: 5, maxLength: 30 }), async (concurrency, ops) => {
        const done: string[] = [];
        const where = (what: string): string => `after ${done.join(', ')}: ${what}`;
        const created = concurrency === undefined ? 'new EmailJobTracker(mailer)' : `new EmailJobTracker(mailer, { concurrency: ${concurrency} })`;
        const calls: Array<{ to: string; subject: string; body: string; settle?: (how: How) => void }> = [];
        const mailer = (to: string, message: EmailMessage): Promise<void> => {
          if (to.toLowerCase().startsWith('throw')) throw new Error(`sync failure for ${to}`);
          return new Promise<void>((resolve, reject) => {
            const call: (typeof calls)[number] = { to, subject: message.subject, body: message.body };
            call.settle = (how) => {
              call.settle = undefined;
              if (how === 'resolve') resolve();
              else reject(reasonOf(how, to));
            };
            calls.push(call);
          });
        };
        if (concurrency !== undefined && !(concurrency === Infinity || (Number.isInteger(concurrency) && concurrency > 0))) {
          let err: unknown;
          try {
            new EmailJobTracker(mailer, { concurrency });
          } catch (e) {
            err = e;
          }
          if (!(err instanceof RangeError && messageHasPart(err.message, 'concurrency'))) throw new Error(`${created}: expected a RangeError naming concurrency, got ${String(err)}`);
          return;
        }
        const tracker = new EmailJobTracker(mailer, concurrency === undefined ? undefined : { concurrency });
        const m = new Model(concurrency ?? 5);
        done.push(created);
        const waiters: Array<{ job: MJob; result?: JobStatus }> = [];

        /** What differs between the tracker and the model now, or null. */
        const mismatch = (): string | null => {
          const flying = calls.filter((c) => c.settle !== undefined).map((c) => `${c.to} (${c.subject}/${c.body})`);
          const want = m.inFlight.map(([job, i]) => `${job.recipients[i]} (${job.subject}/body of ${job.id})`);
          if (show(flying) !== show(want)) return `emails in flight: expected ${show(want)}, got ${show(flying)}`;
          for (const job of m.jobs) {
            let got: unknown;
            try {
              got = tracker.status(job.id);
            } catch (err) {
              got = String(err);
            }
            if (canon(got) !== canon(m.snapshot(job))) return `status('${job.id}'): expected ${show(m.snapshot(job))}, got ${show(got)}`;
          }
          for (const w of waiters) {
            if (m.done(w.job) && canon(w.result) !== canon(m.snapshot(w.job))) return `whenDone('${w.job.id}'): expected ${show(m.snapshot(w.job))}, got ${show(w.result)}`;
            if (!m.done(w.job) && w.result !== undefined) return `whenDone('${w.job.id}') resolved before the job finished, with ${show(w.result)}`;
          }
          return null;
        };
        /** Gives pending work microtasks first, then a few setTimeout(0) turns, until it matches the model. */
        const settleDown = async (what: string, full = false): Promise<void> => {
          for (let turn = 0; turn < (full ? 2 : 4); turn++) {
            if (turn > 0) await new Promise((r) => setTimeout(r, 0));
            for (let i = 0; i < 20; i++) {
              if (!full && mismatch() === null) return;
              await Promise.resolve();
            }
          }
          const diff = mismatch();
          if (diff !== null) throw new Error(where(`${what}: ${diff}`));
        };

        for (const o of ops) {
          if (o.op === 'submit') {
            const what = `submit(${show(o.recipients)}, ${o.subject === undefined ? 'undefined' : `{ subject: ${show(o.subject)}, body: … }`})`;
            const list = Array.isArray(o.recipients) ? [...(o.recipients as unknown[])] : o.recipients;
            const message = o.subject === undefined ? undefined : { subject: o.subject, body: `body of job-${m.jobs.length + 1}` };
            const firstBad = Array.isArray(list) ? list.find((r) => typeof r !== 'string' || !/^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(r)) : undefined;
            const faults: string[] = [];
            if (!Array.isArray(list) || list.length === 0) faults.push('recipients');
            else if (firstBad !== undefined) faults.push(typeof firstBad === 'string' ? firstBad : '');
            if (typeof o.subject !== 'string' || o.subject.trim() === '') faults.push('subject');
            const before = calls.length;
            let id: unknown;
            let err: unknown;
            try {
              id = tracker.submit(list as string[], message as EmailMessage);
            } catch (e) {
              err = e;
            }
            if (calls.length !== before) throw new Error(where(`${what}: the mailer was called before submit returned`));
            if (faults.length > 0) {
              const ok = err instanceof ValidationError && err.name === 'ValidationError' && faults.some((f) => err instanceof Error && messageHasPart(err.message, f));
              if (!ok) throw new Error(where(`${what}: expected a ValidationError naming ${faults.map(show).join(' or ')}, got ${err === undefined ? show(id) : String(err)}`));
              done.push(what);
              continue;
            }
            const seen = new Set<string>();
            const unique = (list as string[]).filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
            const job: MJob = { id: `job-${m.jobs.length + 1}`, recipients: unique, subject: o.subject as string, outcomes: unique.map(() => 'pending'), started: false };
            if (id !== job.id) throw new Error(where(`${what}: expected ${show(job.id)}, got ${err === undefined ? show(id) : String(err)}`));
            m.jobs.push(job);
            // Scribbling on the caller's array afterwards must not reach the job.
            (list as string[]).splice(0, (list as string[]).length, 'late@x.org');
            const queued = m.snapshot(job);
            if (canon(tracker.status(job.id)) !== canon(queued)) throw new Error(where(`${what}; status('${job.id}') at once: expected ${show(queued)}, got ${show(tracker.status(job.id))}`));
            unique.forEach((_, i) => m.queue.push([job, i]));
            m.pump();
            done.push(what);
            await settleDown(`${what} and a few turns`);
          } else if (o.op === 'settle') {
            if (m.inFlight.length === 0) continue;
            const k = o.pick % m.inFlight.length;
            const [job, i] = m.inFlight.splice(k, 1)[0];
            const to = job.recipients[i];
            const reason = reasonOf(o.how, to);
            job.outcomes[i] = o.how === 'resolve' ? 'sent' : { error: reason instanceof Error ? reason.message : String(reason) };
            m.pump();
            const call = calls.filter((c) => c.settle !== undefined)[k];
            const what = `the mailer ${o.how === 'resolve' ? 'resolves' : `rejects with ${reason instanceof Error ? `Error(${show(reason.message)})` : show(reason)}`} for ${show(to)}`;
            call.settle!(o.how);
            done.push(what);
            await settleDown(`${what} and a few turns`);
          } else {
            const id = o.job === 0 || o.job > m.jobs.length ? `job-${o.job}` : m.jobs[o.job - 1].id;
            const job = m.jobs.find((j) => j.id === id);
            const what = `${o.op}(${show(id)})`;
            if (o.op === 'status') {
              let got: unknown;
              try {
                got = tracker.status(id);
              } catch (e) {
                got = e;
              }
              if (job === undefined) {
                if (!(got instanceof UnknownJobError && got.name === 'UnknownJobError' && messageHasPart(got.message, id))) throw new Error(where(`${what}: expected an UnknownJobError naming ${id}, got ${show(got)}`));
              } else if (canon(got) !== canon(m.snapshot(job))) throw new Error(where(`${what}: expected ${show(m.snapshot(job))}, got ${show(got)}`));
            } else {
              let promise: Promise<JobStatus>;
              try {
                promise = tracker.whenDone(id);
              } catch (e) {
                throw new Error(where(`${what}: expected a promise, but it threw ${String(e)}`));
              }
              if (job === undefined) {
                const got = await promise.then((v) => v, (e: unknown) => e);
                if (!(got instanceof UnknownJobError)) throw new Error(where(`${what}: expected a rejection with UnknownJobError, got ${show(got)}`));
              } else {
                const w: { job: MJob; result?: JobStatus } = { job };
                void promise.then((v) => {
                  w.result = v;
                });
                waiters.push(w);
                await settleDown(what);
              }
            }
            done.push(what);
          }
        }
        // Nothing more may happen later: no extra emails, no late state changes.
        await settleDown('waiting at the end', true);
      }),
      { seed: 14, numRuns: 25 },
    );
  });
});
