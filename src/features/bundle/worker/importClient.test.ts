import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundleError } from '../../../core/bundle/errors';
import type { ImportProgress } from '../../../core/bundle/progress';
import { ImportWriteError } from '../../../storage/importSession';
import { ImportClient, type WorkerLike } from './importClient';
import type { ImportRequest, ImportResponse } from './protocol';

/** A stand-in worker the test answers by hand. */
class FakeWorker implements WorkerLike {
  requests: ImportRequest[] = [];
  terminated = false;
  private onMessage: ((e: MessageEvent) => void) | null = null;
  private onError: ((e: ErrorEvent) => void) | null = null;
  addEventListener(type: 'message' | 'error', listener: ((e: MessageEvent) => void) | ((e: ErrorEvent) => void)): void {
    if (type === 'message') this.onMessage = listener as (e: MessageEvent) => void;
    else this.onError = listener as (e: ErrorEvent) => void;
  }
  postMessage(request: ImportRequest): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: ImportResponse | Record<string, unknown>): void {
    this.onMessage?.({ data: message } as MessageEvent);
  }
  crash(): void {
    this.onError?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
  }
}

const summary = { checkId: 1, problem: { id: 'p', title: 'P' }, session: { id: 's', startedAt: 5 }, review: null, eventCount: 2 };

function setUp(stallMs = 1_000) {
  const workers: FakeWorker[] = [];
  const client = new ImportClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, stallMs);
  return { client, workers };
}

describe('ImportClient', () => {
  afterEach(() => vi.useRealTimers());

  it('checks, reports progress, then saves the checked bundle by its id', async () => {
    const { client, workers } = setUp();
    const progress: ImportProgress[] = [];
    const file = new Blob(['zip']);
    const checking = client.check(file, ['p'], (p) => progress.push(p));
    const w = workers[0]!;
    expect(w.requests).toEqual([{ type: 'check', id: 1, file, knownProblemIds: ['p'] }]);
    w.reply({ type: 'progress', id: 1, stage: 'log', fraction: 0.5 });
    w.reply({ type: 'progress', id: 2, stage: 'log', fraction: 0.9 }); // another request's: ignored
    w.reply({ type: 'progress', id: 1, stage: 'bogus', fraction: 1 }); // malformed: ignored
    w.reply({ type: 'checked', id: 1, summary });
    expect(await checking).toEqual(summary);
    expect(progress).toEqual([{ stage: 'log', fraction: 0.5 }]);

    const saving = client.save(1, 'copy', (p) => progress.push(p));
    expect(w.requests[1]).toEqual({ type: 'save', id: 2, checkId: 1, mode: 'copy' });
    w.reply({ type: 'progress', id: 2, stage: 'saving', fraction: 0.5 });
    w.reply({ type: 'saved', id: 2, sessionId: 'new-id' });
    expect(await saving).toBe('new-id');
    expect(progress.at(-1)).toEqual({ stage: 'saving', fraction: 0.5 });
    client.discard(1);
    expect(w.requests[2]).toEqual({ type: 'discard', id: 3, checkId: 1 });
  });

  it('turns a refusal into the BundleError, and a failed write into the ImportWriteError', async () => {
    const { client, workers } = setUp();
    const checking = client.check(new Blob(['x']), []);
    workers[0]!.reply({ type: 'refused', id: 1, code: 'not-zip', message: 'This file is not a Rehearse bundle: it is not a zip archive.' });
    const error = await checking.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect(error).toMatchObject({ code: 'not-zip', message: 'This file is not a Rehearse bundle: it is not a zip archive.' });
    const saving = client.save(1, 'new');
    workers[0]!.reply({
      type: 'save-failed',
      id: 2,
      reason: 'quota',
      message: 'There is not enough storage space to import this session.',
    });
    const writeError = await saving.catch((e: unknown) => e);
    expect(writeError).toBeInstanceOf(ImportWriteError);
    expect(writeError).toMatchObject({ reason: 'quota' });
  });

  it('stops a worker that goes silent, and the next request gets a fresh one', async () => {
    vi.useFakeTimers();
    const { client, workers } = setUp(1_000);
    const outcome = client.check(new Blob(['x']), []).then(
      () => new Error('resolved'),
      (e: unknown) => e as Error,
    );
    vi.advanceTimersByTime(900);
    workers[0]!.reply({ type: 'progress', id: 1, stage: 'log', fraction: 0.1 }); // alive: the clock restarts
    vi.advanceTimersByTime(900);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(200);
    expect((await outcome).message).toMatch(/stopped responding for 1 s/);
    expect(workers[0]!.terminated).toBe(true);
    void client.check(new Blob(['y']), []).catch(() => undefined);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.requests[0]!.id).toBe(2);
    client.dispose();
  });

  it('fails every pending request when the worker crashes', async () => {
    const { client, workers } = setUp();
    const checking = client.check(new Blob(['x']), []);
    workers[0]!.crash();
    await expect(checking).rejects.toThrow('The bundle import stopped: out of memory.');
    expect(workers[0]!.terminated).toBe(true);
  });
});
