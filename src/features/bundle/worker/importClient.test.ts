import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundleError } from '../../../core/bundle/errors';
import type { ImportProgress } from '../../../core/bundle/progress';
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

const session = { id: 's', problemId: 'p' };
const checked = (id: number, eventCount: number) =>
  ({ type: 'checked', id, eventCount, bundle: { manifest: {}, problem: { id: 'p', title: 'P' }, session, review: null, levels: [], audio: [{ index: 0, mimeType: 'audio/webm', blob: new Blob(['x']) }] } }) as unknown as ImportResponse;

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

  it('gathers the log’s chunks in order, reports progress, and resolves with the whole bundle', async () => {
    const { client, workers } = setUp();
    const progress: ImportProgress[] = [];
    const file = new Blob(['zip']);
    const result = client.check(file, ['p'], (p) => progress.push(p));
    const w = workers[0]!;
    expect(w.requests).toEqual([{ type: 'check', id: 1, file, knownProblemIds: ['p'] }]);
    w.reply({ type: 'progress', id: 1, stage: 'log', fraction: 0.5 });
    w.reply({ type: 'events', id: 1, events: [{ t: 0, type: 'pause' }], total: 2 });
    w.reply({ type: 'events', id: 2, events: [{ t: 9, type: 'pause' }], total: 1 }); // another request's: ignored
    w.reply({ type: 'events', id: 1, events: [{ t: 1, type: 'resume' }], total: 2 });
    w.reply({ type: 'progress', id: 1, stage: 'bogus', fraction: 1 }); // malformed: ignored
    w.reply(checked(1, 2));
    const bundle = await result;
    expect(bundle.events).toEqual([{ t: 0, type: 'pause' }, { t: 1, type: 'resume' }]);
    expect(bundle.session).toEqual(session);
    expect(progress).toEqual([{ stage: 'log', fraction: 0.5 }, { stage: 'receiving', fraction: 0.5 }, { stage: 'receiving', fraction: 1 }]);
  });

  it('turns a refusal into the BundleError the worker caught', async () => {
    const { client, workers } = setUp();
    const result = client.check(new Blob(['x']), []);
    workers[0]!.reply({ type: 'refused', id: 1, code: 'not-zip', message: 'This file is not a Rehearse bundle: it is not a zip archive.' });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect(error).toMatchObject({ code: 'not-zip', message: 'This file is not a Rehearse bundle: it is not a zip archive.' });
  });

  it('refuses a result that lost part of the log', async () => {
    const { client, workers } = setUp();
    const result = client.check(new Blob(['x']), []);
    workers[0]!.reply({ type: 'events', id: 1, events: [{ t: 0, type: 'pause' }], total: 2 });
    workers[0]!.reply(checked(1, 2));
    await expect(result).rejects.toThrow('lost part of the event log (1 of 2 events)');
  });

  it('stops a worker that goes silent, and the next check gets a fresh one', async () => {
    vi.useFakeTimers();
    const { client, workers } = setUp(1_000);
    const result = client.check(new Blob(['x']), []);
    const outcome = result.then(() => new Error("resolved"), (e: unknown) => e as Error);
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

  it('fails every pending check when the worker crashes', async () => {
    const { client, workers } = setUp();
    const result = client.check(new Blob(['x']), []);
    workers[0]!.crash();
    await expect(result).rejects.toThrow('The bundle check stopped: out of memory.');
    expect(workers[0]!.terminated).toBe(true);
  });
});
