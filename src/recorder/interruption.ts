/**
 * Sessions cut off before Finish. The record stays `recording` in IndexedDB while its tab lives, so a page
 * that opens the problem and finds one knows the tab that wrote it died: it is marked interrupted and
 * offered to resume (the same log, audio in a new segment) or finish. Leaving the workspace while
 * recording stops like a closed tab, but measured while the page still lives.
 */
import type { SessionFile, SessionRecord } from '../core/session/types';
import type { AudioSegments } from './audioSegments';
import { measureInterruptedSession } from './finaliseSession';
import { findUnfinished, markInterrupted, resumeRecord } from './lifecycle';
import type { RecorderContext } from './recorderContext';
import type { RecordingLog } from './recordingLog';

export class Interruption {
  constructor(
    private readonly ctx: RecorderContext,
    private readonly log: RecordingLog,
    private readonly audio: AudioSegments,
  ) {}

  /**
   * The workspace of `problemId` opened: look for a session the previous page left unfinished. When the
   * phase clock is already finished, the newest finished session is shown instead (its review).
   */
  async attach(problemId: string, options: { clockFinished: boolean }): Promise<void> {
    const { ctx } = this;
    // The user kept this problem's session recording while on other pages: it simply goes on.
    if (ctx.problemId === problemId && ctx.state.phase === 'recording') return;
    if (ctx.problemId !== problemId && ctx.state.phase !== 'idle') await this.detach();
    ctx.problemId = problemId;
    ctx.set({ ...ctx.initialState(), timerRunning: false });
    let sessions: SessionRecord[];
    try {
      sessions = await ctx.ports.storage.listSessions(problemId);
    } catch (e) {
      ctx.set({ error: `Could not read your recorded sessions: ${String(e)}` });
      return;
    }
    if (ctx.problemId !== problemId) return;
    const unfinished = findUnfinished(sessions, problemId);
    if (unfinished) {
      const interrupted = markInterrupted(unfinished);
      if (interrupted !== unfinished) await ctx.ports.storage.saveSession(interrupted).catch(() => undefined);
      ctx.set({ phase: 'interrupted', session: interrupted });
      return;
    }
    const newest = sessions[0];
    if (options.clockFinished && newest?.status === 'finished') ctx.set({ phase: 'finished', session: newest });
  }

  /** The workspace closes (navigation inside the app): stop like a closed tab, resumable later. */
  async detach(): Promise<void> {
    const { ctx } = this;
    const { phase, session } = ctx.state;
    if (phase === 'recording' && session) {
      await this.audio.stop();
      this.log.flush();
      await ctx.writes.settled();
      const interrupted = markInterrupted(session);
      await ctx.ports.storage.saveSession(interrupted).catch(() => undefined);
      // Measured while the page lives, so the library and the replay show its real length and audio.
      await measureInterruptedSession(ctx.ports.storage, interrupted).catch(() => undefined);
    }
    this.log.stopFlushing();
    // A batch that failed to write belongs to this session: it must never go first in another's log.
    this.log.reset(0);
    ctx.problemId = null;
    ctx.set(ctx.initialState());
  }

  /** Continue the interrupted session: same log, audio in a new segment. */
  async resume(input: { texts: Partial<Record<SessionFile, string>>; timerRunning: boolean }): Promise<void> {
    const { ctx } = this;
    const { session, phase } = ctx.state;
    if (phase !== 'interrupted' || !session) return;
    const capture = ctx.ports.capture.prepare();
    const seq = await ctx.ports.storage.nextEventSeq(session.id).catch(() => 0);
    this.log.reset(seq);
    const resumed = resumeRecord(session);
    ctx.set({
      phase: 'recording',
      session: resumed,
      mic: 'requesting',
      muted: false,
      timerRunning: input.timerRunning,
      paused: false,
      storageFull: false,
    });
    ctx.persistRecord();
    // The log may have lost its last second: a snapshot makes the replay exact again from here on.
    const nextSegment = resumed.audio ? Math.max(...resumed.audio.segments.map((s) => s.index)) + 1 : 0;
    this.log.record({ type: 'resumed-after-interruption', segment: nextSegment });
    this.log.snapshot(input.texts);
    this.log.startFlushing();
    void this.audio.start(capture);
  }
}
