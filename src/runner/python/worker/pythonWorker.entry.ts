/**
 * The Python test worker's classic script (bundled at build time by scripts/vite/sandboxBundlePlugin.ts and
 * created from a Blob by the sandbox frame, so it has the frame's opaque origin and CSP: no network, no
 * access to the app's storage). Booting Pyodide takes seconds, so unlike the TypeScript worker one worker
 * serves run after run, as long as nothing a run did can reach the next:
 *   - before each run the harness compares the interpreter with its state at boot (harness.seal); if an
 *     earlier run left anything changed, this worker answers `tainted` and the frame re-runs on a fresh one;
 *   - after boot the JavaScript side is hardened (hardenForReuse): no new message listeners (a run's
 *     port cannot be intercepted), no timers (no code of an earlier run can wake up later), and the
 *     prototypes this script relies on are frozen;
 *   - any crash, time-out or error retires the worker (the frame decides; see frame/pythonPool.ts).
 *
 *   boot  – the frame hands over Pyodide's files as text and bytes (the frame cannot fetch them: it has no
 *           origin and no connect-src). Pyodide is loaded from them through a `fetch` that only knows
 *           those files, then fetch is replaced by one that always refuses, and the harness is imported.
 *   run   – this script drives the harness one step at a time and posts each step's events on the run's
 *           MessagePort. Python never receives the port or any function that posts (harness.py says why);
 *           everything this script needs is captured before the candidate's code is imported.
 */
import type { PyodideAPI } from 'pyodide';
import { isPythonWorkerRequest, type PythonWorkerRequest, type PythonWorkerStatus } from '../../sandbox/pythonProtocol';
import type { WorkerEvent } from '../../sandbox/protocol';

/** A made-up origin for Pyodide's file names; nothing is ever fetched from it. */
const INDEX_URL = 'https://pyodide.rehearse.invalid/';
const WORK_DIR = '/run';

type Boot = Extract<PythonWorkerRequest, { type: 'boot' }>;
type Run = Extract<PythonWorkerRequest, { type: 'run' }>;

/** harness.py's steps; each answers a JSON list of events. */
interface Harness {
  seal(): void;
  tainted_json(): string;
  prepare_json(directory: string, module: string): string;
  start_own_json(): string;
  count(group: string): number;
  runnable_start_json(group: string, index: number, timeoutMs: number): string;
  run_test_json(group: string, index: number): string;
  finish_json(): string;
}

// Captured now, before any candidate code exists: Python can reach the worker's globals (`import js`).
const parse = JSON.parse.bind(JSON);
const apply = Reflect.apply;
const selfPost = self.postMessage;
const portPost = MessagePort.prototype.postMessage;
const postStatus = (status: PythonWorkerStatus) => apply(selfPost, self, [status]);
const now = performance.now.bind(performance);

let python: PyodideAPI | null = null;
let harness: Harness | null = null;

self.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isPythonWorkerRequest(message)) return;
  if (message.type === 'boot') void boot(message);
  else if (event.ports[0]) run(message, event.ports[0]);
});

