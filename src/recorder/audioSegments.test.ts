import { beforeEach, describe, expect, it } from 'vitest';
import { AudioSegments, METER_UPDATE_MS } from './audioSegments';
import { RecorderContext } from './recorderContext';
import type { UnstampedEvent } from './recorderState';
import { fakePorts, sessionRecord, settle, type FakePorts } from './testing/fakePorts';

let ports: FakePorts;
let ctx: RecorderContext;
let audio: AudioSegments;
let logged: UnstampedEvent[];
let flushes: number;

beforeEach(() => {
  ports = fakePorts();
  ctx = new RecorderContext(ports, () => undefined);
  logged = [];
  flushes = 0;
  audio = new AudioSegments(ctx, { record: (event) => logged.push(event), flush: () => flushes++ });
  ctx.set({ phase: 'recording', session: sessionRecord(), timerRunning: true, silenceThresholdMs: 5_000 });
});

const state = () => ctx.state;
const saved = () => ports.storage.record('session-1');

async function open() {
  await audio.start(ports.capture.prepare());
  return ports.capture.mic;
}

describe('AudioSegments', () => {
  it('opens the microphone into a new segment that starts when the recorder did', async () => {
    ports.clock.advance(1_500);
    await open();
    expect(state().mic).toBe('on');
    expect(state().session?.audio?.segments).toEqual([{ index: 0, mimeType: 'audio/ogg;codecs=opus', startMs: 1_500, durationMs: null }]);
    await ctx.writes.settled();
    expect(saved()?.audio?.segments).toHaveLength(1);
  });

  it('numbers chunks in session time, on from what the segment already holds', async () => {
    ctx.set({ session: sessionRecord({ audio: { segments: [{ index: 0, mimeType: 'audio/ogg', startMs: 0, durationMs: 900 }] } }) });
    await ports.storage.appendAudioChunk({ sessionId: 'session-1', segment: 1, seq: 0, t: 0, blob: new Blob([]) });
    const mic = await open();
    ports.clock.advance(1_000);
    mic.chunk();
    await ctx.writes.settled();
    expect(ports.storage.chunks.map((c) => [c.segment, c.seq, c.t])).toEqual([
      [1, 0, 0],
      [1, 1, 1_000],
    ]);
  });

  it('keeps the level frames that come while the segment is set up', async () => {
    let readSeq = () => undefined as void;
    ports.storage.nextLevelSeq = () => new Promise((resolve) => (readSeq = () => resolve(0)));
    const starting = audio.start(ports.capture.prepare());
    await settle();
    ports.capture.mic.levels(20, -20); // the segment's numbers are still being read
    readSeq();
    await starting;
    // 20 frames on time: all but the 8 held for look-ahead are placed, from the segment's first slot.
    expect(audio.takeLevelBatches('session-1').map((b) => [b.seq, b.startFrame, b.db.length])).toEqual([[0, 0, 12]]);
  });

  it('a denied microphone: the audio is off with its reason, in the record too, and the capture is let go', async () => {
    ports.capture.answer = 'denied';
    await audio.start(ports.capture.prepare());
    expect(state().mic).toBe('denied');
    expect(ports.capture.prepared[0]!.released).toBe(true);
    await ctx.writes.settled();
    expect(saved()).toMatchObject({ audio: null, audioOffReason: 'denied' });
  });

  it('a microphone granted after the session ended or paused is stopped at once', async () => {
    for (const change of [{ phase: 'finishing' as const }, { paused: true }, { session: sessionRecord({ id: 'another' }) }]) {
      ctx.set({ phase: 'recording', paused: false, session: sessionRecord() });
      ports.capture.manual = true;
      const starting = audio.start(ports.capture.prepare());
      ctx.set(change);
      ports.capture.prepared.at(-1)!.grant();
      await starting;
      expect(ports.capture.prepared.at(-1)!.mic!.stopped).toBe(true);
    }
    expect(ports.capture.live()).toEqual([]);
    expect(ports.storage.writes).toEqual([]);
  });

  it('stops: the segment ends after its last chunk and frames are flushed; with a reason the audio stays off', async () => {
    const mic = await open();
    await audio.stop();
    expect(mic.stopped).toBe(true);
    expect(flushes).toBe(1);
    expect(state()).toMatchObject({ mic: 'off', levelDb: -Infinity, speaking: false });
    await audio.stop(); // nothing live: nothing to do
    expect(flushes).toBe(1);

    await open();
    await audio.stop('quota');
    expect(state().mic).toBe('quota');
    await ctx.writes.settled();
    expect(saved()?.audioOffReason).toBe('quota');
    expect(saved()?.audio?.segments).toHaveLength(2); // the recorded segments are kept
  });

  it('pause then resume: the microphone stops, then opens in a new segment, in the order asked', async () => {
    const first = await open();
    ctx.set({ paused: true });
    audio.pause();
    ports.clock.advance(3_000);
    ctx.set({ paused: false });
    audio.resume();
    await audio.settled();
    expect(first.stopped).toBe(true);
    expect(ports.capture.live()).toHaveLength(1);
    expect(state().session?.audio?.segments.map((s) => [s.index, s.startMs])).toEqual([
      [0, 0],
      [1, 3_000],
    ]);
  });

  it('a resume undone by a pause before its turn opens nothing and lets the capture go', async () => {
    await open();
    ctx.set({ paused: true });
    audio.pause();
    ctx.set({ paused: false });
    audio.resume();
    ctx.set({ paused: true });
    audio.pause();
    await audio.settled();
    expect(ports.capture.prepared).toHaveLength(2);
    expect(ports.capture.prepared[1]!.opened).toBe(false);
    expect(ports.capture.prepared[1]!.released).toBe(true);
    expect(ports.capture.live()).toEqual([]);
  });

  it('mutes the live microphone, and a new one opens muted while the session is', async () => {
    const mic = await open();
    audio.setMuted(true);
    expect(mic.muted).toBe(true);
    await audio.stop();
    ctx.set({ muted: true });
    expect((await open()).muted).toBe(true);
  });

  it('writes no chunk once the disk is full', async () => {
    const mic = await open();
    ctx.set({ storageFull: true });
    mic.chunk();
    await ctx.writes.settled();
    expect(ports.storage.chunks).toEqual([]);
  });

  it('a microphone that fails turns the audio off with its reason', async () => {
    const mic = await open();
    mic.fail('no-device');
    await settle();
    expect(mic.stopped).toBe(true);
    expect(state().mic).toBe('no-device');
  });

  it('updates the meter at most every 100 ms', async () => {
    const mic = await open();
    const updates: number[] = [];
    ctx.store.subscribe((s, before) => s.levelDb !== before.levelDb && updates.push(s.levelDb));
    ports.clock.advance(METER_UPDATE_MS);
    mic.levels(30, -20); // the clock stands still: one update
    expect(state().levelDb).toBe(-20);
    ports.clock.advance(METER_UPDATE_MS);
    mic.levels(1, -25);
    expect(updates).toEqual([-20, -25]);
  });

  it('nudges once per long silence while the timer runs and the microphone is live, and logs it', async () => {
    const mic = await open();
    mic.levels(20, -20);
    mic.levels(130, -70);
    expect(state().nudge).toBe(true);
    expect(logged).toEqual([{ type: 'nudge', kind: 'silence', silenceMs: expect.any(Number) }]);
    mic.levels(40, -70); // the same silence: no second nudge
    expect(logged).toHaveLength(1);
    mic.levels(40, -20); // speaking again clears it
    expect(state().nudge).toBe(false);
    mic.levels(130, -70);
    expect(logged).toHaveLength(2);
  });

  it('does not nudge while muted, with the timer stopped, or with the switch off', async () => {
    const mic = await open();
    for (const patch of [{ muted: true }, { timerRunning: false }, { silenceNudgeOn: false }]) {
      ctx.set({ muted: false, timerRunning: true, silenceNudgeOn: true, ...patch });
      mic.levels(20, -20);
      mic.levels(130, -70);
    }
    expect(state().nudge).toBe(false);
    expect(logged).toEqual([]);
  });
});
