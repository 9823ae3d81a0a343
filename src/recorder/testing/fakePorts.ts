/**
 * Fakes of the recorder's ports (ports.ts) for its unit tests: storage in memory that can be made full, a
 * microphone the test drives (grant or deny, chunks, level frames), and a clock the test moves.
 */
import type { LevelMessage } from '../../core/audio/levelProtocol';
import type { SessionEvent, SessionRecord } from '../../core/session/types';
import type { StoredSegmentAudio } from '../../storage/audio';
import type { AudioChunkRecord, LevelBatch } from '../../storage/db';
import { newSessionRecord, type AudioOffReason } from '../lifecycle';
import type { Microphone, MicrophoneHandlers, OpenResult } from '../audio/microphone';
import type { FrameDropPlan } from '../audio/testFrameDrops';
import type { AudioCapture, PreparedCapture, RecorderClock, RecorderPorts, RecorderStorage, StoredLevelFrames } from '../ports';

/** Every write the storage accepted, in order: what a test checks "nothing else was written" against. */
export type Write =
  | { kind: 'session'; record: SessionRecord }
  | { kind: 'events'; sessionId: string; seq: number; events: SessionEvent[] }
  | { kind: 'chunk'; chunk: AudioChunkRecord }
  | { kind: 'levels'; batch: LevelBatch }
  | { kind: 'replace-audio'; sessionId: string; segment: number };

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export class FakeStorage implements RecorderStorage {
  sessions = new Map<string, SessionRecord>();
  events: { sessionId: string; seq: number; events: SessionEvent[] }[] = [];
  chunks: AudioChunkRecord[] = [];
  levels: LevelBatch[] = [];
  writes: Write[] = [];
  /** While true every write fails as a full disk does. */
  full = false;
  /** Settings (localStorage). */
  silenceThresholdMs = 30_000;
  silenceNudgeOn = true;
  /** Writes held until `release()` (to look at the order of things mid-write). */
  private held: (() => void)[] | null = null;

  listSessions = async (problemId: string) =>
    [...this.sessions.values()].filter((s) => s.problemId === problemId).sort((a, b) => b.startedAt - a.startedAt);
  saveSession = (record: SessionRecord) => this.write({ kind: 'session', record: structuredClone(record) });
  appendSessionEvents = (sessionId: string, seq: number, events: SessionEvent[]) =>
    this.write({ kind: 'events', sessionId, seq, events: structuredClone(events) });
  nextEventSeq = async (sessionId: string) => nextSeq(this.events.filter((b) => b.sessionId === sessionId));
  appendAudioChunk = (chunk: AudioChunkRecord) => this.write({ kind: 'chunk', chunk });
  nextAudioSeq = async (sessionId: string, segment: number) => nextSeq(this.chunksOf(sessionId, segment));
  appendLevels = (batch: LevelBatch) => this.write({ kind: 'levels', batch: structuredClone(batch) });
  nextLevelSeq = async (sessionId: string, segment: number) =>
    nextSeq(this.levels.filter((b) => b.sessionId === sessionId && b.segment === segment));
  isQuotaError = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError';
  loadSilenceThreshold = () => this.silenceThresholdMs;
  saveSilenceThreshold = (ms: number) => {
    this.silenceThresholdMs = ms;
  };
  loadSilenceNudgeOn = () => this.silenceNudgeOn;

  loadSegmentAudio = async (sessionId: string, segment: number, mimeType: string): Promise<StoredSegmentAudio> => {
    const rows = this.chunksOf(sessionId, segment).sort((a, b) => a.seq - b.seq);
    return {
      blob: new Blob(
        rows.map((r) => r.blob),
        { type: mimeType },
      ),
      chunks: rows.length,
      lastChunkT: rows.length ? rows[rows.length - 1]!.t : null,
      final: rows.length === 1 && rows[0]!.final === true,
    };
  };

  loadSegmentLevelFrames = async (sessionId: string, segment: number): Promise<StoredLevelFrames> => {
    const batches = this.levels.filter((b) => b.sessionId === sessionId && b.segment === segment);
    const length = batches.reduce((max, b) => Math.max(max, b.startFrame + b.db.length), 0);
    const frames: StoredLevelFrames = { db: [], voiceDb: [], periodicity: [] };
    for (const list of Object.values(frames)) list.push(...new Array<null>(length).fill(null));
    for (const b of batches) {
      b.db.forEach((x, i) => (frames.db[b.startFrame + i] = x));
      (b.voiceDb ?? b.db).forEach((x, i) => (frames.voiceDb[b.startFrame + i] = x));
      b.periodicity?.forEach((x, i) => (frames.periodicity[b.startFrame + i] = x));
    }
    return frames;
  };

  replaceSegmentAudio = async (sessionId: string, segment: number, blob: Blob, t: number) => {
    await this.write({ kind: 'replace-audio', sessionId, segment });
    this.chunks = this.chunks.filter((c) => c.sessionId !== sessionId || c.segment !== segment);
    this.chunks.push({ sessionId, segment, seq: 0, t, blob, final: true });
  };

  /** Holds every write from now on until `release()`. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const go of held) go();
  }

  /** The record as last saved. */
  record(id: string): SessionRecord | undefined {
    return this.sessions.get(id);
  }

  /** Every event written for a session, in batch order. */
  loggedEvents(sessionId: string): SessionEvent[] {
    return this.events
      .filter((b) => b.sessionId === sessionId)
      .sort((a, b) => a.seq - b.seq)
      .flatMap((b) => b.events);
  }

  private chunksOf(sessionId: string, segment: number): AudioChunkRecord[] {
    return this.chunks.filter((c) => c.sessionId === sessionId && c.segment === segment);
  }

  private async write(write: Write): Promise<void> {
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    if (this.full) throw quotaError();
    this.writes.push(write);
    if (write.kind === 'session') this.sessions.set(write.record.id, write.record);
    if (write.kind === 'events') this.events.push(write);
    if (write.kind === 'chunk') this.chunks.push(write.chunk);
    if (write.kind === 'levels') this.levels.push(write.batch);
  }
}

