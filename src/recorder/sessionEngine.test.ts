import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../core/session/types';
import type { PhasePlan } from '../core/timer/protocols';
import { SessionEngine } from './sessionEngine';
import { fakePorts, settle, type FakePorts } from './testing/fakePorts';

const TEXTS = { 'solution.ts': 'export {};\n', 'chat/hub.ts': 'export class Hub {}\n', 'notes.md': '- empty input\n' };
const PHASES: PhasePlan[] = [{ id: 'code', name: 'Code', minutes: 30, goal: 'Write it.' }];

let ports: FakePorts;
let engine: SessionEngine;

beforeEach(() => {
  ports = fakePorts();
  engine = new SessionEngine(ports);
});

const state = () => engine.store.getState();
const sessionId = () => state().session!.id;
const logged = () => ports.storage.loggedEvents(sessionId());
const kinds = (events: SessionEvent[]) => events.map((e) => e.type);

async function startRecording(texts: Record<string, string> = TEXTS) {
  await engine.attach('add', { clockFinished: false });
  engine.start({ problemId: 'add', protocolId: 'coding-45', phases: PHASES, texts, timerRunning: true });
  await settle();
}

describe('a session from Start to Finish', () => {
  it('starts recording: a saved record, the opening snapshot of every file at 0, and the microphone in segment 0', async () => {
    engine.start({ problemId: 'add', language: 'python', protocolId: 'coding-45', phases: PHASES, texts: TEXTS, timerRunning: true });
    expect(state()).toMatchObject({ phase: 'recording', mic: 'requesting', timerRunning: true });
    await settle();
    const record = ports.storage.record(sessionId())!;
    expect(record).toMatchObject({ problemId: 'add', language: 'python', status: 'recording', startedAt: 1_000_000 });
    expect(state().mic).toBe('on');
    expect(record.audio?.segments).toEqual([{ index: 0, mimeType: 'audio/ogg;codecs=opus', startMs: 0, durationMs: null }]);

    ports.clock.advance(500);
    await settle();
    expect(logged()).toEqual([
      { type: 'snapshot', file: 'solution.ts', text: TEXTS['solution.ts'], t: 0 },
      { type: 'snapshot', file: 'chat/hub.ts', text: TEXTS['chat/hub.ts'], t: 0 },
      { type: 'snapshot', file: 'notes.md', text: TEXTS['notes.md'], t: 0 },
    ]);
  });

  it('takes edits of any path, then pause and resume (a new segment), then finish', async () => {
    await startRecording();
    ports.clock.advance(1_000);
    engine.edit('chat/hub.ts', [{ offset: 0, deleteCount: 0, insert: '// ' }]);
    engine.edit('solution.ts', []); // nothing changed: nothing logged
    ports.capture.mic.chunk();
    ports.clock.advance(1_000);

    engine.setPaused(true);
    await settle();
    expect(state()).toMatchObject({ paused: true, mic: 'off' });
    expect(ports.capture.live()).toEqual([]);

    ports.clock.advance(5_000);
    engine.setPaused(false);
    await settle();
    expect(state()).toMatchObject({ paused: false, mic: 'on' });
    expect(ports.capture.prepared).toHaveLength(2);
    ports.capture.mic.chunk();
    ports.clock.advance(1_000);

    await engine.finish();
    const record = ports.storage.record(sessionId())!;
    expect(state()).toMatchObject({ phase: 'finished', mic: 'off' });
    expect(record).toMatchObject({ status: 'finished', endedAt: 1_000_000 + 8_000 });
    expect(record.audio?.segments.map((s) => [s.index, s.startMs])).toEqual([
      [0, 0],
      [1, 7_000],
    ]);
    expect(record.audio?.segments.every((s) => s.durationMs !== null)).toBe(true);
    expect(ports.storage.chunks.map((c) => [c.segment, c.final])).toEqual([
      [0, true],
      [1, true],
    ]);
    const events = logged();
    expect(kinds(events)).toEqual(['snapshot', 'snapshot', 'snapshot', 'edit']);
    expect(events[3]).toMatchObject({ type: 'edit', file: 'chat/hub.ts', t: 1_000 });
  });

  it('logs an event at a time that has passed (a Send answered later), never before an event already logged', async () => {
    await startRecording();
    const started = ports.clock.now();
    ports.clock.advance(2_000);
    engine.log({ type: 'service-restart' }, started + 1_500);
    engine.log({ type: 'pause' });
    engine.log({ type: 'service-restart' }, started + 1_000);
    engine.log({ type: 'service-restart' }, started + 60_000);
    engine.flush();
    await settle();
    const times = logged()
      .filter((e) => e.type !== 'snapshot')
      .map((e) => [e.type, e.t]);
    expect(times).toEqual([
      ['service-restart', 1_500],
      ['pause', 2_000],
      ['service-restart', 2_000],
      ['service-restart', 2_000],
    ]);
  });

  it('writes nothing once finished', async () => {
    await startRecording();
    const mic = ports.capture.mic;
    await engine.finish();
    const written = ports.storage.writes.length;

    engine.log({ type: 'reference-opened' });
    engine.edit('solution.ts', [{ offset: 0, deleteCount: 0, insert: 'x' }]);
    engine.setMuted(true);
    engine.setPaused(true);
    engine.setSilenceThreshold(60_000);
    mic.chunk();
    mic.levels(20, -20);
    engine.flush();
    ports.clock.advance(5_000);
    await settle();

    expect(ports.storage.writes.length).toBe(written);
    expect(ports.clock.running()).toBe(0);
    expect(state().phase).toBe('finished');
  });

  it('a second finish() while the first is still finishing waits for it', async () => {
    await startRecording();
    ports.storage.hold();
    const first = engine.finish();
    const second = engine.finish();
    expect(second).toBe(first);
    await settle();
    expect(state().phase).toBe('finishing');
    ports.storage.release();
    await second;
    expect(state().phase).toBe('finished');
  });
});

