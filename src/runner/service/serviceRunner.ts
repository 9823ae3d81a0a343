/**
 * The runner's service mode (docs/decisions/api-scenarios.md): one long-lived sandboxed worker per
 * `serviceKey`, started from the files on the first request, after the files changed, or after a restart,
 * and never used for a verdict (frame/services.ts makes it apart from the test workers). Requests to one
 * service run in order (requestQueue.ts). The page keeps each service's disk (disk.ts): every reply carries
 * the files that changed and the next worker is seeded with them, so the data outlives restarts, time-outs
 * and crashes. The page watches every step itself (deadlines.ts) and has a late worker terminated; the next
 * request starts a fresh one.
 */
import type { RequestOutcome } from '../../core/api/http';
import type { Language } from '../../core/languages/registry';
import type { RunnerClient } from '../clients/client';
import { normaliseTimeout, SERVICE_SPAWN_LIMIT_MS, serviceRequestLimitMs, serviceStartLimitMs } from '../deadlines';
import type { StackMapper } from '../results/stackMapping';
import type { ServiceSandbox } from '../sandbox/serviceFrames';
import { isServiceToHost, type HostToService, type ServiceError, type ServiceToHost } from '../sandbox/serviceProtocol';
import type { ConsoleLine, ServiceReply, ServiceRequest } from '../types';
import { applyDiskChanges, seedOf, type DiskFiles } from './disk';
import { KeyedQueue } from './requestQueue';

interface Running {
  service: number;
  port: MessagePort;
  /** The files (and entry) it was started from: other files start a new worker. */
  filesKey: string;
  mapStack: StackMapper;
  /** Resolves the exchange under way, if any. */
  answer: ((message: Answer) => void) | null;
  /** Why the worker died by itself, once it did. */
  died: string | null;
}

type Answer = ServiceToHost | { type: 'late' } | { type: 'died'; message: string };

interface Slot {
  disk: DiskFiles;
  running: Running | null;
}

type ErrorOutcome = Extract<RequestOutcome, { kind: 'error' }>;

export class ServiceRunner {
  private readonly slots = new Map<string, Slot>();
  private readonly queue = new KeyedQueue();
  private nextRequest = 1;

  constructor(
    private readonly sandbox: ServiceSandbox,
    private readonly clients: Readonly<Record<Language, RunnerClient>>,
  ) {}

  /** Never rejects: every failure is an outcome. */
  request(request: ServiceRequest): Promise<ServiceReply> {
    return this.queue
      .run(request.serviceKey, () => this.send(request))
      .catch((err: unknown) => ({ outcome: { kind: 'error', message: `The service failed: ${messageOf(err)}` }, console: [] }));
  }

  /** Stops the service after the requests already sent; its disk is kept for the next start. */
  restart(serviceKey: string): Promise<void> {
    return this.queue.run(serviceKey, () => {
      const slot = this.slots.get(serviceKey);
      if (slot) this.stop(slot);
      return Promise.resolve();
    });
  }

  dispose(): void {
    for (const slot of this.slots.values()) this.stop(slot);
    this.slots.clear();
  }

  private async send(request: ServiceRequest): Promise<ServiceReply> {
    const slot = this.slotOf(request.serviceKey);
    const timeoutMs = normaliseTimeout(request.timeoutMs);
    const filesKey = keyOf(request);
    if (slot.running && (slot.running.filesKey !== filesKey || slot.running.died !== null)) this.stop(slot);
    let startConsole: ConsoleLine[] = [];
    if (!slot.running) {
      const started = await this.start(slot, request, filesKey, timeoutMs);
      if ('outcome' in started) return started;
      startConsole = started.console;
    }
    const running = slot.running;
    if (!running) return { outcome: { kind: 'error', message: 'The service stopped before the request was sent.' }, console: startConsole };
    const id = this.nextRequest++;
    const began = performance.now();
    const answer = await this.exchange(running, { type: 'request', id, request: request.request }, serviceRequestLimitMs(timeoutMs));
    const ms = Math.round(performance.now() - began);
    if (answer.type === 'late') {
      this.stop(slot);
      return { outcome: { kind: 'timed-out', ms }, console: startConsole };
    }
    if (answer.type === 'died' || answer.type === 'started' || answer.type === 'start-failed' || answer.id !== id) {
      this.stop(slot);
      const why = answer.type === 'died' ? answer.message : 'it answered out of turn';
      return { outcome: { kind: 'error', message: `The service stopped: ${why}` }, console: startConsole };
    }
    applyDiskChanges(slot.disk, answer.disk);
    const console = [...startConsole, ...answer.console];
    if (answer.type === 'reply') return { outcome: { kind: 'response', response: answer.response, ms }, console };
    return { outcome: located(answer.error, running.mapStack, 'The request failed'), console };
  }

