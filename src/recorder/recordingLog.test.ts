import { beforeEach, describe, expect, it } from 'vitest';
import type { LevelBatch } from '../storage/db';
import { RecorderContext } from './recorderContext';
import { FLUSH_MS, RecordingLog } from './recordingLog';
import { fakePorts, sessionRecord, settle, type FakePorts } from './testing/fakePorts';

let ports: FakePorts;
let ctx: RecorderContext;
let log: RecordingLog;
let levelBatches: LevelBatch[];
let writeErrors: unknown[];

beforeEach(() => {
  ports = fakePorts();
  writeErrors = [];
  ctx = new RecorderContext(ports, (e) => writeErrors.push(e));
  levelBatches = [];
  log = new RecordingLog(ctx, () => levelBatches.splice(0));
  ctx.set({ phase: 'recording', session: sessionRecord() });
  log.reset(0);
});

const level = (seq: number): LevelBatch => ({ sessionId: 'session-1', segment: 0, seq, startFrame: seq * 10, db: [-20] });

describe('RecordingLog', () => {
  it('stamps events in session time, never earlier than one before (a wall clock may step back)', async () => {
    ports.clock.advance(1_000);
    log.record({ type: 'pause' });
    ports.clock.advance(-300);
    log.record({ type: 'resume' });
    log.flush();
    await settle();
    expect(ports.storage.loggedEvents('session-1')).toEqual([
      { type: 'pause', t: 1_000 },
      { type: 'resume', t: 1_000 },
    ]);
  });

  it('records nothing unless a session is recording', async () => {
    for (const phase of ['idle', 'interrupted', 'finishing', 'finished'] as const) {
      ctx.set({ phase });
      log.record({ type: 'reference-opened' });
      log.snapshot({ 'solution.ts': 'x' });
    }
    log.flush();
    await settle();
    expect(ports.storage.writes).toEqual([]);
  });

  it('snapshots every file it is given, at 0 when the session starts and at the time now later on', async () => {
    ports.clock.advance(7);
    log.snapshot({ 'solution.py': 'a', 'chat/hub.ts': 'b', 'notes.md': 'c', 'gone.ts': undefined }, true);
    ports.clock.advance(2_000);
    log.snapshot({ 'src/deep/path/file.ts': 'd' });
    log.flush();
    await settle();
    expect(ports.storage.loggedEvents('session-1')).toEqual([
      { type: 'snapshot', file: 'solution.py', text: 'a', t: 0 },
      { type: 'snapshot', file: 'chat/hub.ts', text: 'b', t: 0 },
      { type: 'snapshot', file: 'notes.md', text: 'c', t: 0 },
      { type: 'snapshot', file: 'src/deep/path/file.ts', text: 'd', t: 2_007 },
    ]);
  });

  it('flushes every 0.5 s: one batch per tick with what happened in it, and its level frames after it', async () => {
    log.startFlushing();
    log.record({ type: 'phase', phaseId: 'code', phaseIndex: 0 });
    levelBatches.push(level(0));
    ports.clock.advance(FLUSH_MS - 1);
    await settle();
    expect(ports.storage.writes).toEqual([]);

    ports.clock.advance(1);
    await settle();
    expect(ports.storage.writes.map((w) => w.kind)).toEqual(['events', 'levels']);

    log.record({ type: 'edit', file: 'a.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'x' }] });
    ports.clock.advance(100);
    log.record({ type: 'edit', file: 'a.ts', changes: [{ offset: 1, deleteCount: 0, insert: 'y' }] });
    ports.clock.advance(400);
    await settle();
    ports.clock.advance(FLUSH_MS * 4); // nothing new: nothing written
    await settle();
    expect(ports.storage.events.map((b) => [b.seq, b.events.length])).toEqual([
      [0, 1],
      [1, 1], // the two keystrokes coalesced into one edit
    ]);
    expect(ports.storage.events[1]!.events[0]).toMatchObject({ file: 'a.ts', changes: [{ insert: 'xy' }] });
  });

  it('stops flushing when asked', async () => {
    log.startFlushing();
    log.startFlushing(); // a second start does not add a second timer
    expect(ports.clock.running()).toBe(1);
    log.stopFlushing();
    log.record({ type: 'pause' });
    ports.clock.advance(FLUSH_MS * 3);
    await settle();
    expect(ports.storage.writes).toEqual([]);
    expect(ports.clock.running()).toBe(0);
  });

  it('without a session, a flush writes nothing', async () => {
    ctx.set({ session: null });
    levelBatches.push(level(0));
    log.flush();
    await settle();
    expect(ports.storage.writes).toEqual([]);
  });

  it('a batch that failed is written first in the next flush, even when nothing new happened', async () => {
    ports.storage.full = true;
    log.record({ type: 'pause' });
    log.flush();
    await settle();
    expect(writeErrors).toHaveLength(1);
    ports.storage.full = false;
    log.flush();
    await settle();
    expect(ports.storage.loggedEvents('session-1')).toEqual([{ type: 'pause', t: 0 }]);
  });

  it('continues a log after the batches already stored', async () => {
    log.reset(4);
    log.record({ type: 'pause' });
    log.flush();
    await settle();
    expect(ports.storage.events.map((b) => b.seq)).toEqual([4]);
  });
});