describe('the microphone', () => {
  it('mutes and unmutes the live microphone, and logs it', async () => {
    await startRecording();
    engine.setMuted(true);
    expect(ports.capture.mic.muted).toBe(true);
    expect(state().muted).toBe(true);
    engine.setMuted(true); // no change: no second event
    engine.setMuted(false);
    engine.flush();
    await settle();
    expect(logged().filter((e) => e.type === 'mute')).toEqual([
      { type: 'mute', muted: true, t: 0 },
      { type: 'mute', muted: false, t: 0 },
    ]);
  });

  it('a microphone that opens after Mute starts muted', async () => {
    ports.capture.manual = true;
    await startRecording();
    engine.setMuted(true);
    ports.capture.prepared[0]!.grant();
    await settle();
    expect(ports.capture.mic.muted).toBe(true);
  });

  it('a denied microphone leaves the audio off with its reason, and the session records on', async () => {
    ports.capture.answer = 'denied';
    await startRecording();
    expect(state().mic).toBe('denied');
    expect(ports.capture.prepared[0]!.released).toBe(true);
    expect(ports.storage.record(sessionId())).toMatchObject({ audio: null, audioOffReason: 'denied', status: 'recording' });
    engine.log({ type: 'reference-opened' });
    await engine.finish();
    expect(kinds(logged())).toContain('reference-opened');
    expect(ports.storage.record(sessionId())).toMatchObject({ status: 'finished', audioOffReason: 'denied' });
  });

  it('a microphone that fails while recording turns the audio off with its reason', async () => {
    await startRecording();
    const mic = ports.capture.mic;
    mic.fail('no-device');
    await settle();
    expect(mic.stopped).toBe(true);
    expect(state().mic).toBe('no-device');
    expect(ports.storage.record(sessionId())?.audioOffReason).toBe('no-device');
  });
});