  /** A worker for the slot, started from the request's files; or the outcome saying why it did not start. */
  private async start(
    slot: Slot,
    request: ServiceRequest,
    filesKey: string,
    timeoutMs: number,
  ): Promise<ServiceReply | { console: ConsoleLine[] }> {
    if (!Object.hasOwn(request.files, request.entry)) {
      return {
        outcome: { kind: 'error', message: `The service's entry ${request.entry} is not one of the project's files.` },
        console: [],
      };
    }
    const client = this.clients[request.language];
    const plan = client.prepareService
      ? await client.prepareService(request)
      : ({ ok: false, outcome: { kind: 'error', message: `Services cannot run in ${request.language}.` } } as const);
    if (!plan.ok) return { outcome: plan.outcome, console: [] };
    let spawned;
    try {
      spawned = await this.sandbox.spawn(request.language, SERVICE_SPAWN_LIMIT_MS);
    } catch (err) {
      return { outcome: { kind: 'error', message: `The service's sandbox did not start: ${messageOf(err)}` }, console: [] };
    }
    const running: Running = { ...spawned, filesKey, mapStack: plan.mapStack, answer: null, died: null };
    slot.running = running;
    running.port.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (isServiceToHost(data)) running.answer?.(data);
    };
    this.sandbox.watch(running.service, (message) => {
      running.died = message;
      running.answer?.({ type: 'died', message });
    });
    const limitMs = serviceStartLimitMs(request.language, timeoutMs);
    const answer = await this.exchange(running, plan.start(seedOf(slot.disk)), limitMs);
    if (answer.type === 'started') return { console: answer.console };
    this.stop(slot);
    if (answer.type === 'start-failed')
      return { outcome: located(answer.error, plan.mapStack, 'The service could not start'), console: answer.console };
    const message =
      answer.type === 'late'
        ? `The service did not start within ${(limitMs / 1000).toFixed(1)} s: does its start-up code loop forever or wait for something that never comes?`
        : `The service stopped while starting: ${answer.type === 'died' ? answer.message : 'it answered out of turn'}`;
    return { outcome: { kind: 'error', message }, console: [] };
  }

  /** Sends one message and waits for the worker's answer, its death, or the deadline. */
  private exchange(running: Running, message: HostToService, limitMs: number): Promise<Answer> {
    if (running.died !== null) return Promise.resolve({ type: 'died', message: running.died });
    return new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => finish({ type: 'late' }), limitMs);
      const finish = (answer: Answer) => {
        clearTimeout(timer);
        running.answer = null;
        resolve(answer);
      };
      running.answer = finish;
      // The disk's copies are the worker's to keep; sql.js's bytes are copied (the page keeps them for the next).
      running.port.postMessage(message, message.type === 'start' ? message.disk.changed.map(([, bytes]) => bytes) : []);
    });
  }

  private stop(slot: Slot): void {
    const running = slot.running;
    if (!running) return;
    slot.running = null;
    running.port.onmessage = null;
    running.port.close();
    running.answer?.({ type: 'died', message: 'the service was stopped' });
    this.sandbox.stop(running.service);
  }

  private slotOf(key: string): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { disk: new Map(), running: null };
      this.slots.set(key, slot);
    }
    return slot;
  }
}

/** An error in the candidate's code, located in a project file when its stack says where. */
function located(error: ServiceError, mapStack: StackMapper, prefix: string): ErrorOutcome {
  const mapped = error.stack ? mapStack(error.stack) : null;
  const at = mapped?.at;
  const where = mapped?.where ? ` (${mapped.where})` : '';
  return { kind: 'error', message: `${prefix}: ${error.message}${where}`, ...(at ? { file: at.file, line: at.line } : {}) };
}

function keyOf(request: ServiceRequest): string {
  const files = Object.entries(request.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([request.language, request.entry, files]);
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
