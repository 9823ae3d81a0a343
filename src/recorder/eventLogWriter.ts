/**
 * The session's event log on its way to IndexedDB: stamps never go back in time, edits are coalesced
 * (core/session/editLog.ts), and batches are numbered in the order the events happened. A batch that
 * failed to write (storage full) is kept and goes first in the next one, so a write that succeeds once
 * space is back never leaves a hole the replay cannot cross.
 */
import { EditCoalescer } from '../core/session/editLog';
import type { SessionEvent } from '../core/session/types';
import type { RecorderStorage } from './ports';

export class EventLogWriter {
  private coalescer = new EditCoalescer();
  private buffer: SessionEvent[] = [];
  private unsaved: SessionEvent[] = [];
  private seq = 0;
  private lastT = 0;

  constructor(private readonly append: RecorderStorage['appendSessionEvents']) {}

  /** A new log, or the continuation of one whose batches end before `seq`. */
  reset(seq: number): void {
    this.coalescer = new EditCoalescer();
    this.buffer = [];
    this.unsaved = [];
    this.seq = seq;
    this.lastT = 0;
  }

  /** The time to stamp on an event now: wall clocks can step back (NTP), the log's times never do. */
  stamp(sessionTimeMs: number): number {
    this.lastT = Math.max(this.lastT, sessionTimeMs);
    return this.lastT;
  }

  push(event: SessionEvent): void {
    this.buffer.push(...this.coalescer.push(event));
  }

  /** Everything buffered, closing an open edit group; empty when there is nothing to write. */
  take(): SessionEvent[] {
    const events = [...this.buffer, ...this.coalescer.flush()];
    this.buffer = [];
    return events;
  }

  hasUnsaved(): boolean {
    return this.unsaved.length > 0;
  }

  /** Writes `events` after any batch that failed before. Call in the recorder's write chain, one at a time. */
  async write(sessionId: string, events: SessionEvent[]): Promise<void> {
    const batch = [...this.unsaved, ...events];
    if (batch.length === 0) return;
    this.unsaved = [];
    try {
      await this.append(sessionId, this.seq++, batch);
    } catch (e) {
      this.unsaved = batch;
      throw e;
    }
  }
}
