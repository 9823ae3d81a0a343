/** What a language's runner client does (clients/index.ts has one per language), and what it is made with. */
import type { SandboxHost } from '../sandbox/sandboxHost';
import type { SqlJsLoader } from '../sqlWasm';
import type { TestManifest } from '../testManifest';
import type { RequestOutcome } from '../../core/api/http';
import type { StackMapper } from '../results/stackMapping';
import type { DiskChanges, ServiceStart } from '../sandbox/serviceProtocol';
import type { RunProgress, RunRequest, RunResult, ServiceRequest } from '../types';

export interface RunnerClient {
  /** Runs one request of this language to its result; failures of any part are results, never throws. */
  run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult>;
  /** Work done ahead of the click for these requests (TypeScript compiles them); each call replaces the last. */
  prepare?(requests: readonly RunRequest[]): void;
  /** Starts what the language's first run needs (TypeScript's compiler, Python's download); safe to repeat. */
  warmUp?(onProgress?: (p: RunProgress) => void): Promise<void>;
  /**
   * What starting this language's service takes (an API scenario, service/serviceRunner.ts): the message that
   * starts its worker and how to locate its errors, or why it cannot start (a compile error, no runtime).
   */
  prepareService?(request: ServiceRequest): Promise<ServicePlan>;
  /**
   * Warmed up with the runner, when the browser is idle, whatever language is chosen (a cheap start). A
   * client without it warms up only when its language is chosen (Python's download is tens of MB).
   */
  readonly warmsUpWithRunner?: boolean;
  dispose?(): void;
}

/** What the clients are made with: the one sandbox frame, the build's test manifest, our build's assets. */
export interface RunnerClientParts {
  sandbox: SandboxHost;
  manifest: TestManifest;
  /** URL of esbuild.wasm in our own build (TypeScript's compiler). */
  wasmURL: string;
  /** sql.js, for code that imports `sql.js` (fetched once, on first need). */
  sqlJs: SqlJsLoader;
}

export type ServicePlan =
  | { ok: true; start: (disk: DiskChanges) => ServiceStart; mapStack: StackMapper }
  | { ok: false; outcome: Extract<RequestOutcome, { kind: 'error' }> };
