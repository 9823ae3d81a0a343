import { describe, expect, it } from 'vitest';
import { restoreEventBatch } from './restore';
import { EVENT_RESTORERS, restoreSessionEvent, SESSION_EVENT_TYPES } from './restoreEvent';
import { EVENT_SAMPLES, sampleLog } from './testEventSamples';

describe('every event type', () => {
  it('has a restorer, and a sample of each round-trips through the log restore unchanged', () => {
    expect(SESSION_EVENT_TYPES).toEqual(Object.keys(EVENT_RESTORERS));
    for (const type of SESSION_EVENT_TYPES) {
      const sample = (EVENT_SAMPLES as Record<string, { type: string }>)[type];
      expect(sample, `a sample of '${type}' (testEventSamples.ts)`).toBeDefined();
      expect(sample!.type).toBe(type);
      expect(restoreSessionEvent(structuredClone(sample)), type).toEqual(sample);
    }
    expect(Object.keys(EVENT_SAMPLES).sort()).toEqual([...SESSION_EVENT_TYPES].sort());
  });

  it('survives a stored batch (as IndexedDB gives it back) whole', () => {
    const events = sampleLog();
    expect(restoreEventBatch(structuredClone({ sessionId: 's', seq: 0, events }))).toEqual({ sessionId: 's', seq: 0, events });
  });
});

describe('file events', () => {
  it('name files by any project path; anything else is dropped', () => {
    expect(restoreSessionEvent({ t: 1, type: 'snapshot', file: 'chat/hub.ts', text: 'x' })).toEqual({
      t: 1,
      type: 'snapshot',
      file: 'chat/hub.ts',
      text: 'x',
    });
    for (const file of ['', '/abs.ts', 'a/../b.ts', 'a\\b.ts', 'a//b.ts', 'x'.repeat(101), 7, null]) {
      expect(restoreSessionEvent({ t: 1, type: 'file-open', file })).toBeNull();
      expect(restoreSessionEvent({ t: 1, type: 'file-create', file })).toBeNull();
      expect(restoreSessionEvent({ t: 1, type: 'file-delete', file })).toBeNull();
      expect(restoreSessionEvent({ t: 1, type: 'file-rename', from: 'a.ts', to: file })).toBeNull();
      expect(restoreSessionEvent({ t: 1, type: 'file-rename', from: file, to: 'a.ts' })).toBeNull();
      expect(restoreSessionEvent({ t: 1, type: 'edit', file, changes: [] })).toBeNull();
    }
  });

  it('drop a rename onto the same path, and keep only the fields of their type', () => {
    expect(restoreSessionEvent({ t: 1, type: 'file-rename', from: 'a.ts', to: 'a.ts' })).toBeNull();
    expect(restoreSessionEvent({ t: 1, type: 'file-rename', from: 'a.ts', to: 'A.ts' })).toEqual({
      t: 1,
      type: 'file-rename',
      from: 'a.ts',
      to: 'A.ts',
    });
    expect(restoreSessionEvent({ t: 2, type: 'file-delete', file: 'a.ts', text: 'gone', extra: 1 })).toEqual({
      t: 2,
      type: 'file-delete',
      file: 'a.ts',
    });
  });
});
