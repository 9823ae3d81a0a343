import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PythonRuntimeFiles } from '../pythonProtocol';
import { PythonPool } from './pythonPool';

/** A worker that answers its boot message as the Python worker would, when the test says so. */
class FakeWorker {
  static made: FakeWorker[] = [];
  terminated = false;
  boots = 0;
  private listeners: ((event: { data: unknown }) => void)[] = [];
  constructor() {
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  removeEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type !== 'message') return;
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  postMessage(message: { type: string }): void {
    if (message.type === 'boot') this.boots++;
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(status: unknown): void {
    for (const listener of [...this.listeners]) listener({ data: status });
  }
}

const files: PythonRuntimeFiles = {
  workerScript: '/* worker */',
  loader: '',
  asm: '',
  wasm: new ArrayBuffer(1),
  stdlib: new ArrayBuffer(1),
  lock: '{}',
  snapshot: new ArrayBuffer(1),
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const compiled = {} as WebAssembly.Module;

describe('PythonPool: one restored interpreter per run', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:python');
    vi.spyOn(WebAssembly, 'compile').mockResolvedValue(compiled);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('is ready once the first worker is restored, and hands that worker to the first run', async () => {
    const pool = new PythonPool();
    const ready = pool.init(files);
    expect(FakeWorker.made).toHaveLength(1);
    await flush();
    FakeWorker.made[0]!.answer({ type: 'booted', ms: 200 });
    await ready;
    expect(await pool.take()).toBe(FakeWorker.made[0]);
  });

  it('never hands a worker to a second run: release terminates it and restores the next spare', async () => {
    const pool = new PythonPool();
    const ready = pool.init(files);
    await flush();
    FakeWorker.made[0]!.answer({ type: 'booted', ms: 200 });
    await ready;
    const first = await pool.take();
    pool.release(first);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    const next = pool.take();
    await flush();
    FakeWorker.made[1]!.answer({ type: 'booted', ms: 180 });
    expect(await next).toBe(FakeWorker.made[1]);
    expect(await next).not.toBe(first);
  });

  it('a run that arrives while the spare is restoring waits for it', async () => {
    const pool = new PythonPool();
    void pool.init(files);
    let taken: unknown = null;
    void pool.take().then((w) => (taken = w));
    await flush();
    expect(taken).toBeNull();
    FakeWorker.made[0]!.answer({ type: 'booted', ms: 200 });
    await flush();
    expect(taken).toBe(FakeWorker.made[0]);
  });

  it('a failed restore is reported and does not leave the pool empty', async () => {
    const pool = new PythonPool();
    const ready = pool.init(files);
    await flush();
    FakeWorker.made[0]!.answer({ type: 'boot-failed', message: 'snapshot does not match' });
    await expect(ready).rejects.toThrow('Python did not start: snapshot does not match');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const retry = pool.take();
    expect(FakeWorker.made).toHaveLength(2);
    await flush();
    FakeWorker.made[1]!.answer({ type: 'booted', ms: 200 });
    expect(await retry).toBe(FakeWorker.made[1]);
  });

  it('sends every worker the snapshot and the one module compiled from the WebAssembly, not the bytes', async () => {
    const pool = new PythonPool();
    const post = vi.spyOn(FakeWorker.prototype, 'postMessage');
    void pool.init(files);
    await flush();
    expect(post).toHaveBeenCalledWith(expect.objectContaining({ type: 'boot', snapshot: files.snapshot, module: compiled }));
    expect(post.mock.calls[0]![0]).not.toHaveProperty('workerScript');
    expect(post.mock.calls[0]![0]).not.toHaveProperty('wasm');
    expect(WebAssembly.compile).toHaveBeenCalledTimes(1);
  });
});
