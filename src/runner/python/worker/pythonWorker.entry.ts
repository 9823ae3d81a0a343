/**
 * The Python test worker's classic script (bundled at build time by scripts/vite/sandboxBundlePlugin.ts and
 * created from a Blob by the sandbox frame, so it has the frame's opaque origin and CSP: no network, no
 * access to the app's storage). A worker serves ONE run and is then terminated by the frame: every run
 * starts in an interpreter no earlier code has touched, restored from a memory snapshot taken at build time
 * (scripts/vite/pythonSnapshotPlugin.ts), whatever an earlier run did to its own
 * (docs/decisions/python-run-isolation.md).
 *
 *   boot  – the frame hands over Pyodide's files and the snapshot (the frame cannot fetch: it has no origin
 *           and no connect-src). Pyodide is restored through a `fetch` that only knows those files, then
 *           fetch is replaced by one that always refuses.
 *   run   – before any of the candidate's code runs, the project's paths are checked (projectFiles.ts: inside
 *           the run's folder, no name the runner or the tests rely on) and screen.py reads every one of its
 *           Python files (never running them); a refusal or a finding ends the run here. Then the files are
 *           written to the run's folder, and this script drives harness.py one step at a time, checks what
 *           each step claims against stepRules.ts, and posts the events on the run's MessagePort. Python never
 *           receives the port or any function that posts; what this script needs is captured before the
 *           candidate's code is imported, and the number of tests comes from the plan, not from Python.
 */
import type { PyodideAPI } from 'pyodide';
import { isPythonWorkerRequest, type PythonWorkerRequest, type PythonWorkerStatus } from '../../sandbox/pythonProtocol';
import type { PlannedTest, WorkerEvent } from '../../sandbox/protocol';
import { isPythonServe } from '../../sandbox/serviceProtocol';
import { projectFilesProblem, pythonSources, writeRunFiles } from './projectFiles';
import { serveService } from './pythonService';
import { checkStep, crashEvent, integrityCrash, type Step } from './stepRules';

/** A made-up origin for Pyodide's file names; nothing is ever fetched from it. */
const INDEX_URL = 'https://pyodide.rehearse.invalid/';
const WORK_DIR = '/run';

type Boot = Extract<PythonWorkerRequest, { type: 'boot' }>;
type Run = Extract<PythonWorkerRequest, { type: 'run' }>;

/** harness.py's steps; each answers a JSON list of events. */
interface Harness {
  prepare_json(directory: string, module: string): string;
  start_own_json(): string;
  runnable_start_json(group: string, index: number, timeoutMs: number): string;
  run_test_json(group: string, index: number): string;
  finish_json(): string;
}

/** screen.py: what in a source could reach the test runner, read without running it. */
interface Screen {
  screen_json(source: string): string;
}

interface Finding {
  line: number;
  message: string;
}

/** A finding in one project file. */
interface FileFinding extends Finding {
  path: string;
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
let screen: Screen | null = null;
/** A worker serves one run: a second request is refused (the frame never sends one). */
let used = false;

self.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (isPythonServe(message) && event.ports[0]) return serve(event.ports[0]);
  if (!isPythonWorkerRequest(message)) return;
  if (message.type === 'boot') void boot(message);
  else if (event.ports[0]) run(message, event.ports[0]);
});

async function boot(files: Boot): Promise<void> {
  if (python) return;
  const started = now();
  try {
    const served: Record<string, () => Response> = {
      // Never read: instantiation uses the module the frame compiled (instantiateFrom).
      [`${INDEX_URL}pyodide.asm.wasm`]: () => new Response(new ArrayBuffer(0), { headers: { 'Content-Type': 'application/wasm' } }),
      [`${INDEX_URL}python_stdlib.zip`]: () => new Response(files.stdlib),
    };
    instantiateFrom(files.module);
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
      _loadSnapshot: new Uint8Array(files.snapshot),
    });
    scope.fetch = () => Promise.reject(new TypeError('no network in the sandbox'));
    // The snapshot holds the interpreter's memory, not Pyodide's in-memory file system: make the run's folder.
    loaded.FS.mkdirTree(WORK_DIR);
    harness = loaded.pyimport('harness') as Harness;
    screen = loaded.pyimport('screen') as Screen;
    python = loaded;
    warmUp(loaded, harness, screen);
    postStatus({ type: 'booted', ms: Math.round(now() - started) });
  } catch (e) {
    postStatus({ type: 'boot-failed', message: e instanceof Error ? e.message : String(e) });
  }
}

