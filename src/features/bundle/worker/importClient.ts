/**
 * Page side of the import worker: spawns it on first use, matches replies to requests by id, and gives
 * up on a worker that goes silent (no message, not even progress, for IMPORT_STALL_LIMIT_MS): the worker
 * is terminated, the request fails with a message, and the next one gets a fresh worker. Refusals come
 * back as the BundleError parseBundle threw in the worker, failed writes as the ImportWriteError.
 */
import { BundleError, type BundleErrorCode } from '../../../core/bundle/errors';
import type { ImportProgress } from '../../../core/bundle/progress';
import { ImportWriteError, type ImportMode } from '../../../storage/importSession';
import { IMPORT_STALL_LIMIT_MS, isImportResponse, type CheckedSummary, type ImportRequest, type ImportResponse } from './protocol';

export type { CheckedSummary };

export interface WorkerLike {
  postMessage(message: ImportRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

type Final = Extract<ImportResponse, { type: 'checked' | 'saved' }>;

interface Pending {
  onProgress: ((p: ImportProgress) => void) | undefined;
  resolve: (reply: Final) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

type RequestBody<T> = T extends unknown ? Omit<T, 'id'> : never;

function spawnImportWorker(): WorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'rehearse-import' });
}

export class ImportClient {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly spawn: () => WorkerLike = spawnImportWorker,
    private readonly stallLimitMs = IMPORT_STALL_LIMIT_MS,
  ) {}

  /** Checks a bundle file in the worker; rejects with a BundleError saying why it cannot be imported. */
  async check(file: Blob, knownProblemIds: string[], onProgress?: (p: ImportProgress) => void): Promise<CheckedSummary> {
    const reply = await this.request({ type: 'check', file, knownProblemIds }, onProgress);
    if (reply.type !== 'checked') throw new Error(`Unexpected reply ${reply.type}`);
    return reply.summary;
  }

  /** Writes the checked bundle (one transaction, in the worker); resolves with the id it was stored under. */
  async save(checkId: number, mode: ImportMode, onProgress?: (p: ImportProgress) => void): Promise<string> {
    const reply = await this.request({ type: 'save', checkId, mode }, onProgress);
    if (reply.type !== 'saved') throw new Error(`Unexpected reply ${reply.type}`);
    return reply.sessionId;
  }

  /** The person cancelled: the worker may drop the checked bundle. */
  discard(checkId: number): void {
    this.worker?.postMessage({ type: 'discard', id: this.nextId++, checkId });
  }

  dispose(): void {
    this.fail(new Error('The bundle import was stopped.'));
  }

  private request(body: RequestBody<ImportRequest>, onProgress?: (p: ImportProgress) => void): Promise<Final> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { onProgress, resolve, reject, timer: undefined });
      this.watch(id);
      worker.postMessage({ ...body, id } as ImportRequest);
    });
  }

  /** (Re)starts the request's stall timer: every message from the worker proves it is alive. */
  private watch(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      this.fail(
        new Error(
          `The bundle import stopped responding for ${Math.round(this.stallLimitMs / 1000)} s, so it was stopped. Try again; if it happens again, the file may be damaged.`,
        ),
      );
    }, this.stallLimitMs);
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    return pending;
  }

  private onReply(reply: ImportResponse): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'progress') {
      this.watch(reply.id);
      pending.onProgress?.({ stage: reply.stage, fraction: reply.fraction });
      return;
    }
    this.settle(reply.id);
    switch (reply.type) {
      case 'checked':
      case 'saved':
        return pending.resolve(reply);
      case 'refused':
        return pending.reject(new BundleError(reply.code as BundleErrorCode, reply.message));
      case 'save-failed':
        return pending.reject(new ImportWriteError(reply.reason, reply.message));
      case 'internal-error':
        return pending.reject(new Error(`The bundle could not be imported: ${reply.message}`));
    }
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.addEventListener('message', (event: MessageEvent) => {
      // Only this worker can post to this object; the shape check guards against our own mistakes.
      if (this.worker === worker && isImportResponse(event.data)) this.onReply(event.data);
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      if (this.worker === worker) this.fail(new Error(`The bundle import stopped: ${event.message || 'the worker failed'}.`));
    });
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const id of [...this.pending.keys()]) this.settle(id)!.reject(error);
  }
}
