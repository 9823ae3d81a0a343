/**
 * Page side of the import worker: spawns it on first use, matches replies to requests by id, gathers the
 * log's chunks, and gives up on a worker that goes silent (no message, not even progress, for
 * IMPORT_STALL_LIMIT_MS): the worker is terminated, the check fails with a message, and the next check
 * gets a fresh worker. Refusals come back as the same BundleError parseBundle threw in the worker.
 */
import { BundleError, type BundleErrorCode } from '../../../core/bundle/errors';
import type { ImportProgress } from '../../../core/bundle/progress';
import type { SessionEvent } from '../../../core/session/types';
import { IMPORT_STALL_LIMIT_MS, isImportResponse, type CheckedBundle, type ImportRequest, type ImportResponse } from './protocol';

/** A checked bundle, whole again on the page: ready for storage/importSession.ts. */
export type CheckedImport = CheckedBundle & { events: SessionEvent[] };

export interface WorkerLike {
  postMessage(message: ImportRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

interface Pending {
  events: SessionEvent[];
  onProgress: ((p: ImportProgress) => void) | undefined;
  resolve: (bundle: CheckedImport) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

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
  check(file: Blob, knownProblemIds: string[], onProgress?: (p: ImportProgress) => void): Promise<CheckedImport> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { events: [], onProgress, resolve, reject, timer: undefined });
      this.watch(id);
      worker.postMessage({ type: 'check', id, file, knownProblemIds });
    });
  }

  dispose(): void {
    this.fail(new Error('The bundle check was stopped.'));
  }

  /** (Re)starts the request's stall timer: every message from the worker proves it is alive. */
  private watch(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      this.fail(new Error(`Checking the bundle stopped responding for ${Math.round(this.stallLimitMs / 1000)} s, so it was stopped. Try again; if it happens again, the file may be damaged.`));
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
    switch (reply.type) {
      case 'progress':
        this.watch(reply.id);
        pending.onProgress?.({ stage: reply.stage, fraction: reply.fraction });
        return;
      case 'events':
        this.watch(reply.id);
        for (const event of reply.events) pending.events.push(event);
        pending.onProgress?.({ stage: 'receiving', fraction: reply.total ? pending.events.length / reply.total : 1 });
        return;
      case 'checked': {
        this.settle(reply.id);
        if (pending.events.length !== reply.eventCount) return pending.reject(new Error(`The bundle check lost part of the event log (${pending.events.length} of ${reply.eventCount} events).`));
        pending.resolve({ ...reply.bundle, events: pending.events });
        return;
      }
      case 'refused':
        this.settle(reply.id);
        pending.reject(new BundleError(reply.code as BundleErrorCode, reply.message));
        return;
      case 'internal-error':
        this.settle(reply.id);
        pending.reject(new Error(`The bundle could not be checked: ${reply.message}`));
        return;
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
      if (this.worker === worker) this.fail(new Error(`The bundle check stopped: ${event.message || 'the worker failed'}.`));
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
