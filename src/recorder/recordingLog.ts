/**
 * The session's log while it records: events stamped in session time, the editor files' snapshots, and the
 * flush that hands what is buffered (events, and the live segment's level frames) to the write chain at
 * least every FLUSH_MS. A crash loses at most that much of the log.
 */
import type { SessionEvent, SessionFile } from '../core/session/types';
import type { LevelBatch } from '../storage/db';
import { EventLogWriter } from './eventLogWriter';
import { sessionTime } from './lifecycle';
import type { RecorderContext } from './recorderContext';
import type { UnstampedEvent } from './recorderState';

/** Events and levels reach IndexedDB at most this long after they happen (the contract is 1 s). */
export const FLUSH_MS = 500;

export class RecordingLog {
  private readonly writer: EventLogWriter;
  private stopTimer: (() => void) | null = null;

  constructor(
    private readonly ctx: RecorderContext,
    /** The live audio segment's level frames placed since the last call, as batches to store. */
    private readonly takeLevelBatches: (sessionId: string) => LevelBatch[],
  ) {
    this.writer = new EventLogWriter((sessionId, seq, events) => ctx.ports.storage.appendSessionEvents(sessionId, seq, events));
  }

  /** A new log, or the continuation of one whose batches end before `seq`. */
  reset(seq: number): void {
    this.writer.reset(seq);
  }

  /** Records an event now, or at the earlier wall-clock time `at` (clamped to the log's last time; no-op unless a session is recording). */
  record(event: UnstampedEvent, at?: number): void {
    if (this.ctx.state.phase !== 'recording') return;
    this.writer.push({ ...event, t: this.stamp(at) } as SessionEvent);
  }

  /**
   * The editor files' text now (every path given), or at `atStart` the text the session starts with:
   * stamped 0, not the millisecond or more a busy machine takes between creating the record and getting
   * here, so the code at the session's first moment is the starting code.
   */
  snapshot(texts: Partial<Record<SessionFile, string>>, atStart = false): void {
    for (const [file, text] of Object.entries(texts)) {
      if (typeof text !== 'string') continue;
      if (atStart && this.ctx.state.phase === 'recording') this.writer.push({ type: 'snapshot', file, text, t: this.writer.stamp(0) });
      else this.record({ type: 'snapshot', file, text });
    }
  }

  /** Writes what is buffered now (also called on pagehide, so a closing tab loses as little as possible). */
  flush(): void {
    const session = this.ctx.state.session;
    if (!session) return;
    const events = this.writer.take();
    if (events.length > 0 || this.writer.hasUnsaved()) this.ctx.writes.enqueue(() => this.writer.write(session.id, events));
    for (const batch of this.takeLevelBatches(session.id)) this.ctx.writes.enqueue(() => this.ctx.ports.storage.appendLevels(batch));
  }

  startFlushing(): void {
    this.stopFlushing();
    this.stopTimer = this.ctx.ports.clock.every(FLUSH_MS, () => this.flush());
  }

  stopFlushing(): void {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  private stamp(at?: number): number {
    const session = this.ctx.state.session;
    const now = this.ctx.ports.clock.now();
    return this.writer.stamp(session ? sessionTime(session, at === undefined ? now : Math.min(at, now)) : 0);
  }
}
