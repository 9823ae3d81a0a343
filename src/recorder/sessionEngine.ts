/**
 * The session recorder: owns the current session's record, its event log buffer, the microphone and
 * the live silence detector, and writes everything to IndexedDB as it happens (events and levels at
 * least every FLUSH_MS, audio chunk by chunk). No React: the UI reads `recorder.store` (a vanilla
 * zustand store) and the workspace calls the methods.
 *
 * Crash safety: the record stays `recording` in IndexedDB while the tab lives; a page that opens and
 * finds such a record knows the tab that wrote it died, and offers to resume (a new audio segment) or
 * finish it. At most FLUSH_MS of events and one MediaRecorder timeslice of audio are lost.
 */
import type { Language } from '../core/problems/language';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PhasePlan } from '../core/timer/protocols';
import type { SessionEvent, SessionFile, SessionRecord, TextChange } from '../core/session/types';
import type { LevelMessage } from '../core/audio/levelProtocol';
import type { Microphone } from './audio/microphone';
import { EventLogWriter } from './eventLogWriter';
import { finaliseSession, measureInterruptedSession } from './finaliseSession';
import {
  addAudioSegment,
  findUnfinished,
  markInterrupted,
  newSessionRecord,
  resumeRecord,
  sessionTime,
  shouldNudge,
  withAudioOff,
  type AudioOffReason,
} from './lifecycle';
import { LEVEL_FRAME_MS, storedLevel } from './liveSilence';
import type { PreparedCapture, RecorderPorts, RecorderStorage } from './ports';
import { SegmentLevels } from './segmentLevels';

/** Events and levels reach IndexedDB at most this long after they happen (the contract is 1 s). */
const FLUSH_MS = 500;
/** The meter does not need every frame; fewer store updates keep typing smooth. */
const METER_UPDATE_MS = 100;

export type RecorderPhase = 'idle' | 'recording' | 'interrupted' | 'finishing' | 'finished';
export type MicState = 'off' | 'requesting' | 'on' | AudioOffReason;

export interface RecorderState {
  phase: RecorderPhase;
  session: SessionRecord | null;
  mic: MicState;
  muted: boolean;
  timerRunning: boolean;
  /**
   * The user paused the session: the microphone is off until Resume, which records into a new audio
   * segment. A segment's audio time stays its session time, so the pause is a gap between segments (no
   * audio, no levels, no silence) rather than audio that would no longer line up with the log.
   */
  paused: boolean;
  levelDb: number;
  speaking: boolean;
  /** Current silence while the microphone is live, ms. */
  silenceMs: number;
  nudge: boolean;
  silenceThresholdMs: number;
  /** The user's switch for the silence nudge (interview settings); off means silences are only recorded. */
  silenceNudgeOn: boolean;
  /** Set when a write failed for lack of space: recording stopped, this says what to do. */
  storageFull: boolean;
  error: string | null;
}

/** Any session event, before the recorder stamps its time. */
export type UnstampedEvent = SessionEvent extends infer E ? (E extends SessionEvent ? Omit<E, 't'> : never) : never;

const initialState = (storage: RecorderStorage): RecorderState => ({
  phase: 'idle',
  session: null,
  mic: 'off',
  muted: false,
  timerRunning: false,
  paused: false,
  levelDb: -Infinity,
  speaking: false,
  silenceMs: 0,
  nudge: false,
  silenceThresholdMs: storage.loadSilenceThreshold(),
  silenceNudgeOn: storage.loadSilenceNudgeOn(),
  storageFull: false,
  error: null,
});

interface LiveAudio {
  mic: Microphone;
  segment: number;
  nextChunkSeq: number;
  nextLevelSeq: number;
  /** Frames placed on the segment's audio timeline, the live silence detector, and what is not yet written. */
  levels: SegmentLevels | null;
  nudgedThisSilence: boolean;
  lastMeterUpdate: number;
}

export class SessionEngine {
  /** The finish in progress, so a second finish() waits for it instead of returning at once. */
  private finishing: Promise<void> | null = null;
  readonly store: StoreApi<RecorderState>;

  private problemId: string | null = null;
  private readonly eventLog: EventLogWriter;
  private audio: LiveAudio | null = null;
  /** Every write goes through this chain, so batches land in order and Finish can wait for them. */
  private writes: Promise<void> = Promise.resolve();
  private stopFlushTimer: (() => void) | null = null;
  /** Pause and Resume stop and start the microphone in the order they were asked for. */
  private audioChange: Promise<void> = Promise.resolve();
  private readonly storage: RecorderStorage;

  constructor(private readonly ports: RecorderPorts) {
    this.storage = ports.storage;
    this.store = createStore<RecorderState>()(() => initialState(ports.storage));
    this.eventLog = new EventLogWriter((sessionId, seq, events) => ports.storage.appendSessionEvents(sessionId, seq, events));
  }

