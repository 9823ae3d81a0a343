import { beforeEach, describe, expect, it } from 'vitest';
import { AudioSegments } from './audioSegments';
import { Interruption } from './interruption';
import { RecorderContext } from './recorderContext';
import { FLUSH_MS, RecordingLog } from './recordingLog';
import { fakePorts, sessionRecord, settle, type FakePorts } from './testing/fakePorts';

let ports: FakePorts;
let ctx: RecorderContext;
let log: RecordingLog;
let audio: AudioSegments;
let interruption: Interruption;

beforeEach(() => {
  ports = fakePorts();
  ctx = new RecorderContext(ports, () => undefined);
  audio = new AudioSegments(ctx, { record: (e) => log.record(e), flush: () => log.flush() });
  log = new RecordingLog(ctx, (id) => audio.takeLevelBatches(id));
  interruption = new Interruption(ctx, log, audio);
});

const state = () => ctx.state;
const segment0 = { index: 0, mimeType: 'audio/ogg;codecs=opus', startMs: 0, durationMs: null };

/** What a tab that died left: its record still `recording`, a batch of its log and a chunk of its audio. */
async function leftByADeadTab() {
  const record = sessionRecord({ audio: { segments: [segment0] } });
  await ports.storage.saveSession(record);
  await ports.storage.appendSessionEvents(record.id, 0, [{ type: 'snapshot', file: 'solution.ts', text: '', t: 0 }]);
  await ports.storage.appendAudioChunk({ sessionId: record.id, segment: 0, seq: 0, t: 1_000, blob: new Blob([new Uint8Array(4)]) });
  ports.storage.writes = [];
  ports.clock.advance(60_000);
  return record;
}

describe('attach', () => {
  it('marks a session left recording as interrupted, saves that and offers it', async () => {
    const record = await leftByADeadTab();
    await interruption.attach('add', { clockFinished: false });
    expect(state()).toMatchObject({ phase: 'interrupted', session: { id: record.id, status: 'interrupted' } });
    expect(ports.storage.record(record.id)?.status).toBe('interrupted');
  });

  it('offers an interrupted session without writing it again', async () => {
    await ports.storage.saveSession(sessionRecord({ status: 'interrupted' }));
    ports.storage.writes = [];
    await interruption.attach('add', { clockFinished: false });
    expect(state().phase).toBe('interrupted');
    expect(ports.storage.writes).toEqual([]);
  });

  it('shows the newest finished session only when the clock has finished', async () => {
    await ports.storage.saveSession(sessionRecord({ status: 'finished', endedAt: 1_000_500 }));
    await interruption.attach('add', { clockFinished: false });
    expect(state()).toMatchObject({ phase: 'idle', session: null });
    await interruption.attach('other', { clockFinished: true });
    await interruption.attach('add', { clockFinished: true });
    expect(state()).toMatchObject({ phase: 'finished', session: { id: 'session-1' } });
  });

  it('says so when the sessions cannot be read', async () => {
    ports.storage.listSessions = async () => {
      throw new Error('blocked');
    };
    await interruption.attach('add', { clockFinished: false });
    expect(state()).toMatchObject({ phase: 'idle', error: expect.stringMatching(/blocked/) });
  });

  it('the problem whose session records while other pages show goes on recording when its workspace opens again', async () => {
    ctx.problemId = 'add';
    ctx.set({ phase: 'recording', session: sessionRecord() });
    await interruption.attach('add', { clockFinished: false });
    expect(state()).toMatchObject({ phase: 'recording', session: { id: 'session-1' } });
  });

  it('another problem stops the recording one like a closed tab first', async () => {
    ctx.problemId = 'add';
    ctx.set({ phase: 'recording', session: sessionRecord() });
    await interruption.attach('two-sum', { clockFinished: false });
    expect(ports.storage.record('session-1')?.status).toBe('interrupted');
    expect(state()).toMatchObject({ phase: 'idle', session: null });
    expect(ctx.problemId).toBe('two-sum');
  });
});

describe('detach', () => {
  it('while recording: stops the audio, writes what is buffered, saves the session interrupted and measures it', async () => {
    ctx.problemId = 'add';
    ctx.set({ phase: 'recording', session: sessionRecord() });
    log.startFlushing();
    await audio.start(ports.capture.prepare());
    const mic = ports.capture.mic;
    ports.clock.advance(1_000);
    mic.chunk();
    mic.levels(20, -20);
    log.record({ type: 'reference-opened' });

    await interruption.detach();
    expect(mic.stopped).toBe(true);
    expect(ports.clock.running()).toBe(0);
    expect(ports.storage.loggedEvents('session-1')).toEqual([{ type: 'reference-opened', t: 1_000 }]);
    const record = ports.storage.record('session-1')!;
    expect(record.status).toBe('interrupted');
    expect(record.audio?.segments[0]?.durationMs).toBe(1_000); // measured: the library shows its length
    expect(ports.storage.chunks.map((c) => c.final)).toEqual([true]);
    expect(state()).toMatchObject({ phase: 'idle', session: null });
    expect(ctx.problemId).toBeNull();
  });

  it('when not recording: only forgets the problem, writing nothing', async () => {
    ctx.problemId = 'add';
    ctx.set({ phase: 'interrupted', session: sessionRecord({ status: 'interrupted' }) });
    await interruption.detach();
    expect(ports.storage.writes).toEqual([]);
    expect(state().phase).toBe('idle');
  });
});

describe('resume', () => {
  it('continues the log after its stored batches and the audio in a new segment, with a fresh snapshot of every file', async () => {
    const record = await leftByADeadTab();
    await interruption.attach('add', { clockFinished: false });
    await interruption.resume({ texts: { 'solution.ts': 'a', 'chat/hub.ts': 'b' }, timerRunning: true });
    expect(state()).toMatchObject({ phase: 'recording', mic: 'requesting', timerRunning: true, paused: false });
    await settle();
    expect(state().mic).toBe('on');
    ports.clock.advance(FLUSH_MS);
    await settle();
    expect(ports.storage.events.map((b) => b.seq)).toEqual([0, 1]);
    expect(ports.storage.events[1]!.events).toEqual([
      { type: 'resumed-after-interruption', segment: 1, t: 60_000 },
      { type: 'snapshot', file: 'solution.ts', text: 'a', t: 60_000 },
      { type: 'snapshot', file: 'chat/hub.ts', text: 'b', t: 60_000 },
    ]);
    const saved = ports.storage.record(record.id)!;
    expect(saved.status).toBe('recording');
    expect(saved.audio?.segments.map((s) => [s.index, s.startMs])).toEqual([
      [0, 0],
      [1, 60_000],
    ]);
  });

  it('a session interrupted before its microphone opened resumes into segment 0', async () => {
    await ports.storage.saveSession(sessionRecord({ status: 'interrupted' }));
    await interruption.attach('add', { clockFinished: false });
    await interruption.resume({ texts: {}, timerRunning: false });
    await settle();
    log.flush();
    await settle();
    expect(ports.storage.loggedEvents('session-1')).toEqual([{ type: 'resumed-after-interruption', segment: 0, t: 0 }]);
    expect(state().session?.audio?.segments.map((s) => s.index)).toEqual([0]);
  });

  it('does nothing unless a session is interrupted', async () => {
    await interruption.resume({ texts: { 'solution.ts': 'a' }, timerRunning: true });
    expect(state().phase).toBe('idle');
    expect(ports.capture.prepared).toEqual([]);
  });
});
