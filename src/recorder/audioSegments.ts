/**
 * The microphone, recorded in segments: Start (or a resume) opens it into a new segment, Pause and a
 * full disk stop it, and each segment's audio chunks and level frames are numbered and written as they
 * come. The level frames also drive the live meter and the silence nudge.
 *
 * A segment starts when its recorder did, so its audio, levels and silences count from there; audio
 * records silence while muted, so a segment's audio time stays its session time.
 */
import type { LevelMessage } from '../core/audio/levelProtocol';
import type { LevelBatch } from '../storage/db';
import { addAudioSegment, sessionTime, shouldNudge, withAudioOff, type AudioOffReason } from './lifecycle';
import { LiveSegment } from './liveSegment';
import { LEVEL_FRAME_MS } from './liveSilence';
import type { PreparedCapture } from './ports';
import type { RecorderContext } from './recorderContext';
import type { UnstampedEvent } from './recorderState';
import { SegmentLevels } from './segmentLevels';

/** The meter does not need every frame; fewer store updates keep typing smooth. */
export const METER_UPDATE_MS = 100;

export class AudioSegments {
  private live: LiveSegment | null = null;
  /** Pause and Resume stop and start the microphone in the order they were asked for. */
  private changes: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: RecorderContext,
    private readonly log: { record(event: UnstampedEvent): void; flush(): void },
  ) {}

  /** Opens the microphone (prepared in the user's click) into a new segment of the recording session. */
  async start(capture: PreparedCapture): Promise<void> {
    const { ctx } = this;
    const sessionId = ctx.state.session?.id;
    // Frames that come while the segment is being set up wait here, so none is lost at the start.
    const early: LevelMessage[] = [];
    const result = await capture.open(LEVEL_FRAME_MS, {
      onChunk: (blob) => this.onChunk(blob),
      onLevel: (message) => (this.live ? this.onLevel(message) : early.push(message)),
      onFailure: (reason) => void this.stop(reason),
    });
    const session = ctx.state.session;
    if (!session || session.id !== sessionId || ctx.state.phase !== 'recording' || ctx.state.paused) {
      if (result.ok) await result.mic.stop();
      else capture.release();
      return;
    }
    if (!result.ok) {
      capture.release();
      ctx.set({ mic: result.reason, session: withAudioOff(session, result.reason) });
      ctx.persistRecord();
      return;
    }
    // The segment starts when the recorder did: its audio, its levels and its silences count from there.
    const { record, segment } = addAudioSegment(session, result.mic.mimeType, sessionTime(session, result.mic.startedAtMs));
    const { storage, capture: port, clock } = ctx.ports;
    const [nextChunkSeq, nextLevelSeq] = await Promise.all([
      storage.nextAudioSeq(session.id, segment).catch(() => 0),
      storage.nextLevelSeq(session.id, segment).catch(() => 0),
    ]);
    const levels =
      result.mic.sampleRate === null
        ? null
        : new SegmentLevels({
            sampleRate: result.mic.sampleRate,
            frameMs: LEVEL_FRAME_MS,
            dropPlan: port.frameDropPlan(),
            now: () => clock.now(),
          });
    this.live = new LiveSegment({ mic: result.mic, index: segment, nextChunkSeq, nextLevelSeq, levels });
    for (const message of early.splice(0)) this.onLevel(message);
    result.mic.setMuted(ctx.state.muted);
    ctx.set({ mic: 'on', session: record });
    ctx.persistRecord();
  }

  /** Stops the microphone and ends its segment; with a reason, the audio is off for the rest of the session. */
  async stop(reason?: AudioOffReason): Promise<void> {
    const live = this.live;
    if (!live) return;
    await live.mic.stop();
    // Chunks and levels that arrived during stop went through `onChunk`/`onLevel` while `this.live` was
    // still set; place the frames held for look-ahead and write them before letting go of the segment.
    live.levels?.end();
    this.log.flush();
    this.live = null;
    const session = this.ctx.state.session;
    if (reason && session) {
      this.ctx.set({ mic: reason, session: withAudioOff(session, reason), levelDb: -Infinity, speaking: false, nudge: false });
      this.ctx.persistRecord();
    } else {
      this.ctx.set({ mic: 'off', levelDb: -Infinity, speaking: false });
    }
  }

  /** Pause: the segment ends once any change asked for before has happened. */
  pause(): void {
    this.changes = this.changes.then(() => this.stop());
  }

  /** Resume: a new segment, unless the session was paused again or ended before the microphone's turn came. */
  resume(): void {
    // Prepared in the click's task: an AudioContext made later may start suspended (autoplay policy).
    const capture = this.ctx.ports.capture.prepare();
    this.changes = this.changes.then(() => {
      if (this.ctx.state.paused || this.ctx.state.phase !== 'recording') return capture.release();
      return this.start(capture);
    });
  }

  /** Resolves once every Pause and Resume asked for so far has stopped or started the microphone. */
  settled(): Promise<void> {
    return this.changes;
  }

  setMuted(muted: boolean): void {
    this.live?.mic.setMuted(muted);
  }

  /** The live segment's level frames placed since the last call, as batches to store. */
  takeLevelBatches(sessionId: string): LevelBatch[] {
    return this.live?.takeLevelBatches(sessionId) ?? [];
  }

  private onChunk(blob: Blob): void {
    const live = this.live;
    const session = this.ctx.state.session;
    if (!live || !session || this.ctx.state.storageFull) return;
    const chunk = live.chunk(session.id, sessionTime(session, this.ctx.ports.clock.now()), blob);
    this.ctx.writes.enqueue(() => this.ctx.ports.storage.appendAudioChunk(chunk));
  }

  private onLevel(message: LevelMessage): void {
    const live = this.live;
    if (!live?.levels) return;
    const db = message.db;
    live.levels.push(message);
    // The detector runs on the placed frames (the look-ahead keeps them under half a second behind).
    const speaking = live.levels.silence.isSpeaking();
    const silenceMs = live.levels.silence.currentSilenceMs();
    if (speaking) live.nudgedThisSilence = false;
    const { timerRunning, muted, silenceThresholdMs, nudge, silenceNudgeOn } = this.ctx.state;
    if (
      silenceNudgeOn &&
      shouldNudge({ silenceMs, thresholdMs: silenceThresholdMs, timerRunning, micLive: !muted, nudgedThisSilence: live.nudgedThisSilence })
    ) {
      live.nudgedThisSilence = true;
      this.ctx.set({ nudge: true });
      this.log.record({ type: 'nudge', kind: 'silence', silenceMs: Math.round(silenceMs) });
    } else if (nudge && speaking) {
      this.ctx.set({ nudge: false });
    }
    const now = this.ctx.ports.clock.monotonic();
    if (now - live.lastMeterUpdate >= METER_UPDATE_MS) {
      live.lastMeterUpdate = now;
      this.ctx.set({ levelDb: db, speaking, silenceMs });
    }
  }
}
