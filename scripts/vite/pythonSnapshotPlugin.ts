import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LIBRARIES_FOLDER, LIBRARY_MOUNT } from '../../src/core/problems/assembleCode.ts';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Provides `virtual:rehearse-python-snapshot`: the URL of a memory snapshot of a Python interpreter that has
 * imported our harness and every standard module the problems use, compiled every problem's test files
 * (compiling a long test file was most of a run's start), and has run nothing else.
 *
 * Why: every Python run must start in an interpreter no earlier code has touched (docs/decisions/
 * python-run-isolation.md), so each run gets a new worker. Booting Pyodide from scratch takes ~2.4 s in
 * Chromium on this machine; restoring this snapshot takes ~0.2–0.5 s, so a fresh interpreter per run is
 * affordable, and even the first run after choosing Python needs no full boot. The snapshot is made at
 * build time in Node from the same `pyodide` package the browser loads (a snapshot only restores into the
 * exact wasm build that made it), gzip-compressed (31 MB → ~6.5 MB; the page inflates it with
 * DecompressionStream), and cached under node_modules/.cache by the hash of everything that goes into it.
 * The extension is our own (.pysnap) so that no static server mistakes the gzip bytes for a Content-Encoding.
 */

const VIRTUAL_ID = 'virtual:rehearse-python-snapshot';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const PYTHON_DIR = 'src/runner/python';
const PROBLEMS_DIR = 'problems';
/** Environment variables Pyodide itself sets; anything else came from the build machine and is dropped. */
export const KEPT_ENV = ['USER', 'LOGNAME', 'PATH', 'PWD', 'HOME', 'LANG', 'PYTHONINSPECT', 'LD_LIBRARY_PATH'];
/** Bumped when what the snapshot does (below) changes in a way the hashed inputs do not show. */
const RECIPE = 3;

export function pythonSnapshotPlugin(): Plugin {
  let root = process.cwd();
  let made: Promise<string> | null = null;
  return {
    name: 'rehearse-python-snapshot',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      made ??= ensureSnapshot(root).catch((e: unknown) => {
        made = null;
        throw e;
      });
      const file = await made;
      for (const source of pythonSources(root)) this.addWatchFile(path.join(root, PYTHON_DIR, source));
      return `export { default } from ${JSON.stringify(`${file}?url`)};`;
    },
    watchChange(file) {
      if (file.endsWith('.py')) made = null;
    },
  };
}

/** The harness's own modules (every .py in src/runner/python), imported into the snapshot by name. */
function pythonSources(root: string): string[] {
  return readdirSync(path.join(root, PYTHON_DIR))
    .filter((name) => name.endsWith('.py') && !name.endsWith('_test.py'))
    .sort();
}

/**
 * Where a problem keeps its Python test files: its folder, or a codebase problem's project/python/. What is
 * read from here is hashed into the snapshot's key (`tests`), so a folder added here needs no RECIPE bump.
 */
const TEST_FOLDERS = ['', 'project/python'];

/** Every problem's Python test files: compiled ahead into the snapshot (harness.precompile). */
export function problemTestFiles(root: string): { module: string; source: string }[] {
  const dir = path.join(root, PROBLEMS_DIR);
  const files: { module: string; source: string }[] = [];
  for (const problem of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!problem.isDirectory()) continue;
    for (const folder of TEST_FOLDERS) {
      for (const module of ['examples_test', 'hidden_test']) {
        const file = path.join(dir, problem.name, folder, `${module}.py`);
        if (existsSync(file)) files.push({ module, source: readFileSync(file, 'utf8') });
      }
    }
  }
  return files;
}

