import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompileClient, PREPARE_DELAY_MS } from './compileClient';
import type { CompileRequest } from './protocol';

/** A stand-in for the compile worker: answers init and compiles with canned replies, counting requests. */
class FakeWorker {
  static requests: CompileRequest[] = [];
  private listener: ((event: MessageEvent) => void) | null = null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    if (type === 'message') this.listener = listener;
  }
  postMessage(request: CompileRequest): void {
    FakeWorker.requests.push(request);
    const reply =
      request.type === 'init'
        ? { type: 'init-done', id: request.id, ms: 1 }
        : {
            type: 'compiled',
            id: request.id,
            projectCode: `s:${request.files['solution.ts']}`,
            projectMap: '{}',
            testsCode: 't',
            testsMap: '{}',
            ms: 1,
          };
    queueMicrotask(() => this.listener?.({ data: reply } as MessageEvent));
  }
  terminate(): void {}
}

describe('CompileClient', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers a repeat of the last compile without asking the worker', async () => {
    FakeWorker.requests = [];
    vi.stubGlobal('Worker', FakeWorker);
    const client = new CompileClient('/esbuild.wasm');
    const input = { files: { 'solution.ts': 'a' }, tests: 'b', testFileName: 'hidden.test.ts' };
    const first = await client.compile(input);
    expect(await client.compile({ ...input })).toBe(first);
    expect(FakeWorker.requests.map((r) => r.type)).toEqual(['init', 'compile']);

    await client.compile({ ...input, files: { 'solution.ts': 'a2' } });
    await client.compile({ ...input, files: { 'solution.ts': 'a2' }, testFileName: 'examples.test.ts' });
    expect(FakeWorker.requests.map((r) => r.type)).toEqual(['init', 'compile', 'compile', 'compile']);
    client.dispose();
  });

  it('compiles prepared inputs once the text rests, so the click asks the worker nothing', async () => {
    vi.useFakeTimers();
    FakeWorker.requests = [];
    vi.stubGlobal('Worker', FakeWorker);
    const client = new CompileClient('/esbuild.wasm');
    await client.warmUp();
    const hidden = { files: { 'solution.ts': 'a' }, tests: 'h', testFileName: 'hidden.test.ts' };
    const examples = { files: { 'solution.ts': 'a' }, tests: 'e', testFileName: 'examples.test.ts' };
    client.prepare([{ ...hidden, files: { 'solution.ts': 'typing…' } }]);
    await vi.advanceTimersByTimeAsync(PREPARE_DELAY_MS - 1);
    client.prepare([hidden, examples]); // a key before the pause ended: only the newest text is compiled
    await vi.advanceTimersByTimeAsync(PREPARE_DELAY_MS);
    expect(FakeWorker.requests.map((r) => (r.type === 'compile' ? `${r.files['solution.ts']}/${r.tests}` : r.type))).toEqual([
      'init',
      'a/h',
      'a/e',
    ]);
    await client.compile({ ...hidden });
    await client.compile({ ...examples });
    expect(FakeWorker.requests).toHaveLength(3);
    client.dispose();
    vi.useRealTimers();
  });

  it('never starts the compiler to prepare; what waits is compiled once warmUp has it up', async () => {
    vi.useFakeTimers();
    FakeWorker.requests = [];
    vi.stubGlobal('Worker', FakeWorker);
    const client = new CompileClient('/esbuild.wasm');
    const input = { files: { 'solution.ts': 'a' }, tests: 'h', testFileName: 'hidden.test.ts' };
    client.prepare([input]);
    await vi.advanceTimersByTimeAsync(PREPARE_DELAY_MS * 5);
    expect(FakeWorker.requests).toEqual([]);
    await client.warmUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeWorker.requests.map((r) => r.type)).toEqual(['init', 'compile']);
    client.dispose();
    vi.useRealTimers();
  });

  it('a click during a prepared compile of the same text waits for it instead of compiling again', async () => {
    FakeWorker.requests = [];
    vi.stubGlobal('Worker', FakeWorker);
    const client = new CompileClient('/esbuild.wasm');
    const input = { files: { 'solution.ts': 'a' }, tests: 'h', testFileName: 'hidden.test.ts' };
    const first = client.compile(input);
    const second = client.compile({ ...input });
    expect(await second).toBe(await first);
    expect(FakeWorker.requests.map((r) => r.type)).toEqual(['init', 'compile']);
    client.dispose();
  });
});
