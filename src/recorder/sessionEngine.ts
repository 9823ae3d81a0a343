/**
 * The session recorder: owns the current session's record, its event log, the microphone and the live
 * silence detector, and writes everything to IndexedDB as it happens (events and levels at least every
 * FLUSH_MS, audio chunk by chunk). No React: the UI reads `recorder.store` (a vanilla zustand store) and
 * the workspace calls the methods.
 *
 * This class is the facade and the session's phases (start, finish); the work is done by its parts, each
 * with one job, sharing a RecorderContext: RecordingLog (events, snapshots, the flush), AudioSegments (the
 * microphone in segments, chunks, levels, the meter and the nudge), Interruption (attach, leave, resume).
 * What they need from outside comes through the ports (ports.ts; the real ones in createSessionEngine.ts).
 *
 * Crash safety: the record stays `recording` in IndexedDB while the tab lives; a page that opens and
 * finds such a record knows the tab that wrote it died, and offers to resume (a new audio segment) or
 * finish it. At most FLUSH_MS of events and one MediaRecorder timeslice of audio are lost.
 */
import type { Language } from '../core/problems/language';
import type { SessionFile, TextChange } from '../core/session/types';
import type { PhasePlan } from '../core/timer/protocols';
import { AudioSegments } from './audioSegments';
import { finaliseSession } from './finaliseSession';
import { Interruption } from './interruption';
import { newSessionRecord } from './lifecycle';
import { LEVEL_FRAME_MS } from './liveSilence';
import type { RecorderPorts } from './ports';
import { RecorderContext } from './recorderContext';
import type { RecorderState, RecorderStore, UnstampedEvent } from './recorderState';
import { RecordingLog } from './recordingLog';

export type { MicState, RecorderPhase, RecorderState, UnstampedEvent } from './recorderState';

export class SessionEngine {
  readonly store: RecorderStore;
  private readonly ctx: RecorderContext;
  private readonly recording: RecordingLog;
  private readonly audio: AudioSegments;
  private readonly interruption: Interruption;
  /** The finish in progress, so a second finish() waits for it instead of returning at once. */
  private finishing: Promise<void> | null = null;

  constructor(ports: RecorderPorts) {
    this.ctx = new RecorderContext(ports, (e) => this.onWriteError(e));
    this.store = this.ctx.store;
    this.audio = new AudioSegments(this.ctx, { record: (event) => this.log(event), flush: () => this.flush() });
    this.recording = new RecordingLog(this.ctx, (sessionId) => this.audio.takeLevelBatches(sessionId));
    this.interruption = new Interruption(this.ctx, this.recording, this.audio);
  }

  private get state(): RecorderState {
    return this.ctx.state;
  }

  /**
   * The workspace of `problemId` opened: look for a session the previous page left unfinished. When the
   * phase clock is already finished, the newest finished session is shown instead (its review).
   */
  attach(problemId: string, options: { clockFinished: boolean }): Promise<void> {
    return this.interruption.attach(problemId, options);
  }

  /** The workspace closes (navigation inside the app): stop like a closed tab, resumable later. */
  detach(): Promise<void> {
    return this.interruption.detach();
  }

  /** Start a new session (the user pressed Start). `texts`: the editor files' current text, by path. */
  start(input: {
    problemId: string;
    /** The code's language (absent: TypeScript). */
    language?: Language;
    protocolId: string;
    phases: PhasePlan[];
    texts: Partial<Record<SessionFile, string>>;
    timerRunning: boolean;
    /** A codebase problem's Requirement-2 features chosen for this session. */
    features?: string[];
  }): void {
    if (this.state.phase === 'recording' || this.state.phase === 'finishing') return;
    const { ports } = this.ctx;
    const capture = ports.capture.prepare();
    const record = newSessionRecord({
      id: ports.clock.newId(),
      problemId: input.problemId,
      protocolId: input.protocolId,
      phases: input.phases,
      now: ports.clock.now(),
      silenceThresholdMs: this.state.silenceThresholdMs,
      levelFrameMs: LEVEL_FRAME_MS,
      ...(input.language ? { language: input.language } : {}),
      ...(input.features ? { features: input.features } : {}),
    });
    this.ctx.problemId = input.problemId;
    this.recording.reset(0);
    this.ctx.set({
      phase: 'recording',
      session: record,
      mic: 'requesting',
      muted: false,
      timerRunning: input.timerRunning,
      paused: false,
      storageFull: false,
      error: null,
    });
    this.ctx.persistRecord();
    this.recording.snapshot(input.texts, true);
    this.recording.startFlushing();
    void this.audio.start(capture);
  }