const nextSeq = (rows: readonly { seq: number }[]) => rows.reduce((max, r) => Math.max(max, r.seq + 1), 0);

/** A microphone the test drives: it sends chunks and level frames, and can fail. */
export class FakeMicrophone implements Microphone {
  readonly mimeType = 'audio/ogg;codecs=opus';
  muted = false;
  stopped = false;
  /** Level frames sent so far (their positions continue the context's clock). */
  private frames = 0;

  constructor(
    private readonly handlers: MicrophoneHandlers,
    readonly startedAtMs: number,
    readonly sampleRate: number | null,
  ) {}

  setMuted(muted: boolean): void {
    this.muted = muted;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  chunk(bytes = 10): void {
    if (!this.stopped) this.handlers.onChunk(new Blob([new Uint8Array(bytes)]));
  }

  /** `count` level frames of `db` (voice level alike), stamped as if on time. */
  levels(count: number, db: number, frameMs = 50): void {
    const rate = this.sampleRate ?? 48_000;
    const samples = (rate * frameMs) / 1000;
    for (let i = 0; i < count && !this.stopped; i++, this.frames++) {
      const message: LevelMessage = {
        type: 'level',
        db,
        voiceDb: db,
        periodicity: db > -30 ? 0.9 : 0,
        position: this.frames * samples,
        samples,
        wallMs: this.startedAtMs + (this.frames + 1) * frameMs,
      };
      this.handlers.onLevel(message);
    }
  }

  fail(reason: AudioOffReason): void {
    this.handlers.onFailure(reason);
  }
}

export class FakeCapture implements AudioCapture {
  /** Each prepare() call, in order; `open` resolves per `answer`. */
  prepared: FakePrepared[] = [];
  /** What the next open() answers: granted, or the reason audio is off. */
  answer: 'granted' | AudioOffReason = 'granted';
  /** When set, open() waits for `grant()` instead of answering at once. */
  manual = false;
  sampleRate: number | null = 48_000;
  dropPlan: FrameDropPlan | null = null;

  constructor(private readonly clock: FakeClock) {}

  prepare = (): PreparedCapture => {
    const prepared = new FakePrepared(this, this.clock);
    this.prepared.push(prepared);
    return prepared;
  };

  frameDropPlan = () => this.dropPlan;

  /** The microphone of the latest prepare() that opened. */
  get mic(): FakeMicrophone {
    const mic = [...this.prepared].reverse().find((p) => p.mic)?.mic;
    if (!mic) throw new Error('no microphone is open');
    return mic;
  }

  /** Open microphones not stopped. */
  live(): FakeMicrophone[] {
    return this.prepared.flatMap((p) => (p.mic && !p.mic.stopped ? [p.mic] : []));
  }
}

export class FakePrepared implements PreparedCapture {
  released = false;
  opened = false;
  mic: FakeMicrophone | null = null;
  private pending: (() => void) | null = null;

  constructor(
    private readonly capture: FakeCapture,
    private readonly clock: FakeClock,
  ) {}

  open = (_frameMs: number, handlers: MicrophoneHandlers): Promise<OpenResult> => {
    this.opened = true;
    const answer = this.capture.answer;
    const result = (): OpenResult => {
      if (answer !== 'granted') return { ok: false, reason: answer };
      this.mic = new FakeMicrophone(handlers, this.clock.now(), this.capture.sampleRate);
      return { ok: true, mic: this.mic };
    };
    if (!this.capture.manual) return Promise.resolve(result());
    return new Promise((resolve) => (this.pending = () => resolve(result())));
  };

  /** Answers a manual open(). */
  grant(): void {
    this.pending?.();
    this.pending = null;
  }

  release = () => {
    this.released = true;
  };
}

export class FakeClock implements RecorderClock {
  private ms: number;
  private timers: { every: number; next: number; tick: () => void }[] = [];
  private ids = 0;

  constructor(start = 1_000_000) {
    this.ms = start;
  }

  now = () => this.ms;
  monotonic = () => this.ms;
  newId = () => `session-${++this.ids}`;

  every = (ms: number, tick: () => void) => {
    const timer = { every: ms, next: this.ms + ms, tick };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  /** Moves time on, running every timer due on the way (in time order). */
  advance(ms: number): void {
    const end = this.ms + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.ms = due.next;
      due.next += due.every;
      due.tick();
    }
    this.ms = end;
  }

  /** Timers running now. */
  running(): number {
    return this.timers.length;
  }
}

export interface FakePorts extends RecorderPorts {
  storage: FakeStorage;
  capture: FakeCapture;
  clock: FakeClock;
}

export function fakePorts(): FakePorts {
  const clock = new FakeClock();
  return { storage: new FakeStorage(), capture: new FakeCapture(clock), clock };
}

/** Lets every promise the fakes resolved run its callbacks. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A new session record as Start makes it (started at the fake clock's default time). */
export function sessionRecord(patch: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...newSessionRecord({
      id: 'session-1',
      problemId: 'add',
      protocolId: 'coding-45',
      phases: [],
      now: 1_000_000,
      silenceThresholdMs: 30_000,
      levelFrameMs: 50,
    }),
    ...patch,
  };
}
