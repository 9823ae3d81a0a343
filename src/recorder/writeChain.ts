/**
 * Every write of the recorder goes through one chain: batches land in the order they were made, and
 * Finish (or leaving the workspace) can wait for all of them. A failed write does not stop the chain; its
 * error goes to `onError` (a full disk stops the audio, anything else is shown).
 */
export class WriteChain {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (e: unknown) => void) {}

  enqueue(write: () => Promise<void>): void {
    this.tail = this.tail.then(write).catch((e: unknown) => this.onError(e));
  }

  /** Resolves once every write enqueued so far has landed or failed. */
  settled(): Promise<void> {
    return this.tail;
  }
}
