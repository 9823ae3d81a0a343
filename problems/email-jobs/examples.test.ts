import { expect } from 'chai';
import { EmailJobTracker, type EmailMessage } from './solution';

/** A mailer whose calls stay pending until the test settles them. */
class FakeMailer {
  calls: Array<{ to: string; message: EmailMessage; resolve: () => void; reject: (err: unknown) => void }> = [];
  send = (to: string, message: EmailMessage): Promise<void> =>
    new Promise<void>((resolve, reject) => this.calls.push({ to, message, resolve, reject }));
  call(to: string) {
    const c = this.calls.find((x) => x.to === to);
    if (!c) throw new Error(`the mailer was never called for ${to}`);
    return c;
  }
}

/** Give background work a few macrotask turns. */
async function tick(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
}

const msg: EmailMessage = { subject: 'Hello', body: 'Thanks for your support.' };

describe('email jobs: examples', () => {
  it('returns a job id at once, with the job queued', () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    expect(id).to.equal('job-1');
    expect(tracker.status(id)).to.deep.equal({
      id: 'job-1', state: 'queued', total: 2, sent: 0, failed: 0, pending: 2, failures: [],
    });
  });

  it('sends to every recipient in the background', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    await tick();
    expect(mailer.calls.map((c) => c.to), 'one mailer call per recipient').to.deep.equal(['a@x.org', 'b@x.org']);
    expect(mailer.calls[0].message).to.deep.equal(msg);
    expect(tracker.status(id).state, 'processing while emails are in flight').to.equal('processing');
  });

  it('completes once every email was sent', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    await tick();
    mailer.call('a@x.org').resolve();
    mailer.call('b@x.org').resolve();
    const final = await tracker.whenDone(id);
    expect(final).to.deep.equal({
      id: 'job-1', state: 'completed', total: 2, sent: 2, failed: 0, pending: 0, failures: [],
    });
  });

  it('counts progress while the job runs', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org', 'c@x.org'], msg);
    await tick();
    mailer.call('b@x.org').resolve();
    await tick();
    const s = tracker.status(id);
    expect([s.sent, s.failed, s.pending], 'sent, failed, pending').to.deep.equal([1, 0, 2]);
  });

  it('lists a failed recipient and still completes the job', async () => {
    const mailer = new FakeMailer();
    const tracker = new EmailJobTracker(mailer.send);
    const id = tracker.submit(['a@x.org', 'b@x.org'], msg);
    await tick();
    mailer.call('a@x.org').reject(new Error('mailbox full'));
    mailer.call('b@x.org').resolve();
    const final = await tracker.whenDone(id);
    expect(final.state).to.equal('completed');
    expect(final.failures).to.deep.equal([{ recipient: 'a@x.org', error: 'mailbox full' }]);
  });
});