function run(request: Run, port: MessagePort): void {
  // A step's events were all produced before the next Python code runs: one message for them.
  const send = (events: WorkerEvent[]) => {
    if (events.length > 0) apply(portPost, port, [events.length === 1 ? events[0] : events]);
  };
  const crash = (message: string) => send([crashEvent('Error', message)]);
  if (!python || !harness || !screen) return crash('Python could not start the tests: the interpreter is not ready in this worker.');
  if (used) return crash('Python could not start the tests: this interpreter already served a run.');
  used = true;
  const h = harness;
  // Decided before any of the candidate's code exists in this interpreter, so nothing it does can change it.
  const refused = projectFilesProblem(request.files);
  if (refused) return send([crashEvent('NotCounted', refused)]);
  const findings = screenProject(screen, request.files);
  if (findings.length > 0) return send([screenCrash(findings)]);
  const dir = `${WORK_DIR}/${request.id}`;
  writeRunFiles(python.FS, dir, request.files, { module: request.testModule, source: request.tests });
  // Only now does the candidate's code start to load: the loading deadline (2.5 s) is theirs alone. The
  // screen and the writes above are ours and count against the run's start limit (10 s), so a project of
  // many files on a busy machine is not reported as a top-level infinite loop.
  send([{ type: 'loading' }]);
  try {
    drive(h, dir, request.testModule, request.testTimeoutMs, send);
  } catch (e) {
    // A failure of the harness itself (the candidate's code broke Python badly enough): say so, never hang.
    crash(`Python stopped: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** This interpreter serves an API scenario's service instead of a run (pythonService.ts); never both. */
function serve(port: MessagePort): void {
  if (!python || !screen || used) return;
  used = true;
  serveService({ python, screen, parse, now, post: (p, message, transfer) => apply(portPost, p, [message, transfer]) }, port);
}

/** screen.py's findings in every Python file of the project, in path order. */
function screenProject(s: Screen, files: Readonly<Record<string, string>>): FileFinding[] {
  return pythonSources(files).flatMap(([path, text]) => (parse(s.screen_json(text)) as Finding[]).map((f) => ({ ...f, path })));
}

/** Takes a run through the harness's steps, checking each step's claim before it is sent. */
function drive(h: Harness, dir: string, testModule: string, timeoutMs: number, send: (events: WorkerEvent[]) => void): void {
  /** Runs a step, checks its claim, sends it; null when the run is over. */
  const take = (stepOf: Step, json: () => string): WorkerEvent[] | null => {
    const checked = checkStep(stepOf, parse(json()));
    if (!checked.ok) {
      send([integrityCrash(checked.reason)]);
      return null;
    }
    send(checked.events);
    return checked.events.some((e) => e.type === 'crashed') ? null : checked.events;
  };
  const prepared = take({ kind: 'prepare' }, () => h.prepare_json(dir, testModule));
  if (!prepared) return;
  let plan = plannedTests(prepared);
  for (const group of ['problem', 'own'] as const) {
    if (group === 'own') {
      const own = take({ kind: 'start-own' }, () => h.start_own_json());
      if (!own) return;
      plan = plannedTests(own);
    }
    for (let index = 0; index < plan.length; index++) {
      if (!take({ kind: 'runnable-start', group, index }, () => h.runnable_start_json(group, index, timeoutMs))) return;
      if (!take({ kind: 'test', group, index }, () => h.run_test_json(group, index))) return;
    }
  }
  take({ kind: 'finish' }, () => h.finish_json());
}

/**
 * Pyodide instantiates its WebAssembly from a streamed response, which would compile 9.6 MB again in every
 * worker, lazily, function by function, during the worker's first run. The frame compiled it once instead:
 * instantiating that module shares its machine code across workers, so the code earlier workers compiled and
 * optimised is there at once.
 */
function instantiateFrom(module: WebAssembly.Module): void {
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (_response, imports) => ({ module, instance: await instantiate(module, imports) });
}

/**
 * A restored interpreter runs its first run about three times slower than its second (V8 compiles the
 * glue and tiers up the wasm per worker). So before the worker says it is ready, it runs one small canned
 * run of our own through the same steps, its events discarded: the candidate's run then goes at full speed.
 * No candidate code is involved, and the harness forgets the run's modules and files as after any run.
 */
function warmUp(py: PyodideAPI, h: Harness, s: Screen): void {
  const dir = `${WORK_DIR}/warm-up`;
  s.screen_json(WARM_SOLUTION);
  const written = writeRunFiles(py.FS, dir, { 'solution.py': WARM_SOLUTION }, { module: 'examples_test', source: WARM_TESTS });
  drive(h, dir, 'examples_test', 2000, () => undefined);
  for (const file of written) py.FS.unlink(file);
}

const WARM_SOLUTION = `
class Counter:
    def __init__(self, start=0):
        if start < 0:
            raise ValueError("start must not be negative")
        self.value = start

    def add(self, n):
        self.value += n
        print("added", n)
        return self.value
`;

const WARM_TESTS = `
import unittest
from solution import Counter


class CounterTest(unittest.TestCase):
    "Counter"

    def test_adds(self):
        "adds"
        self.assertEqual(Counter(1).add(2), 3)

    def test_refuses(self):
        "refuses a negative start"
        with self.assertRaises(ValueError):
            Counter(-1)

    def test_fails(self):
        "fails with expected and actual"
        self.assertEqual(Counter().add(1), 2)

    def test_errors(self):
        "errors"
        Counter().missing()
`;

/** The tests the last `started` event planned: the driver runs exactly these, whatever Python says later. */
function plannedTests(events: WorkerEvent[]): PlannedTest[] {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === 'started') return event.tests;
  }
  return [];
}

/** The screen's refusal: which file can reach the test runner, and each finding with its file and line. */
function screenCrash(findings: FileFinding[]): WorkerEvent {
  const shown = findings.slice(0, 3).map((f) => `${f.path}, ${f.message}`);
  const more = findings.length > shown.length ? ` (and ${findings.length - shown.length} more)` : '';
  const files = new Set(findings.map((f) => f.path));
  const first = findings[0]!;
  const who = files.size === 1 ? first.path : 'Your code';
  return crashEvent(
    'NotCounted',
    `${who} can reach the test runner, so this run cannot count.\n${shown.join('\n')}${more}`,
    `Traceback (most recent call last):\n  File "${first.path}", line ${first.line}, in <module>`,
  );
}
