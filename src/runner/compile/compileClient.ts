/**
 * Main-page side of the compile worker: spawns it on first use, initialises esbuild-wasm once, and
 * matches replies to requests by id. If the worker dies, pending requests fail and the next call respawns.
 */

import type { BundleInput, BundleOutput } from './bundle';
import { isCompileResponse, type CompileRequest, type CompileResponse } from './protocol';

type Pending = { resolve: (r: CompileResponse) => void; reject: (e: Error) => void };
type RequestBody<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * Compiles kept, newest last: the examples and the hidden tests of the code as it stands (a Run and a Submit
 * of the same text), and the pair before it.
 */
const KEPT_COMPILES = 4;
/** How long the text must rest before it is compiled ahead of a click: a typing pause, not every key. */
export const PREPARE_DELAY_MS = 200;

const keyOf = (input: BundleInput) => JSON.stringify([input.testFileName, sortedEntries(input.files), input.tests]);

function sortedEntries(files: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export class CompileClient {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Compiles done or under way, by input (insertion order = recency). Rejections are dropped. */
  private readonly compiles = new Map<string, Promise<BundleOutput>>();
  private prepareTimer: ReturnType<typeof setTimeout> | null = null;
  private toPrepare: readonly BundleInput[] = [];

  constructor(private readonly wasmURL: string) {}

  /** Starts the worker and esbuild's initialisation; idempotent. */
  warmUp(): Promise<void> {
    if (this.ready) return this.ready;
    const ready = this.request({ type: 'init', wasmURL: this.wasmURL }).then((reply) => {
      if (reply.type !== 'init-done') throw new Error(this.describe(reply));
    });
    ready.then(
      () => {
        if (this.prepareTimer === null && this.toPrepare.length > 0) void this.compileWaiting();
      },
      () => {
        if (this.ready === ready) this.ready = null; // let the next call retry
      },
    );
    this.ready = ready;
    return ready;
  }

  /**
   * Compiling is pure, so a compile is asked of the worker once per input: Submit again (or Run → Submit →
   * Run) with nothing changed, or a click on code that prepare() already compiled while the person paused,
   * finds the answer (or the compile under way) here, without even the worker's round trip.
   */
  compile(input: BundleInput): Promise<BundleOutput> {
    const key = keyOf(input);
    const known = this.compiles.get(key);
    if (known) {
      this.compiles.delete(key);
      this.compiles.set(key, known);
      return known;
    }
    const output = this.compileInWorker({ files: input.files, tests: input.tests, testFileName: input.testFileName });
    this.compiles.set(key, output);
    output.catch(() => {
      if (this.compiles.get(key) === output) this.compiles.delete(key);
    });
    while (this.compiles.size > KEPT_COMPILES) this.compiles.delete(this.compiles.keys().next().value as string);
    return output;
  }

  /**
   * Compiles these inputs in the background once the text has rested PREPARE_DELAY_MS (each call replaces
   * the last), so the next Run or Submit of the same text pays nothing for compiling. Only once the
   * compiler is warming up (warmUp): preparing never starts esbuild itself, which would compete with the
   * editor's start-up.
   */
  prepare(inputs: readonly BundleInput[]): void {
    this.toPrepare = inputs;
    if (this.prepareTimer !== null) clearTimeout(this.prepareTimer);
    this.prepareTimer = setTimeout(() => {
      this.prepareTimer = null;
      const ready = this.ready;
      if (!ready) return; // warmUp() prepares what is waiting once the compiler is up
      void ready.then(
        () => this.compileWaiting(),
        () => undefined,
      );
    }, PREPARE_DELAY_MS);
  }

  /** One after the other: the first is what a click most likely needs. Failures surface at the click. */
  private async compileWaiting(): Promise<void> {
    const inputs = this.toPrepare;
    for (const input of inputs) {
      if (this.toPrepare !== inputs) return; // the text changed meanwhile: a newer prepare() has it
      await this.compile(input).catch(() => undefined);
    }
  }

  private async compileInWorker(input: BundleInput): Promise<BundleOutput> {
    await this.warmUp();
    const reply = await this.request({
      type: 'compile',
      files: Object.fromEntries(sortedEntries(input.files)),
      tests: input.tests,
      testFileName: input.testFileName,
    });
    if (reply.type === 'compiled') {
      return {
        ok: true,
        project: { code: reply.projectCode, map: reply.projectMap },
        tests: { code: reply.testsCode, map: reply.testsMap },
      };
    }
    if (reply.type === 'compile-failed') return { ok: false, diagnostics: reply.diagnostics };
    throw new Error(this.describe(reply));
  }

  dispose(): void {
    if (this.prepareTimer !== null) clearTimeout(this.prepareTimer);
    this.prepareTimer = null;
    this.toPrepare = [];
    this.fail(new Error('compiler disposed'));
  }

  private request(body: RequestBody<CompileRequest>): Promise<CompileResponse> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id } as CompileRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./compile.worker.ts', import.meta.url), { type: 'module', name: 'rehearse-compile' });
    worker.addEventListener('message', (event: MessageEvent) => {
      const reply: unknown = event.data;
      if (!isCompileResponse(reply)) return;
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      pending.resolve(reply);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail(new Error(`The compiler stopped: ${event.message || 'worker error'}`));
    });
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private describe(reply: CompileResponse): string {
    return reply.type === 'internal-error' ? `The compiler failed: ${reply.message}` : `Unexpected reply ${reply.type}`;
  }
}