  private now(): number {
    return this.ports.clock.now();
  }

  private get state(): RecorderState {
    return this.store.getState();
  }

  private set(patch: Partial<RecorderState>): void {
    this.store.setState(patch);
  }

  /**
   * The workspace of `problemId` opened: look for a session the previous page left unfinished. When the
   * phase clock is already finished, the newest finished session is shown instead (its review).
   */
  async attach(problemId: string, options: { clockFinished: boolean }): Promise<void> {
    // The user kept this problem's session recording while on other pages: it simply goes on.
    if (this.problemId === problemId && this.state.phase === 'recording') return;
    if (this.problemId !== problemId && this.state.phase !== 'idle') await this.detach();
    this.problemId = problemId;
    this.set({ ...initialState(this.storage), timerRunning: false });
    let sessions: SessionRecord[];
    try {
      sessions = await this.storage.listSessions(problemId);
    } catch (e) {
      this.set({ error: `Could not read your recorded sessions: ${String(e)}` });
      return;
    }
    if (this.problemId !== problemId) return;
    const unfinished = findUnfinished(sessions, problemId);
    if (unfinished) {
      const interrupted = markInterrupted(unfinished);
      if (interrupted !== unfinished) await this.storage.saveSession(interrupted).catch(() => undefined);
      this.set({ phase: 'interrupted', session: interrupted });
      return;
    }
    const newest = sessions[0];
    if (options.clockFinished && newest?.status === 'finished') this.set({ phase: 'finished', session: newest });
  }

  /** The workspace closes (navigation inside the app): stop like a closed tab, resumable later. */
  async detach(): Promise<void> {
    const { phase, session } = this.state;
    if (phase === 'recording' && session) {
      await this.stopAudio();
      this.flush();
      await this.writes;
      const interrupted = markInterrupted(session);
      await this.storage.saveSession(interrupted).catch(() => undefined);
      // Measured while the page lives, so the library and the replay show its real length and audio.
      await measureInterruptedSession(this.storage, interrupted).catch(() => undefined);
    }
    this.stopFlushing();
    this.problemId = null;
    this.set(initialState(this.storage));
  }

  /** Start a new session (the user pressed Start). `texts`: the editor files' current text. */
  start(input: {
    problemId: string;
    /** The code's language (absent: TypeScript). */
    language?: Language;
    protocolId: string;
    phases: PhasePlan[];
    texts: Partial<Record<SessionFile, string>>;
    timerRunning: boolean;
  }): void {
    if (this.state.phase === 'recording' || this.state.phase === 'finishing') return;
    const capture = this.ports.capture.prepare();
    const record = newSessionRecord({
      id: this.ports.clock.newId(),
      problemId: input.problemId,
      protocolId: input.protocolId,
      phases: input.phases,
      now: this.now(),
      silenceThresholdMs: this.state.silenceThresholdMs,
      levelFrameMs: LEVEL_FRAME_MS,
      ...(input.language ? { language: input.language } : {}),
    });
    this.problemId = input.problemId;
    this.eventLog.reset(0);
    this.set({
      phase: 'recording',
      session: record,
      mic: 'requesting',
      muted: false,
      timerRunning: input.timerRunning,
      paused: false,
      storageFull: false,
      error: null,
    });
    this.persistRecord();
    this.snapshot(input.texts, true);
    this.startFlushing();
    void this.startAudio(capture);
  }

  /** Continue the interrupted session: same log, audio in a new segment. */
  async resumeInterrupted(input: { texts: Partial<Record<SessionFile, string>>; timerRunning: boolean }): Promise<void> {
    const { session, phase } = this.state;
    if (phase !== 'interrupted' || !session) return;
    const capture = this.ports.capture.prepare();
    const seq = await this.storage.nextEventSeq(session.id).catch(() => 0);
    this.eventLog.reset(seq);
    const resumed = resumeRecord(session);
    this.set({
      phase: 'recording',
      session: resumed,
      mic: 'requesting',
      muted: false,
      timerRunning: input.timerRunning,
      paused: false,
      storageFull: false,
    });
    this.persistRecord();
    // The log may have lost its last second: a snapshot makes the replay exact again from here on.
    const nextSegment = resumed.audio ? Math.max(...resumed.audio.segments.map((s) => s.index)) + 1 : 0;
    this.log({ type: 'resumed-after-interruption', segment: nextSegment });
    this.snapshot(input.texts);
    this.startFlushing();
    void this.startAudio(capture);
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
    const endedAt = this.now();
    this.set({ phase: 'finishing', nudge: false, paused: false });
    await this.audioChange; // a Resume's microphone still opening is stopped below, not left on
    await this.stopAudio();
    this.flush();
    this.stopFlushing();
    await this.writes;
    try {
      const finished = await finaliseSession(this.storage, this.state.session ?? session, endedAt);
      this.set({ phase: 'finished', session: finished, mic: 'off' });
    } catch (e) {
      this.set({ phase: 'finished', error: `The session was saved, but finishing its audio failed: ${String(e)}` });
    }
  }