/** A problem's Python files the imports are read from: its own, and a codebase problem's tests, starter and reference (mutants add none). */
function pythonFilesOf(folder: string): string[] {
  if (path.basename(folder) === LIBRARIES_FOLDER) {
    // The mounted libraries' Python (problems/_libraries/<name>/python/**): their standard imports count too.
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  }
  const found = readdirSync(folder)
    .filter((f) => f.endsWith('.py'))
    .map((f) => path.join(folder, f));
  const project = path.join(folder, 'project', 'python');
  if (!existsSync(project)) return found;
  for (const entry of readdirSync(project, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.py') && !path.relative(project, full).startsWith(`mutants${path.sep}`)) found.push(full);
  }
  return found;
}

/** A codebase problem's own top-level module and package names (never preloaded: they are the project's). */
function projectModules(folder: string): string[] {
  const names: string[] = [];
  for (const part of ['starter', 'reference']) {
    const dir = path.join(folder, 'project', 'python', part);
    if (existsSync(dir)) names.push(...readdirSync(dir).map((f) => f.replace(/\.py$/, '')));
  }
  return names;
}

/** Standard modules the problems' Python files import: importing them ahead makes a run's imports free. */
export function problemImports(root: string): string[] {
  const names = new Set<string>();
  const own = new Set<string>(['solution', '__future__', LIBRARY_MOUNT]);
  const dir = path.join(root, PROBLEMS_DIR);
  for (const problem of readdirSync(dir, { withFileTypes: true })) {
    if (!problem.isDirectory()) continue;
    const folder = path.join(dir, problem.name);
    for (const name of projectModules(folder)) own.add(name);
    for (const file of pythonFilesOf(folder)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^(?:import|from)\s+([A-Za-z_][\w.]*)/gm)) names.add(match[1]!);
    }
  }
  return [...names].filter((name) => !own.has(name.split('.')[0]!)).sort();
}

/** The snapshot file for this tree (made, or found in the cache), gzip-compressed. */
export async function ensureSnapshot(root: string): Promise<string> {
  const sources = Object.fromEntries(pythonSources(root).map((name) => [name, readFileSync(path.join(root, PYTHON_DIR, name), 'utf8')]));
  const preload = problemImports(root);
  const tests = problemTestFiles(root);
  const pyodideVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/pyodide/package.json'), 'utf8')) as { version: string })
    .version;
  const key = createHash('sha256')
    .update(JSON.stringify({ RECIPE, pyodideVersion, sources, preload, tests, KEPT_ENV }))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(root, 'node_modules/.cache/rehearse-python');
  const file = path.join(dir, `interpreter-${key}.pysnap`);
  if (existsSync(file)) return file;
  const snapshot = await makeSnapshot(sources, preload, tests);
  mkdirSync(dir, { recursive: true });
  // Written whole or not at all: a build stopped half-way must not leave a truncated snapshot behind.
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, gzipSync(snapshot, { level: 9 }));
  renameSync(partial, file);
  return file;
}

async function makeSnapshot(
  sources: Record<string, string>,
  preload: string[],
  tests: { module: string; source: string }[],
): Promise<Uint8Array> {
  const { loadPyodide } = await import('pyodide');
  const python = await loadPyodide({ _makeSnapshot: true, env: {}, stdout: () => undefined, stderr: () => undefined });
  python.FS.mkdirTree('/rehearse');
  for (const [name, text] of Object.entries(sources)) python.FS.writeFile(`/rehearse/${name}`, text);
  const modules = Object.keys(sources).map((name) => name.replace(/\.py$/, ''));
  python.runPython(snapshotPython(modules, preload));
  // Handed over as Python values (not spliced into code), then forgotten: only the compiled code stays.
  const precompile = python.runPython('import harness; harness.precompile') as (source: string, module: string) => void;
  for (const { module, source } of tests) precompile(source, module);
  return python.makeMemorySnapshot();
}

/**
 * Runs once, in Node, before the snapshot: our modules and the problems' standard modules imported; Pyodide's
 * own event loop no longer counted as running (it would stop a test's `loop.run_until_complete` with "another
 * loop is running"); the build machine's environment variables gone; no names left in __main__.
 */
function snapshotPython(modules: string[], preload: string[]): string {
  return `
def _prepare(modules, preload, kept_env):
    import asyncio, importlib, os, sys
    sys.path.insert(0, "/rehearse")
    for name in preload:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    for name in modules:
        importlib.import_module(name)
    asyncio.events._set_running_loop(None)
    for key in list(os.environ):
        if key not in kept_env:
            del os.environ[key]
    sys.path.remove("/rehearse")

_prepare(${JSON.stringify(modules)}, ${JSON.stringify(preload)}, ${JSON.stringify(KEPT_ENV)})
del _prepare
`;
}
