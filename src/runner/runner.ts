/**
 * The Runner: one facade over a client per language (clients/): TypeScript compiles (esbuild-wasm worker)
 * and runs in a sandboxed test worker, Python runs in a sandboxed interpreter of its own. Runs are
 * serialised: a second run() waits for the first, so results never interleave.
 */

import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../core/languages/registry';
import { createRunnerClients, type RunnerClients } from './clients';
import { SandboxHost } from './sandbox/sandboxHost';
import { ServiceRunner } from './service/serviceRunner';
import { sqlJsLoader } from './sqlWasm';
import type { TestManifest } from './testManifest';
import type { RunProgress, RunRequest, RunResult, Runner, ServiceReply, ServiceRequest } from './types';

export interface RunnerParts {
  /** URL of esbuild.wasm in our own build. */
  wasmURL: string;
  /** The sandbox frame's script, the test worker's and the service worker's classic scripts, bundled at build time. */
  frameScript: string;
  testWorkerScript: string;
  serviceWorkerScript: string;
  /** sql.js's WebAssembly (URL in our own build) and its classic script (loaded on demand), for code importing `sql.js`. */
  sqlWasmURL: string;
  sqlJsScript: () => Promise<string>;
  /** The tests each problem test file defines, from the build (scripts/vite/testManifestPlugin.ts). */
  manifest: TestManifest;
}

export class RehearseRunner implements Runner {
  private readonly sandbox: SandboxHost;
  private readonly clients: RunnerClients;
  private readonly services: ServiceRunner;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(parts: RunnerParts) {
    this.sandbox = new SandboxHost(parts.frameScript, parts.testWorkerScript, parts.serviceWorkerScript);
    const sqlJs = sqlJsLoader(parts.sqlWasmURL, parts.sqlJsScript);
    this.clients = createRunnerClients({ sandbox: this.sandbox, manifest: parts.manifest, wasmURL: parts.wasmURL, sqlJs });
    this.services = new ServiceRunner(this.sandbox.services, this.clients);
  }

  /** The sandbox frame, and every language whose start is cheap (TypeScript's compiler). */
  warmUp(): Promise<void> {
    const early = LANGUAGES.map((language) => this.clients[language]).filter((client) => client.warmsUpWithRunner);
    return Promise.all([this.sandbox.ready(), ...early.map((client) => client.warmUp?.())]).then(() => undefined);
  }

  /** Starts a language's runtime ahead of its first run (Python's download); nothing for one that has none. */
  warmUpLanguage(language: Language, onProgress?: (p: RunProgress) => void): Promise<void> {
    return this.clients[language].warmUp?.(onProgress) ?? Promise.resolve();
  }

  run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
    const result = this.queue.then(() => this.clients[request.language ?? DEFAULT_LANGUAGE].run(request, onProgress));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Each language's client gets its own requests (none: what it prepared before is dropped). */
  prepare(requests: readonly RunRequest[]): void {
    for (const language of LANGUAGES) {
      this.clients[language].prepare?.(requests.filter((r) => (r.language ?? DEFAULT_LANGUAGE) === language));
    }
  }

  /**
   * A request to a service: not in the run queue (a service is no run, and a Send must not wait behind a
   * Submit), but in its service's own queue (service/serviceRunner.ts).
   */
  request(request: ServiceRequest): Promise<ServiceReply> {
    return this.services.request(request);
  }

  restartService(serviceKey: string): Promise<void> {
    return this.services.restart(serviceKey);
  }

  dispose(): void {
    this.services.dispose();
    for (const language of LANGUAGES) this.clients[language].dispose?.();
    this.sandbox.dispose();
  }
}
