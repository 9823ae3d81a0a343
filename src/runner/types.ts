/**
 * The runner's public face: what the workspace asks for and what it gets back.
 * Internals (compile worker, sandbox frame, test worker and their message protocols) live beside this file.
 */

import type { HttpRequest, RequestOutcome } from '../core/api/http';
import type { Language } from '../core/languages/registry';
import type { ProjectRun, RunMode } from '../core/practice/projectCode';

export type { RunMode };

/**
 * A Run or Submit: the practice loop's `ProjectRun` (the mode, the language — TypeScript unless said
 * otherwise —, the candidate's whole project as path → text, docs/decisions/files-and-languages.md, the test
 * file and the name it is shown and imported by) plus what only the runner needs.
 */
export interface RunRequest extends Readonly<ProjectRun> {
  /** Per-test timeout; default 2000 ms. */
  testTimeoutMs?: number;
}

export type TestStatus = 'passed' | 'failed' | 'timedout' | 'error';

export interface TestFailure {
  message: string;
  /** Present for assertion errors that carry them (chai's expected/actual), already stringified for display. */
  expected?: string;
  actual?: string;
  /** Where in the candidate's project the error was thrown (the innermost frame in a project file), when known. */
  at?: SourceLocation;
  /** The stack as the candidate reads it: frames named `path:line:column` (Python: its traceback, `path`, line). */
  stack?: string;
}

/** A place in one file of the candidate's project. */
export interface SourceLocation {
  /** The project path, e.g. 'solution.ts' or 'chat/hub.py'. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units; 1 where only the line is known (Python's tracebacks carry lines only). */
  column: number;
}

export interface TestResult {
  title: string;
  /** Titles of the enclosing describe blocks, outermost first. */
  path: string[];
  status: TestStatus;
  durationMs: number;
  failure?: TestFailure;
}

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

/** A compile error located in a project file or the test file (1-based line, 1-based column). */
export interface CompileDiagnostic {
  /** The project path of the file ('solution.ts', 'chat/hub.ts'), or 'tests' for the problem's test file. */
  file: string;
  message: string;
  line: number;
  column: number;
  length: number;
}

export type RunOutcome =
  /** Tests ran to the end (some may have failed). */
  | 'completed'
  /** The code did not compile; no test ran. */
  | 'compile-error'
  /** A test or the whole run exceeded its deadline; the worker was terminated and replaced. */
  | 'timedout'
  /** Loading the code threw before tests could run (e.g. a top-level exception). */
  | 'crashed'
  /**
   * The problem's tests that ran, or their results, do not match the tests this build knows the problem
   * has (its test manifest): the run proves nothing, so it counts for nothing (`passed` is 0). `message`
   * says what did not match.
   */
  | 'not-counted';

export interface RunResult {
  mode: RunMode;
  /**
   * The language of the run's code: messages and the results name its files from it, not from the language
   * chosen now. Absent: TypeScript (results from before Python).
   */
  language?: Language;
  outcome: RunOutcome;
  /**
   * The problem's tests never started, for a reason that is not the candidate's code (Python failed to
   * boot, its worker died before the first test): `message` says so in plain words.
   */
  notStarted?: boolean;
  tests: TestResult[];
  console: ConsoleLine[];
  compileErrors: CompileDiagnostic[];
  /** A one-line explanation for non-completed outcomes ("Timed out after 2000 ms in …"). */
  message?: string;
  /** For outcome 'crashed': the exception thrown while loading, mapped to a project file when possible. */
  error?: TestFailure;
  /** The problem's tests only (examples for Run, hidden for Submit): the verdict. */
  passed: number;
  total: number;
  /** Wall time from request to result, ms. */
  durationMs: number;
  /**
   * The candidate's own tests (`describe`/`it`, `unittest.TestCase` classes) written in the project's files,
   * run after the problem's tests in a group of their own. Never part of `tests`, `passed` or `total`. Absent when the run never got that far.
   */
  ownTests?: OwnTestsResult;
}

export interface OwnTestsResult {
  tests: TestResult[];
  passed: number;
  total: number;
  /** Why they did not run, or did not finish (too many tests, a time-out). */
  message?: string;
}

/** Streamed while a run is in progress, so the UI can show console output live. */
export type RunProgress =
  | { type: 'console'; line: ConsoleLine }
  | { type: 'test-end'; result: TestResult; own: boolean }
  /** Before the tests can start: Python's first download and start-up ("Loading Python: 4.2 of 12.1 MB"). */
  | { type: 'preparing'; message: string };

export interface Runner {
  /** Starts esbuild and the sandbox in the background; safe to call many times. */
  warmUp(): Promise<void>;
  /**
   * Starts a language's runtime ahead of its first run (Python's download and start, the first time Python is
   * chosen; nothing for TypeScript, whose compiler warmUp starts); safe to call many times.
   */
  warmUpLanguage(language: Language, onProgress?: (p: RunProgress) => void): Promise<void>;
  run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult>;
  /**
   * Compiles these requests' code in the background once the text rests (each call replaces the last), so
   * a Run or Submit of the same text does not wait for the compiler. Runs nothing: only compiling, which is
   * pure, is done ahead of the click. Each request goes to its language's client (Python has nothing to do).
   */
  prepare(requests: readonly RunRequest[]): void;
  /**
   * Sends one HTTP request to the candidate's service (an API scenario, docs/decisions/api-scenarios.md). The
   * service stays up between requests, per `serviceKey`; it starts afresh from `files` when they differ from
   * the running ones. Never rejects: every failure is a `RequestOutcome`.
   */
  request(request: ServiceRequest): Promise<ServiceReply>;
  /** Stops the service of `serviceKey` so the next request starts it again; its disk (database files) is kept. */
  restartService(serviceKey: string): Promise<void>;
  dispose(): void;
}

export interface ServiceRequest {
  /** One running service per key: the problem and language, e.g. 'api-rate-limit:python'. */
  serviceKey: string;
  language: Language;
  files: Readonly<Record<string, string>>;
  /** The project path of the service entry (CodeMaterial.service.entry). */
  entry: string;
  request: HttpRequest;
  /** How long one request may take (a Run's per-test timeout); default 2000 ms. The first also gets start-up time. */
  timeoutMs?: number;
}

export interface ServiceReply {
  outcome: RequestOutcome;
  /** What the candidate's code printed while the request ran (and its background work after it). */
  console: ConsoleLine[];
}
