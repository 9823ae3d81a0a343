import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../core/bundle/buildBundle';
import { fixtureSource } from '../../../core/bundle/testFixture';
import type { SessionEvent } from '../../../core/session/types';
import { checkBundleFile } from './checkBundleFile';
import { EVENTS_PER_MESSAGE, isImportResponse, type ImportResponse } from './protocol';

async function run(bytes: Uint8Array, knownProblemIds = ['token-bucket']): Promise<ImportResponse[]> {
  const sent: ImportResponse[] = [];
  let now = 0;
  await checkBundleFile({ type: 'check', id: 7, file: new Blob([bytes as Uint8Array<ArrayBuffer>]), knownProblemIds }, (m) => sent.push(m), () => (now += 100));
  return sent;
}

describe('the import worker’s check', () => {
  it('sends progress, then the log in chunks, then the session with its recordings as Blobs', async () => {
    const source = fixtureSource();
    // More events than one message holds, all within the 12-second session.
    const extra: SessionEvent[] = Array.from({ length: EVENTS_PER_MESSAGE + 10 }, () => ({ t: 12_000, type: 'mute', muted: false }));
    source.events = [...source.events, ...extra];
    const sent = await run(await buildBundle(source));
    expect(sent.every(isImportResponse)).toBe(true);
    expect(sent.every((m) => m.id === 7)).toBe(true);
    const kinds = sent.map((m) => m.type);
    expect(kinds[0]).toBe('progress');
    expect(kinds.at(-1)).toBe('checked');
    const chunks = sent.filter((m) => m.type === 'events');
    expect(chunks.map((m) => m.events.length)).toEqual([EVENTS_PER_MESSAGE, source.events.length - EVENTS_PER_MESSAGE]);
    expect(chunks.flatMap((m) => m.events)).toEqual(source.events);
    const checked = sent.at(-1) as Extract<ImportResponse, { type: 'checked' }>;
    expect(checked.eventCount).toBe(source.events.length);
    expect(checked.bundle.session).toEqual(source.session);
    const blob = checked.bundle.audio[0]!.blob;
    expect(blob.type).toBe('audio/webm;codecs=opus');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(source.audio[0]!.bytes);
    const stages = sent.filter((m) => m.type === 'progress').map((m) => m.stage);
    expect(stages).toEqual(expect.arrayContaining(['reading', 'files', 'session', 'log', 'audio']));
  });

  it('answers a bad bundle with its refusal, and an unknown problem as one', async () => {
    const [last] = (await run(strToU8('not a zip'))).slice(-1);
    expect(last).toEqual({ type: 'refused', id: 7, code: 'not-zip', message: 'This file is not a Rehearse bundle: it is not a zip archive.' });
    const [unknown] = (await run(await buildBundle(fixtureSource()), ['two-sum'])).slice(-1);
    expect(unknown).toMatchObject({ type: 'refused', code: 'unknown-problem' });
  });
});
