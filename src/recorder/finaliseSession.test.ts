import { describe, expect, it } from 'vitest';
import type { AudioSegmentInfo } from '../core/session/types';
import { finaliseSession, measureInterruptedSession } from './finaliseSession';
import { FakeStorage, sessionRecord } from './testing/fakePorts';

const OGG = 'audio/ogg;codecs=opus';

/** Two Ogg segments (no WebM header to fix): 2 s quiet, 3 s speech, 10 s quiet; then at 30 s, 0.5 s quiet, 1.5 s speech, 2 s quiet. */
async function recorded() {
  const storage = new FakeStorage();
  const segments: AudioSegmentInfo[] = [
    { index: 0, mimeType: OGG, startMs: 0, durationMs: null },
    { index: 1, mimeType: OGG, startMs: 30_000, durationMs: null },
  ];
  const session = sessionRecord({ audio: { segments } });
  const frames = (...parts: [number, number][]) => parts.flatMap(([count, db]) => new Array<number>(count).fill(db));
  const levels = [frames([40, -70], [60, -20], [200, -70]), frames([10, -70], [30, -20], [40, -70])];
  for (const [segment, db] of levels.entries()) {
    await storage.appendLevels({
      sessionId: session.id,
      segment,
      seq: 0,
      startFrame: 0,
      db,
      voiceDb: db,
      periodicity: db.map((x) => (x > -30 ? 0.9 : 0)),
    });
    for (let seq = 0; seq * 1_000 < db.length * 50; seq++)
      await storage.appendAudioChunk({
        sessionId: session.id,
        segment,
        seq,
        t: segments[segment]!.startMs + (seq + 1) * 1_000,
        blob: new Blob([new Uint8Array(8)]),
      });
  }
  storage.writes = [];
  return { storage, session };
}

describe('finaliseSession', () => {
  it('measures each segment, makes it one blob, finds the silences in session time, and saves the session finished', async () => {
    const { storage, session } = await recorded();
    const finished = await finaliseSession(storage, session, 1_050_000);
    expect(finished).toMatchObject({ status: 'finished', endedAt: 1_050_000 });
    expect(finished.audio?.segments.map((s) => s.durationMs)).toEqual([15_000, 4_000]);
    // In session time: segment 1 starts at 30 s (its first half second of quiet is too short to count).
    expect(finished.silences).toEqual([
      { startMs: 0, endMs: 2_000 },
      { startMs: 5_000, endMs: 15_000 },
      { startMs: 32_000, endMs: 34_000 },
    ]);
    expect(storage.chunks.map((c) => [c.segment, c.seq, c.final])).toEqual([
      [0, 0, true],
      [1, 0, true],
    ]);
    expect(storage.record(session.id)).toEqual(finished);
  });

  it('measures a session left interrupted without finishing it', async () => {
    const { storage, session } = await recorded();
    const measured = await measureInterruptedSession(storage, { ...session, status: 'interrupted' });
    expect(measured).toMatchObject({ status: 'interrupted', endedAt: null });
    expect(measured.audio?.segments.map((s) => s.durationMs)).toEqual([15_000, 4_000]);
    expect(storage.record(session.id)?.silences).toEqual(measured.silences);
  });

  it('a session without audio is simply finished', async () => {
    const storage = new FakeStorage();
    const finished = await finaliseSession(storage, sessionRecord({ audioOffReason: 'denied' }), 1_001_000);
    expect(finished).toMatchObject({ status: 'finished', audio: null, audioOffReason: 'denied', silences: [] });
    expect(storage.writes.map((w) => w.kind)).toEqual(['session']);
  });
});