  /** Continue the interrupted session: same log, audio in a new segment. */
  resumeInterrupted(input: { texts: Partial<Record<SessionFile, string>>; timerRunning: boolean }): Promise<void> {
    return this.interruption.resume(input);
  }

  /**
   * Stop everything, finalise the audio and the silences, and show the finished session. A second call
   * while the first is still finishing waits for it (ending the clock starts the finish, and "End and save"
   * must not leave the page before the session is stored as finished).
   */
  finish(): Promise<void> {
    if (this.state.phase === 'finishing' && this.finishing) return this.finishing;
    const finishing = this.finishNow();
    this.finishing = finishing;
    void finishing.finally(() => {
      if (this.finishing === finishing) this.finishing = null;
    });
    return finishing;
  }

  private async finishNow(): Promise<void> {
    const { session, phase } = this.state;
    if (!session || (phase !== 'recording' && phase !== 'interrupted')) return;
    // The session ends when the user ends it, not when the audio has been stopped and written (seconds later on a busy machine).
    const endedAt = this.ctx.ports.clock.now();
    this.ctx.set({ phase: 'finishing', nudge: false, paused: false });
    await this.audio.settled(); // a Resume's microphone still opening is stopped below, not left on
    await this.audio.stop();
    this.flush();
    this.recording.stopFlushing();
    await this.ctx.writes.settled();
    try {
      const finished = await finaliseSession(this.ctx.ports.storage, this.state.session ?? session, endedAt);
      this.ctx.set({ phase: 'finished', session: finished, mic: 'off' });
    } catch (e) {
      this.ctx.set({ phase: 'finished', error: `The session was saved, but finishing its audio failed: ${String(e)}` });
    }
  }

  /**
   * Record an event now, or at `at` (a wall-clock time that has passed: a Send logged when its answer came),
   * never before an event already logged (no-op unless a session is recording).
   */
  log(event: UnstampedEvent, at?: number): void {
    this.recording.record(event, at);
  }

  /** One batch of Monaco's changes to the file at `file` (offsets against the text before it). */
  edit(file: SessionFile, changes: TextChange[]): void {
    if (changes.length > 0) this.log({ type: 'edit', file, changes });
  }

  setMuted(muted: boolean): void {
    if (this.state.muted === muted) return;
    this.audio.setMuted(muted);
    this.ctx.set({ muted, nudge: false });
    this.log({ type: 'mute', muted });
  }

  /** Pause stops the microphone (its segment ends); Resume opens it again in a new segment. */
  setPaused(paused: boolean): void {
    if (this.state.phase !== 'recording' || this.state.paused === paused) return;
    this.ctx.set({ paused, nudge: false });
    if (paused) this.audio.pause();
    else this.audio.resume();
  }

  setTimerRunning(running: boolean): void {
    this.ctx.set({ timerRunning: running, ...(running ? {} : { nudge: false }) });
  }

  setSilenceThreshold(ms: number): void {
    const clamped = Math.min(10 * 60_000, Math.max(5_000, Math.round(ms)));
    this.ctx.ports.storage.saveSilenceThreshold(clamped);
    this.ctx.set({ silenceThresholdMs: clamped });
    const { session } = this.state;
    if (session && this.state.phase === 'recording') {
      this.ctx.set({ session: { ...session, silenceThresholdMs: clamped } });
      this.ctx.persistRecord();
    }
  }

  /** The silence nudge's on/off switch (the setting itself is saved by the interview settings). */
  setSilenceNudgeEnabled(on: boolean): void {
    this.ctx.set({ silenceNudgeOn: on, ...(on ? {} : { nudge: false }) });
  }

  dismissNudge(): void {
    this.ctx.set({ nudge: false });
  }

  /** Write what is buffered now (also called on pagehide, so a closing tab loses as little as possible). */
  flush(): void {
    this.recording.flush();
  }

  /** A write failed: a full disk stops the audio (the big writer) and keeps the session going, so the small log may still fit. */
  private onWriteError(e: unknown): void {
    if (this.ctx.ports.storage.isQuotaError(e)) {
      if (this.state.storageFull) return;
      this.ctx.set({ storageFull: true });
      void this.audio.stop('quota');
      return;
    }
    this.ctx.set({ error: `Could not save the recording: ${String(e)}` });
  }
}