  /** Record an event now (no-op unless a session is recording). */
  log(event: UnstampedEvent): void {
    if (this.state.phase !== 'recording') return;
    const stamped = { ...event, t: this.stamp() } as SessionEvent;
    this.eventLog.push(stamped);
  }

  /** One batch of Monaco's changes (offsets against the text before it). */
  edit(file: SessionFile, changes: TextChange[]): void {
    if (changes.length > 0) this.log({ type: 'edit', file, changes });
  }

  setMuted(muted: boolean): void {
    if (this.state.muted === muted) return;
    this.audio?.mic.setMuted(muted);
    this.set({ muted, nudge: false });
    this.log({ type: 'mute', muted });
  }

  /** Pause stops the microphone (its segment ends); Resume opens it again in a new segment. */
  setPaused(paused: boolean): void {
    if (this.state.phase !== 'recording' || this.state.paused === paused) return;
    this.set({ paused, nudge: false });
    if (paused) {
      this.audioChange = this.audioChange.then(() => this.stopAudio());
      return;
    }
    // Made in the click's task: an AudioContext made later may start suspended (autoplay policy).
    const capture = this.ports.capture.prepare();
    this.audioChange = this.audioChange.then(() => {
      if (this.state.paused || this.state.phase !== 'recording') return capture.release();
      return this.startAudio(capture);
    });
  }

  setTimerRunning(running: boolean): void {
    this.set({ timerRunning: running, ...(running ? {} : { nudge: false }) });
  }

  setSilenceThreshold(ms: number): void {
    const clamped = Math.min(10 * 60_000, Math.max(5_000, Math.round(ms)));
    this.storage.saveSilenceThreshold(clamped);
    this.set({ silenceThresholdMs: clamped });
    const { session } = this.state;
    if (session && this.state.phase === 'recording') {
      this.set({ session: { ...session, silenceThresholdMs: clamped } });
      this.persistRecord();
    }
  }

  /** The silence nudge's on/off switch (the setting itself is saved by the interview settings). */
  setSilenceNudgeEnabled(on: boolean): void {
    this.set({ silenceNudgeOn: on, ...(on ? {} : { nudge: false }) });
  }

  dismissNudge(): void {
    this.set({ nudge: false });
  }

  /** Write what is buffered now (also called on pagehide, so a closing tab loses as little as possible). */
  flush(): void {
    const session = this.state.session;
    if (!session) return;
    const events = this.eventLog.take();
    if (events.length > 0 || this.eventLog.hasUnsaved()) this.enqueue(() => this.eventLog.write(session.id, events));
    const audio = this.audio;
    for (const run of audio?.levels?.take() ?? []) {
      const batch = {
        sessionId: session.id,
        segment: audio!.segment,
        seq: audio!.nextLevelSeq++,
        startFrame: run.startSlot,
        db: run.db.map(storedLevel),
        voiceDb: run.voiceDb.map(storedLevel),
        periodicity: run.periodicity.map((p) => Math.round(p * 100) / 100),
      };
      this.enqueue(() => this.storage.appendLevels(batch));
    }
  }

  // ─── internals ──────────────────────────────────────────────────────────────────────────────────

  private stamp(): number {
    const session = this.state.session;
    return this.eventLog.stamp(session ? sessionTime(session, this.now()) : 0);
  }

  /**
   * The editor files' text now, or at `atStart` the text the session starts with: stamped 0, not the
   * millisecond or more a busy machine takes between creating the record and getting here, so the code at
   * the session's first moment is the starting code.
   */
  private snapshot(texts: Partial<Record<SessionFile, string>>, atStart = false): void {
    for (const [file, text] of Object.entries(texts) as [SessionFile, string | undefined][]) {
      if (typeof text !== 'string') continue;
      if (atStart && this.state.phase === 'recording') this.eventLog.push({ type: 'snapshot', file, text, t: this.eventLog.stamp(0) });
      else this.log({ type: 'snapshot', file, text });
    }
  }

  private persistRecord(): void {
    const session = this.state.session;
    if (session) this.enqueue(() => this.storage.saveSession(session));
  }

  private enqueue(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((e: unknown) => this.onWriteError(e));
  }

  private onWriteError(e: unknown): void {
    if (this.storage.isQuotaError(e)) {
      if (this.state.storageFull) return;
      this.set({ storageFull: true });
      // Stop the big writer (audio); keep the session going so the small event log may still fit.
      void this.stopAudio('quota');
      return;
    }
    this.set({ error: `Could not save the recording: ${String(e)}` });
  }

