import { describe, expect, it } from 'vitest';
import { restoreAudioChunk, restoreEventBatch, restoreLevelBatch, restoreSessionRecord } from './restore';
import { restoreSessionEvent } from './restoreEvent';

const good = {
  id: 's1',
  problemId: 'token-bucket',
  protocolId: 'coding-45',
  phases: [{ id: 'plan', name: 'Plan', minutes: 1, goal: 'List edge cases.' }],
  startedAt: 1000,
  endedAt: null,
  status: 'recording',
  audio: { segments: [{ index: 0, mimeType: 'audio/webm;codecs=opus', startMs: 120, durationMs: null }] },
  audioOffReason: null,
  silenceThresholdMs: 30_000,
  levelFrameMs: 50,
  silences: [{ startMs: 100, endMs: 2100 }],
};

describe('restoreSessionRecord', () => {
  it('takes the phases of a known protocol when a record written before phases were stored has none', () => {
    const { phases: _phases, ...old } = good;
    expect(restoreSessionRecord(old)?.phases.map((p) => p.id)).toEqual(['plan', 'code', 'review']);
  });

  it('keeps a well-formed record as it is', () => {
    expect(restoreSessionRecord(good)).toEqual(good);
  });

  it('keeps the language and the chosen features (ids that are not text are left out)', () => {
    const r = restoreSessionRecord({ ...good, language: 'python', features: ['typing', 3, '', 'receipts'] });
    expect(r?.language).toBe('python');
    expect(r?.features).toEqual(['typing', 'receipts']);
    expect(restoreSessionRecord({ ...good, language: 'cobol', features: 'typing' })).toEqual(good);
  });

  it('rejects records without identity', () => {
    for (const bad of [
      null,
      42,
      'x',
      [],
      { ...good, id: '' },
      { ...good, id: 7 },
      { ...good, problemId: undefined },
      { ...good, startedAt: NaN },
    ]) {
      expect(restoreSessionRecord(bad)).toBeNull();
    }
  });

  it('fills every other field with a safe default', () => {
    const r = restoreSessionRecord({
      id: 's',
      problemId: 'p',
      startedAt: 5,
      status: 'weird',
      silences: [{ startMs: 3, endMs: 1 }, 'x', { startMs: 1, endMs: 2 }],
    });
    expect(r).toEqual({
      id: 's',
      problemId: 'p',
      protocolId: '',
      phases: [],
      startedAt: 5,
      endedAt: null,
      status: 'interrupted',
      audio: null,
      audioOffReason: 'unsupported',
      silenceThresholdMs: 30_000,
      levelFrameMs: 50,
      silences: [{ startMs: 1, endMs: 2 }],
    });
  });

  it('drops the audio when any segment is malformed, and negative durations become unknown', () => {
    expect(restoreSessionRecord({ ...good, audio: { segments: [{ index: -1, mimeType: 'a', startMs: 0 }] } })?.audio).toBeNull();
    const r = restoreSessionRecord({ ...good, audio: { segments: [{ index: 0, mimeType: 'a', startMs: 0, durationMs: -3 }] } });
    expect(r?.audio?.segments[0]?.durationMs).toBeNull();
  });
});

describe('restoreSessionEvent', () => {
  it('keeps every valid event type', () => {
    const events = [
      { t: 0, type: 'snapshot', file: 'solution.ts', text: 'a' },
      { t: 1, type: 'edit', file: 'notes.md', changes: [{ offset: 0, deleteCount: 1, insert: 'b' }] },
      { t: 9, startT: 2, type: 'edit', file: 'solution.ts', changes: [] },
      { t: 2, type: 'run', mode: 'submit', outcome: 'completed', passed: 3, total: 4 },
      { t: 3, type: 'phase', phaseId: 'code', phaseIndex: 1 },
      { t: 4, type: 'pause' },
      { t: 5, type: 'resume' },
      { t: 6, type: 'mute', muted: true },
      { t: 7, type: 'nudge', kind: 'silence', silenceMs: 31_000 },
      { t: 8, type: 'resumed-after-interruption', segment: 1 },
      { t: 10, type: 'reference-opened' },
    ];
    for (const e of events) expect(restoreSessionEvent(e)).toEqual(e);
  });

  it('drops unknown types, negative times and partly valid edits', () => {
    expect(restoreSessionEvent({ t: 1, type: 'explode' })).toBeNull();
    expect(restoreSessionEvent({ t: -1, type: 'pause' })).toBeNull();
    expect(
      restoreSessionEvent({
        t: 1,
        type: 'edit',
        file: 'solution.ts',
        changes: [
          { offset: 0, deleteCount: 0, insert: 'a' },
          { offset: 1.5, deleteCount: 0, insert: '' },
        ],
      }),
    ).toBeNull();
    // A file is any project path (core/files/paths.ts); one that is not a path is dropped.
    expect(restoreSessionEvent({ t: 1, type: 'snapshot', file: '../other.ts', text: '' })).toBeNull();
    expect(restoreSessionEvent({ t: 1, type: 'edit', file: '/etc/passwd', changes: [] })).toBeNull();
    expect(restoreSessionEvent({ t: 1, type: 'constructor' })).toBeNull();
    expect(restoreSessionEvent({ t: 1, type: '__proto__' })).toBeNull();
  });

  it('restores a batch, leaving out only its bad events', () => {
    const b = restoreEventBatch({
      sessionId: 's',
      seq: 2,
      events: [
        { t: 1, type: 'pause' },
        { t: 'x', type: 'pause' },
      ],
    });
    expect(b).toEqual({ sessionId: 's', seq: 2, events: [{ t: 1, type: 'pause' }] });
    expect(restoreEventBatch({ sessionId: 's', seq: -1, events: [] })).toBeNull();
  });
});

describe('audio and level rows', () => {
  it('needs a real Blob for audio', () => {
    const blob = new Blob(['x']);
    expect(restoreAudioChunk({ sessionId: 's', segment: 0, seq: 1, t: 1000, blob })).toEqual({
      sessionId: 's',
      segment: 0,
      seq: 1,
      t: 1000,
      blob,
      final: false,
    });
    expect(restoreAudioChunk({ sessionId: 's', segment: 0, seq: 1, t: 1000, blob: 'x' })).toBeNull();
  });

  it('reads non-numbers in a level batch as silence', () => {
    expect(restoreLevelBatch({ sessionId: 's', segment: 0, seq: 0, startFrame: 10, db: [-20, null, NaN] })?.db).toEqual([-20, -100, -100]);
    expect(restoreLevelBatch({ sessionId: 's', segment: 0, seq: 0, startFrame: 10, db: 'x' })).toBeNull();
    // Voice levels (newer batches) are kept when they match the frames one for one, else dropped.
    expect(restoreLevelBatch({ sessionId: 's', segment: 0, seq: 0, startFrame: 0, db: [-20, -30], voiceDb: [-25, 'x'] })?.voiceDb).toEqual([
      -25, -100,
    ]);
    expect(restoreLevelBatch({ sessionId: 's', segment: 0, seq: 0, startFrame: 0, db: [-20, -30], voiceDb: [-25] })).not.toHaveProperty(
      'voiceDb',
    );
    expect(restoreLevelBatch({ sessionId: 's', segment: 0, seq: 0, startFrame: 0, db: [-20] })).not.toHaveProperty('voiceDb');
  });
});