describe('a full disk', () => {
  it('stops the audio, says so, and keeps the log going: the failed batch is written first once there is space', async () => {
    await startRecording();
    const mic = ports.capture.mic;
    ports.storage.full = true;
    engine.log({ type: 'pause' });
    mic.chunk();
    ports.clock.advance(500);
    await settle();
    expect(state()).toMatchObject({ storageFull: true, mic: 'quota', error: null });
    expect(mic.stopped).toBe(true);

    ports.storage.full = false;
    engine.log({ type: 'resume' });
    ports.clock.advance(500);
    await settle();
    expect(kinds(logged())).toEqual(['snapshot', 'snapshot', 'snapshot', 'pause', 'resume']);
    // One batch holds everything (its number comes after the one the failed write used).
    expect(ports.storage.events.map((b) => b.seq)).toEqual([1]);
    // The record says why the audio stopped (saved once there was space again).
    await engine.finish();
    expect(ports.storage.record(sessionId())?.audioOffReason).toBe('quota');
  });

  it('any other write error is shown, and recording goes on', async () => {
    await startRecording();
    ports.storage.appendSessionEvents = async () => {
      throw new Error('disk on fire');
    };
    engine.log({ type: 'pause' });
    engine.flush();
    await settle();
    expect(state()).toMatchObject({ phase: 'recording', storageFull: false, mic: 'on' });
    expect(state().error).toMatch(/disk on fire/);
  });
});

describe('after an interruption', () => {
  async function interruptedSession() {
    await startRecording();
    const id = sessionId();
    ports.capture.mic.chunk();
    ports.clock.advance(2_000);
    // The tab dies: a new page (a new engine) finds the record still `recording`.
    ports.clock.advance(60_000);
    engine = new SessionEngine(ports);
    await engine.attach('add', { clockFinished: false });
    return id;
  }

  it('a page that finds a session still recording marks it interrupted and offers it', async () => {
    const id = await interruptedSession();
    expect(state()).toMatchObject({ phase: 'interrupted', session: { id, status: 'interrupted' } });
    expect(ports.storage.record(id)?.status).toBe('interrupted');
  });

  it('resumes into the same log and a new audio segment, with a fresh snapshot of every file', async () => {
    const id = await interruptedSession();
    const batches = ports.storage.events.length;
    await engine.resumeInterrupted({ texts: { 'solution.ts': 'a', 'lib/util.ts': 'b' }, timerRunning: true });
    await settle();
    expect(state()).toMatchObject({ phase: 'recording', mic: 'on', timerRunning: true });
    ports.clock.advance(500);
    await settle();
    const fresh = ports.storage.events.slice(batches);
    expect(fresh.map((b) => b.seq)).toEqual([batches]);
    expect(fresh[0]!.events).toEqual([
      { type: 'resumed-after-interruption', segment: 1, t: 62_000 },
      { type: 'snapshot', file: 'solution.ts', text: 'a', t: 62_000 },
      { type: 'snapshot', file: 'lib/util.ts', text: 'b', t: 62_000 },
    ]);
    expect(ports.storage.record(id)?.audio?.segments.map((s) => [s.index, s.startMs])).toEqual([
      [0, 0],
      [1, 62_000],
    ]);
  });

  it('leaving the workspace while recording stops like a closed tab: interrupted, measured, resumable', async () => {
    await startRecording();
    const id = sessionId();
    const mic = ports.capture.mic;
    mic.chunk();
    engine.log({ type: 'reference-opened' });
    ports.clock.advance(1_000);
    await engine.detach();
    expect(state()).toMatchObject({ phase: 'idle', session: null });
    expect(mic.stopped).toBe(true);
    expect(ports.clock.running()).toBe(0);
    expect(kinds(ports.storage.loggedEvents(id))).toContain('reference-opened');
    const record = ports.storage.record(id)!;
    expect(record.status).toBe('interrupted');
    expect(record.audio?.segments[0]?.durationMs).not.toBeNull();
  });

  it('coming back to the same problem while it records changes nothing', async () => {
    await startRecording();
    const session = state().session;
    await engine.attach('add', { clockFinished: false });
    expect(state()).toMatchObject({ phase: 'recording', session });
  });

  it('shows the newest finished session when the clock has finished', async () => {
    await startRecording();
    await engine.finish();
    const id = sessionId();
    engine = new SessionEngine(ports);
    await engine.attach('add', { clockFinished: true });
    expect(state()).toMatchObject({ phase: 'finished', session: { id } });
  });
});

