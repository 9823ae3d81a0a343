import { expect } from 'chai';
import { EmailJobTracker, UnknownJobError, ValidationError, type EmailMessage, type JobStatus } from './solution';

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
  it('does not call the mailer before submit returns', () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org'], msg);
    expect(mailer.calls.length, 'no mailer call during submit').to.equal(0);
    expect(tracker.status(id).state).to.equal('queued');
  });

  it('rejects an empty recipient list and creates no job', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    expectThrow(() => tracker.submit([], msg), ValidationError, 'empty list');
    expect(tracker.submit(['a@x.org'], msg), 'the failed submit used no job id').to.equal('job-1');
  });

  it('throws a ValidationError named "ValidationError" whose message names recipients for a missing list', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    for (const bad of [[], undefined, 'a@x.org']) {
      const what = `recipients ${JSON.stringify(bad)}`;
      const err = expectThrow(() => tracker.submit(bad as unknown as string[], msg), ValidationError, what);
      expect(err.name, `${what}: error name`).to.equal('ValidationError');
      expect(err.message, `${what}: the message names "recipients"`).to.match(/recipients/);
    }
  });

  it('rejects recipients that are not strings, even when they print as a valid address', () => {
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

  it('rejects malformed addresses and names the first bad one', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    for (const bad of ['plainaddress', 'a@b', '@x.org', 'a@@x.org', 'a b@x.org', 'a@x..org', 'a@x.org.', 'a@-x_y.org', '']) {
      const err = expectThrow(() => tracker.submit(['ok@x.org', bad], msg), ValidationError, JSON.stringify(bad));
      if (bad) expect(err.message, 'the message names the bad address').to.include(bad);
    }
    expect(tracker.submit(['first.last+tag@mail.x-y.co.uk'], msg), 'a valid unusual address').to.equal('job-1');
  });

  it('rejects an empty or blank subject', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    expectThrow(() => tracker.submit(['a@x.org'], { subject: '', body: 'b' }), ValidationError, 'empty subject');
    expectThrow(() => tracker.submit(['a@x.org'], { subject: '   ', body: 'b' }), ValidationError, 'blank subject');
  });

  it('rejects a missing message or a non-string subject with a ValidationError naming the subject', () => {
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
      expect(err.message, `${what}: the message names "subject"`).to.match(/subject/);
    }
    expect(tracker.submit(['a@x.org'], msg), 'the rejected submits created no job').to.equal('job-1');
  });

  it('sends to duplicate addresses once, comparing case-insensitively and keeping the first spelling', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['Ann@X.org', 'bob@x.org', 'ann@x.org', 'bob@x.org'], msg);
    expect(tracker.status(id).total, 'two distinct recipients').to.equal(2);
    await tick();
    expect(mailer.recipients).to.deep.equal(['Ann@X.org', 'bob@x.org']);
  });

  it('compares addresses by toLowerCase(), so "straße@x.de" and "STRASSE@x.de" are two recipients', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['straße@x.de', 'STRASSE@x.de', 'Strasse@x.de'], msg);
    expect(tracker.status(id).total, '"straße" and "strasse" differ in lower case').to.equal(2);
    await tick();
    expect(mailer.recipients).to.deep.equal(['straße@x.de', 'STRASSE@x.de']);
  });

  it('passes the subject and body to the mailer for every recipient', async () => {
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

  it('is not affected by later changes to the caller\'s array', async () => {
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

  it('numbers jobs job-1, job-2, ...', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    expect([tracker.submit(['a@x.org'], msg), tracker.submit(['b@x.org'], msg)]).to.deep.equal(['job-1', 'job-2']);
  });
});

describe('email jobs: sending', () => {
  it('keeps sending to the others when one recipient fails', async () => {
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

  it('records a mailer that throws synchronously as a failure and carries on', async () => {
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

  it('uses String(reason) when the mailer rejects with something that is not an Error', async () => {
    const tracker = new EmailJobTracker(() => Promise.reject('quota exceeded'));
    const final = await settledSoon(tracker.whenDone(tracker.submit(['a@x.org'], msg)));
    expect((final as JobStatus).failures).to.deep.equal([{ recipient: 'a@x.org', error: 'quota exceeded' }]);
  });

  it('never has more than `concurrency` emails in flight, and starts the next as one settles', async () => {
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

  it('frees the slot when a send fails, so a failure never stalls the queue', async () => {
    const tracker = new EmailJobTracker(() => Promise.reject(new Error('nope')), { concurrency: 1 });
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org'], msg);
    const final = await settledSoon(tracker.whenDone(id));
    expect(final, 'all three were attempted').to.not.equal('not done');
    expect((final as JobStatus).failed).to.equal(3);
  });

  it('applies the limit across jobs and serves jobs in submission order', async () => {
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

  it('rejects a concurrency that is not a positive integer with a RangeError naming it', () => {
    for (const concurrency of [0, -1, 1.5, NaN, -Infinity]) {
      const what = `concurrency ${concurrency}`;
      const err = expectThrow(() => new EmailJobTracker(new FakeMailer().send, { concurrency }), RangeError, what);
      expect(err.message, `${what}: the message names "concurrency"`).to.match(/concurrency/);
    }
  });

  it('accepts a concurrency of Infinity and then starts every email at once', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: Infinity });
    const recipients = Array.from({ length: 12 }, (_, i) => `r${i}@x.org`);
    tracker.submit(recipients, msg);
    await tick();
    expect(mailer.recipients, 'all 12 started without waiting for a slot').to.deep.equal(recipients);
  });
});

describe('email jobs: status', () => {
  it('marks the job failed when every recipient failed', async () => {
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

  it('lists failures in recipient order, not in the order they happened', async () => {
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

  it('counts in-flight and not-yet-started recipients as pending', async () => {
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

  it('computes pending as total - sent - failed while some emails have been sent', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send, { concurrency: 2 });
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'], msg);
    await tick();
    mailer.call('a@x.org').resolve();
    await tick();
    expect(tracker.status(id), 'a sent; b and c in flight; d not started')
      .to.deep.include({ state: 'processing', total: 4, sent: 1, failed: 0, pending: 3 });
  });

  it('returns snapshots that later progress does not change', async () => {
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

  it('is not changed by a caller mutating a snapshot', async () => {
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

  it('throws UnknownJobError naming the id for an unknown job', () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    const err = expectThrow(() => tracker.status('job-42'), UnknownJobError, 'unknown id');
    expect(err.name, 'error name').to.equal('UnknownJobError');
    expect(err.message, 'the message names the id').to.include('job-42');
  });

  it('whenDone rejects with UnknownJobError for an unknown job', async () => {
    const tracker = new EmailJobTracker(new FakeMailer().send);
    let caught: unknown;
    try {
      await tracker.whenDone('job-7');
    } catch (err) {
      caught = err;
    }
    expect(caught, 'a rejected promise').to.be.instanceOf(UnknownJobError);
  });

  it('whenDone resolves at once for a job that has already finished', async () => {
    const tracker = new EmailJobTracker(() => Promise.resolve());
    const id = tracker.submit(['a@x.org'], msg);
    await tick();
    expect(tracker.status(id).state).to.equal('completed');
    const final = await settledSoon(tracker.whenDone(id));
    expect(final, 'resolved, not left pending').to.not.equal('not done');
    expect((final as JobStatus).sent).to.equal(1);
  });
});