async function boot(files: Boot): Promise<void> {
  if (python) return;
  const started = now();
  try {
    const served: Record<string, () => Response> = {
      [`${INDEX_URL}pyodide.asm.wasm`]: () => new Response(files.wasm, { headers: { 'Content-Type': 'application/wasm' } }),
      [`${INDEX_URL}python_stdlib.zip`]: () => new Response(files.stdlib),
    };
    const scope = self as unknown as { fetch: typeof fetch };
    scope.fetch = (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const serve = served[url];
      return serve ? Promise.resolve(serve()) : Promise.reject(new TypeError(`no network in the sandbox (${url})`));
    };
    const loaderUrl = URL.createObjectURL(new Blob([files.loader], { type: 'text/javascript' }));
    const asmUrl = URL.createObjectURL(new Blob([files.asm], { type: 'text/javascript' }));
    const { loadPyodide } = (await import(/* @vite-ignore */ loaderUrl)) as typeof import('pyodide');
    const asm = (await import(/* @vite-ignore */ asmUrl)) as {
      default: NonNullable<Parameters<typeof loadPyodide>[0]>['createPyodideModule'];
    };
    URL.revokeObjectURL(loaderUrl);
    URL.revokeObjectURL(asmUrl);
    const loaded = await loadPyodide({
      indexURL: INDEX_URL,
      lockFileContents: files.lock,
      ...(asm.default ? { createPyodideModule: asm.default } : {}),
      stdout: () => undefined,
      stderr: () => undefined,
      checkAPIVersion: false,
    });
    scope.fetch = () => Promise.reject(new TypeError('no network in the sandbox'));
    loaded.FS.mkdirTree('/rehearse');
    loaded.FS.writeFile('/rehearse/harness.py', files.harness);
    loaded.FS.mkdirTree(WORK_DIR);
    harness = loaded.runPython(BOOT_PYTHON) as Harness;
    harness.seal();
    python = loaded;
    hardenForReuse();
    postStatus({ type: 'booted', ms: Math.round(now() - started) });
  } catch (e) {
    postStatus({ type: 'boot-failed', message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Imports the harness, and gives asyncio back to the tests: Pyodide's own event loop counts as running at
 * the top level, which would stop a test's `loop.run_until_complete` ("another loop is running").
 */
const BOOT_PYTHON = `
import sys, asyncio
sys.path.insert(0, "/rehearse")
import harness
asyncio.events._set_running_loop(None)
harness
`;

/**
 * After boot, before any candidate code: take away what would let one run's code reach a later run.
 * Pyodide needed all of this while it loaded; the harness needs none of it.
 */
function hardenForReuse(): void {
  const scope = self as unknown as Record<string, unknown>;
  const refuse = () => {
    throw new Error('not available in the Python sandbox');
  };
  for (const name of ['setTimeout', 'setInterval', 'queueMicrotask', 'requestAnimationFrame', 'importScripts']) {
    if (name in scope) Object.defineProperty(scope, name, { value: refuse, writable: false, configurable: false });
  }
  Object.defineProperty(scope, 'onmessage', { value: null, writable: false, configurable: false });
  const add = EventTarget.prototype.addEventListener;
  const guarded = function (this: EventTarget, type: string, ...rest: unknown[]) {
    if (this === (self as unknown) && type === 'message') refuse();
    return apply(add, this, [type, ...rest]);
  };
  Object.defineProperty(EventTarget.prototype, 'addEventListener', { value: guarded, writable: false, configurable: false });
  Object.freeze(EventTarget.prototype);
  Object.freeze(MessagePort.prototype);
}

function run(request: Run, port: MessagePort): void {
  // A step's events were all produced before the next Python code runs: one message for them.
  const send = (events: WorkerEvent[]) => {
    if (events.length > 0) apply(portPost, port, [events.length === 1 ? events[0] : events]);
  };
  const step = (json: string): WorkerEvent[] => parse(json) as WorkerEvent[];
  if (!python || !harness) {
    send([
      { type: 'crashed', error: { name: 'Error', message: 'Python is not ready in this worker.', isAssertion: false, isTimeout: false } },
    ]);
    return;
  }
  const h = harness;
  // An earlier run left the interpreter changed: this one must not run here (the frame re-runs it elsewhere).
  if ((parse(h.tainted_json()) as string[]).length > 0) {
    postStatus({ type: 'tainted' });
    return;
  }
  send([{ type: 'loading' }]);
  const dir = `${WORK_DIR}/${request.id}`;
  python.FS.mkdirTree(dir);
  python.FS.writeFile(`${dir}/solution.py`, request.solution);
  python.FS.writeFile(`${dir}/${request.testModule}.py`, request.tests);
  try {
    const prepared = step(h.prepare_json(dir, request.testModule));
    send(prepared);
    if (prepared.some((e) => e.type === 'crashed')) return;
    for (const group of ['problem', 'own'] as const) {
      if (group === 'own') send(step(h.start_own_json()));
      const count = h.count(group);
      for (let index = 0; index < count; index++) {
        send(step(h.runnable_start_json(group, index, request.testTimeoutMs)));
        const events = step(h.run_test_json(group, index));
        send(events);
        if (events.some((e) => e.type === 'crashed')) return;
      }
    }
    send(step(h.finish_json()));
    python.FS.unlink(`${dir}/solution.py`);
    python.FS.unlink(`${dir}/${request.testModule}.py`);
  } catch (e) {
    // A failure of the harness itself (the candidate's code broke Python badly enough): say so, never hang.
    send([
      {
        type: 'crashed',
        error: {
          name: 'Error',
          message: `Python stopped: ${e instanceof Error ? e.message : String(e)}`,
          isAssertion: false,
          isTimeout: false,
        },
      },
    ]);
  }
}
