import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompileClient } from './compileClient';
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
            solutionCode: `s:${request.solution}`,
            solutionMap: '{}',
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
    const input = { solution: 'a', tests: 'b', testFileName: 'hidden.test.ts' };
    const first = await client.compile(input);
    expect(await client.compile({ ...input })).toBe(first);
    expect(FakeWorker.requests.map((r) => r.type)).toEqual(['init', 'compile']);

    await client.compile({ ...input, solution: 'a2' });
    await client.compile({ ...input, solution: 'a2', testFileName: 'examples.test.ts' });
    expect(FakeWorker.requests.map((r) => r.type)).toEqual(['init', 'compile', 'compile', 'compile']);
    client.dispose();
  });
});
