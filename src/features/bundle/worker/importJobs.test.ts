import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../core/bundle/buildBundle';
import { fixtureSource } from '../../../core/bundle/testFixture';
import { ImportWriteError, type ImportableSession, type ImportMode } from '../../../storage/importSession';
import { ImportJobs } from './importJobs';
import { isImportResponse, type ImportResponse } from './protocol';

/** The jobs with a stand-in for the IndexedDB write (Node has no IndexedDB; the e2e journeys cover it). */
function setUp(fail?: ImportWriteError) {
  const sent: ImportResponse[] = [];
  const written: { bundle: ImportableSession; mode: ImportMode }[] = [];
  let now = 0;
  const jobs = new ImportJobs(
    (m) => sent.push(m),
    async (bundle, mode, options) => {
      options?.onProgress?.(1);
      if (fail) throw fail;
      written.push({ bundle, mode });
      return mode === 'copy' ? 'copy-id' : bundle.session.id;
    },
    () => (now += 100),
  );
  return { jobs, sent, written };
}

const check = (id: number, bytes: Uint8Array, knownProblemIds = ['token-bucket']) => ({
  type: 'check' as const,
  id,
  file: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  knownProblemIds,
});

describe('the import worker’s jobs', () => {
  it('checks a bundle (progress, then a summary) and writes the kept bundle, recordings as Blobs', async () => {
    const source = fixtureSource();
    const { jobs, sent, written } = setUp();
    await jobs.handle(check(7, await buildBundle(source)));
    expect(sent.every(isImportResponse)).toBe(true);
    expect(sent[0]).toMatchObject({ type: 'progress', id: 7, stage: 'reading' });
    expect(sent.filter((m) => m.type === 'progress').map((m) => m.stage)).toEqual(
      expect.arrayContaining(['reading', 'files', 'session', 'log', 'audio']),
    );
    expect(sent.at(-1)).toEqual({
      type: 'checked',
      id: 7,
      summary: {
        checkId: 7,
        problem: { id: 'token-bucket', title: 'Token-bucket rate limiter' },
        session: source.session,
        review: source.review,
        eventCount: source.events.length,
      },
    });

    await jobs.handle({ type: 'save', id: 8, checkId: 7, mode: 'new' });
    expect(sent.at(-1)).toEqual({ type: 'saved', id: 8, sessionId: source.session.id });
    const [{ bundle, mode }] = written as [{ bundle: ImportableSession; mode: ImportMode }];
    expect(mode).toBe('new');
    expect(bundle.events).toEqual(source.events);
    expect(bundle.audio[0]!.blob.type).toBe('audio/webm;codecs=opus');
    expect(new Uint8Array(await bundle.audio[0]!.blob.arrayBuffer())).toEqual(source.audio[0]!.bytes);
    // Saved once: the bundle is no longer kept.
    await jobs.handle({ type: 'save', id: 9, checkId: 7, mode: 'new' });
    expect(sent.at(-1)).toMatchObject({ type: 'internal-error', id: 9 });
  });

  it('answers a bad bundle with its refusal (an unknown problem is one) and keeps nothing to save', async () => {
    const { jobs, sent, written } = setUp();
    await jobs.handle(check(1, strToU8('not a zip')));
    expect(sent.at(-1)).toEqual({
      type: 'refused',
      id: 1,
      code: 'not-zip',
      message: 'This file is not a Rehearse bundle: it is not a zip archive.',
    });
    await jobs.handle(check(2, await buildBundle(fixtureSource()), ['two-sum']));
    expect(sent.at(-1)).toMatchObject({ type: 'refused', id: 2, code: 'unknown-problem' });
    await jobs.handle({ type: 'save', id: 3, checkId: 2, mode: 'new' });
    expect(sent.at(-1)).toMatchObject({ type: 'internal-error', id: 3 });
    expect(written).toEqual([]);
  });

  it('a discarded bundle cannot be saved; a failed write says why', async () => {
    const { jobs, sent } = setUp();
    await jobs.handle(check(1, await buildBundle(fixtureSource())));
    await jobs.handle({ type: 'discard', id: 2, checkId: 1 });
    await jobs.handle({ type: 'save', id: 3, checkId: 1, mode: 'replace' });
    expect(sent.at(-1)).toMatchObject({ type: 'internal-error', id: 3 });

    const failing = setUp(new ImportWriteError('quota', 'There is not enough storage space to import this session.'));
    await failing.jobs.handle(check(1, await buildBundle(fixtureSource())));
    await failing.jobs.handle({ type: 'save', id: 2, checkId: 1, mode: 'new' });
    expect(failing.sent.at(-1)).toEqual({
      type: 'save-failed',
      id: 2,
      reason: 'quota',
      message: 'There is not enough storage space to import this session.',
    });
  });
});