describe('the log reaches storage every 0.5 s', () => {
  it('batches what happened in each half second, numbered in order, and writes nothing when nothing happened', async () => {
    await startRecording({ 'solution.ts': '' });
    ports.clock.advance(500);
    await settle();
    expect(ports.storage.events.map((b) => b.seq)).toEqual([0]);

    ports.clock.advance(100);
    engine.log({ type: 'phase', phaseId: 'code', phaseIndex: 0 });
    ports.clock.advance(100);
    engine.edit('solution.ts', [{ offset: 0, deleteCount: 0, insert: 'a' }]);
    ports.clock.advance(100);
    engine.edit('solution.ts', [{ offset: 1, deleteCount: 0, insert: 'b' }]);
    await settle();
    expect(ports.storage.events).toHaveLength(1); // not before the tick

    ports.clock.advance(200);
    await settle();
    expect(ports.storage.events.map((b) => [b.seq, kinds(b.events)])).toEqual([
      [0, ['snapshot']],
      [1, ['phase', 'edit']],
    ]);
    expect(ports.storage.events[1]!.events[1]).toMatchObject({ startT: 700, t: 800, changes: [{ offset: 0, insert: 'ab' }] });

    ports.clock.advance(2_000);
    await settle();
    expect(ports.storage.events).toHaveLength(2);
  });

  it('writes level frames with the log, numbered per segment', async () => {
    await startRecording();
    ports.capture.mic.levels(30, -20);
    ports.clock.advance(500);
    await settle();
    const batches = ports.storage.levels;
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.map((b) => [b.segment, b.seq])).toEqual(batches.map((_, i) => [0, i]));
    expect(batches[0]!.startFrame).toBe(0);
  });
});

describe('the silence nudge', () => {
  it('nudges once per silence longer than the threshold while the timer runs, and logs it', async () => {
    await startRecording();
    engine.setSilenceThreshold(5_000);
    ports.capture.mic.levels(20, -20);
    ports.capture.mic.levels(140, -70); // 7 s of quiet
    expect(state().nudge).toBe(true);
    engine.dismissNudge();
    ports.capture.mic.levels(40, -70);
    expect(state().nudge).toBe(false);
    engine.flush();
    await settle();
    expect(logged().filter((e) => e.type === 'nudge')).toHaveLength(1);
  });

  it('never nudges when the switch is off or the timer is stopped', async () => {
    await startRecording();
    engine.setSilenceThreshold(5_000);
    engine.setSilenceNudgeEnabled(false);
    ports.capture.mic.levels(140, -70);
    expect(state().nudge).toBe(false);
    engine.setSilenceNudgeEnabled(true);
    engine.setTimerRunning(false);
    ports.capture.mic.levels(140, -70);
    expect(state().nudge).toBe(false);
  });

  it('keeps the threshold between 5 s and 10 min, in the settings and the recording session', async () => {
    await startRecording();
    engine.setSilenceThreshold(1_000);
    expect(ports.storage.silenceThresholdMs).toBe(5_000);
    engine.setSilenceThreshold(3_600_000);
    expect(state().silenceThresholdMs).toBe(600_000);
    await settle();
    expect(ports.storage.record(sessionId())?.silenceThresholdMs).toBe(600_000);
  });
});
