/**
 * The service runner's bookkeeping against a fake sandbox whose workers answer on real MessageChannels: one
 * worker per service until the files change, a restart or a time-out; the disk carried from worker to worker;
 * a plan that cannot start never asks for a worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunnerClient, ServicePlan } from '../clients/client';
import type { ServiceSandbox, SpawnedService } from '../sandbox/serviceFrames';
import type { HostToService, ServiceToHost } from '../sandbox/serviceProtocol';
import type { ServiceRequest } from '../types';
import { ServiceRunner } from './serviceRunner';

interface FakeWorker {
  service: number;
  /** The disk files the worker was started with. */
  seeded: string[];
  stopped: boolean;
}

/** Workers that start at once and answer by path: /hang never, /write writes a file, anything else 200. */
class FakeSandbox implements ServiceSandbox {
  readonly workers: FakeWorker[] = [];
  private next = 1;

  spawn(): Promise<SpawnedService> {
    const channel = new MessageChannel();
    const worker: FakeWorker = { service: this.next++, seeded: [], stopped: false };
    this.workers.push(worker);
    const reply = (message: ServiceToHost, transfer: Transferable[] = []) => channel.port2.postMessage(message, transfer);
    channel.port2.onmessage = (event: MessageEvent<HostToService>) => {
      const message = event.data;
      if (message.type === 'start') {
        worker.seeded = message.disk.changed.map(([name]) => name);
        reply({ type: 'started', console: [] });
        return;
      }
      const path = message.request.path;
      if (path === '/hang') return;
      const bytes = new TextEncoder().encode(path).buffer;
      const disk =
        path === '/write' ? { changed: [['data.db', bytes]] as [string, ArrayBuffer][], removed: [] } : { changed: [], removed: [] };
      reply({ type: 'reply', id: message.id, response: { status: 200, headers: [], body: path, truncated: false }, console: [], disk });
    };
    return Promise.resolve({ service: worker.service, port: channel.port1 });
  }

  stop(service: number): void {
    const worker = this.workers.find((w) => w.service === service);
    if (worker) worker.stopped = true;
  }

  watch(): void {}
}

const plan: ServicePlan = {
  ok: true,
  start: (disk) => ({ type: 'start', language: 'typescript', code: '', entry: 'server.ts', disk }),
  mapStack: (stack) => ({ text: stack }),
};
const client = (prepared: ServicePlan): RunnerClient => ({
  run: () => Promise.reject(new Error('no runs here')),
  prepareService: () => Promise.resolve(prepared),
});

const request = (path: string, files: Record<string, string> = { 'server.ts': 'v1' }): ServiceRequest => ({
  serviceKey: 'api:typescript',
  language: 'typescript',
  files,
  entry: 'server.ts',
  request: { method: 'GET', path, headers: [], body: '' },
  timeoutMs: 50,
});

let runner: ServiceRunner | null = null;
afterEach(() => runner?.dispose());

function setUp(prepared: ServicePlan = plan): FakeSandbox {
  const sandbox = new FakeSandbox();
  runner = new ServiceRunner(sandbox, { typescript: client(prepared), python: client(prepared) });
  return sandbox;
}

const body = (reply: Awaited<ReturnType<ServiceRunner['request']>>) =>
  reply.outcome.kind === 'response' ? reply.outcome.response.body : reply.outcome.kind;

describe('the service runner', () => {
  it('keeps one worker per service while its files stay the same, and a new one (over the kept disk) when they change', async () => {
    const sandbox = setUp();
    expect(body(await runner!.request(request('/write')))).toBe('/write');
    expect(body(await runner!.request(request('/a')))).toBe('/a');
    expect(sandbox.workers).toHaveLength(1);
    expect(body(await runner!.request(request('/b', { 'server.ts': 'v2' })))).toBe('/b');
    expect(sandbox.workers).toHaveLength(2);
    expect(sandbox.workers[0]!.stopped).toBe(true);
    expect(sandbox.workers[1]!.seeded).toEqual(['data.db']);
  });

  it('answers a request sent while another runs after it, in order', async () => {
    setUp();
    const replies = await Promise.all(['/1', '/2', '/3'].map((path) => runner!.request(request(path))));
    expect(replies.map(body)).toEqual(['/1', '/2', '/3']);
  });

  it('ends a request that does not answer in time as timed out, stops its worker, and serves the next from a fresh one', async () => {
    const sandbox = setUp();
    await runner!.request(request('/write'));
    expect((await runner!.request(request('/hang'))).outcome.kind).toBe('timed-out');
    expect(sandbox.workers[0]!.stopped).toBe(true);
    expect(body(await runner!.request(request('/after')))).toBe('/after');
    expect(sandbox.workers[1]!.seeded).toEqual(['data.db']);
  });

  it('restarts over the kept disk', async () => {
    const sandbox = setUp();
    await runner!.request(request('/write'));
    await runner!.restart('api:typescript');
    expect(sandbox.workers[0]!.stopped).toBe(true);
    await runner!.request(request('/again'));
    expect(sandbox.workers[1]!.seeded).toEqual(['data.db']);
  });

  it('asks for no worker when the service cannot start, and says why', async () => {
    const sandbox = setUp({ ok: false, outcome: { kind: 'error', message: 'server.ts:1:1 Unexpected "("', file: 'server.ts', line: 1 } });
    expect((await runner!.request(request('/x'))).outcome).toEqual({
      kind: 'error',
      message: 'server.ts:1:1 Unexpected "("',
      file: 'server.ts',
      line: 1,
    });
    const missing = await runner!.request({ ...request('/x'), entry: 'main.ts' });
    expect(missing.outcome).toMatchObject({ kind: 'error', message: expect.stringContaining('main.ts is not one of the project') });
    expect(sandbox.workers).toHaveLength(0);
  });
});