  private startFlushing(): void {
    this.stopFlushing();
    this.stopFlushTimer = this.ports.clock.every(FLUSH_MS, () => this.flush());
  }

  private stopFlushing(): void {
    this.stopFlushTimer?.();
    this.stopFlushTimer = null;
  }

  private async startAudio(capture: PreparedCapture): Promise<void> {
    const sessionId = this.state.session?.id;
    // Frames that come while the segment is being set up wait here, so none is lost at the start.
    const early: LevelMessage[] = [];
    const result = await capture.open(LEVEL_FRAME_MS, {
      onChunk: (blob) => this.onChunk(blob),
      onLevel: (message) => (this.audio ? this.onLevel(message) : early.push(message)),
      onFailure: (reason) => void this.stopAudio(reason),
    });
    const session = this.state.session;
    if (!session || session.id !== sessionId || this.state.phase !== 'recording' || this.state.paused) {
      if (result.ok) await result.mic.stop();
      else capture.release();
      return;
    }
    if (!result.ok) {
      capture.release();
      this.set({ mic: result.reason, session: withAudioOff(session, result.reason) });
      this.persistRecord();
      return;
    }
    // The segment starts when the recorder did: its audio, its levels and its silences count from there.
    const { record, segment } = addAudioSegment(session, result.mic.mimeType, sessionTime(session, result.mic.startedAtMs));
    const [chunkSeq, levelSeq] = await Promise.all([
      this.storage.nextAudioSeq(session.id, segment).catch(() => 0),
      this.storage.nextLevelSeq(session.id, segment).catch(() => 0),
    ]);
    this.audio = {
      mic: result.mic,
      segment,
      nextChunkSeq: chunkSeq,
      nextLevelSeq: levelSeq,
      levels:
        result.mic.sampleRate === null
          ? null
          : new SegmentLevels({
              sampleRate: result.mic.sampleRate,
              frameMs: LEVEL_FRAME_MS,
              dropPlan: this.ports.capture.frameDropPlan(),
              now: () => this.now(),
            }),
      nudgedThisSilence: false,
      lastMeterUpdate: 0,
    };
    for (const message of early.splice(0)) this.onLevel(message);
    result.mic.setMuted(this.state.muted);
    this.set({ mic: 'on', session: record });
    this.persistRecord();
  }

  private async stopAudio(reason?: AudioOffReason): Promise<void> {
    const audio = this.audio;
    if (!audio) return;
    await audio.mic.stop();
    // Chunks and levels that arrived during stop went through `onChunk`/`onLevel` while `this.audio` was
    // still set; place the frames held for look-ahead and write them before letting go of the segment.
    audio.levels?.end();
    this.flush();
    this.audio = null;
    const session = this.state.session;
    if (reason && session) {
      this.set({ mic: reason, session: withAudioOff(session, reason), levelDb: -Infinity, speaking: false, nudge: false });
      this.persistRecord();
    } else {
      this.set({ mic: 'off', levelDb: -Infinity, speaking: false });
    }
  }

  private onChunk(blob: Blob): void {
    const audio = this.audio;
    const session = this.state.session;
    if (!audio || !session || this.state.storageFull) return;
    const chunk = { sessionId: session.id, segment: audio.segment, seq: audio.nextChunkSeq++, t: sessionTime(session, this.now()), blob };
    this.enqueue(() => this.storage.appendAudioChunk(chunk));
  }

  private onLevel(message: LevelMessage): void {
    const audio = this.audio;
    if (!audio?.levels) return;
    const db = message.db;
    audio.levels.push(message);
    // The detector runs on the placed frames (the look-ahead keeps them under half a second behind).
    const speaking = audio.levels.silence.isSpeaking();
    const silenceMs = audio.levels.silence.currentSilenceMs();
    if (speaking) audio.nudgedThisSilence = false;
    const { timerRunning, muted, silenceThresholdMs, nudge, silenceNudgeOn } = this.state;
    if (
      silenceNudgeOn &&
      shouldNudge({ silenceMs, thresholdMs: silenceThresholdMs, timerRunning, micLive: !muted, nudgedThisSilence: audio.nudgedThisSilence })
    ) {
      audio.nudgedThisSilence = true;
      this.set({ nudge: true });
      this.log({ type: 'nudge', kind: 'silence', silenceMs: Math.round(silenceMs) });
    } else if (nudge && speaking) {
      this.set({ nudge: false });
    }
    const now = this.ports.clock.monotonic();
    if (now - audio.lastMeterUpdate >= METER_UPDATE_MS) {
      audio.lastMeterUpdate = now;
      this.set({ levelDb: db, speaking, silenceMs });
    }
  }
}
