import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * Provides `virtual:rehearse-sandbox`: the sandbox frame script and the test worker script as strings,
 * each bundled with native esbuild into one classic IIFE. They must be strings, not URLs: the sandbox is an
 * opaque-origin iframe (srcdoc) that cannot fetch our modules without CORS, so the frame script is inlined
 * and the worker is created from a Blob. Works the same in `vite dev`, `vite build` and vitest.
 */

const VIRTUAL_ID = 'virtual:rehearse-sandbox';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

const FRAME_ENTRY = 'src/runner/sandbox/frame/frame.entry.ts';
const WORKER_ENTRY = 'src/runner/sandbox/worker/testWorker.entry.ts';
const PYTHON_WORKER_ENTRY = 'src/runner/python/worker/pythonWorker.entry.ts';
const SERVICE_WORKER_ENTRY = 'src/runner/sandbox/service/serviceWorker.entry.ts';

export function sandboxBundlePlugin(): Plugin {
  let root = process.cwd();
  let cached: Promise<{ code: string; inputs: string[] }> | null = null;
  let inputs = new Set<string>();

  return {
    name: 'rehearse-sandbox-bundle',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      cached ??= bundleBoth(root);
      let result;
      try {
        result = await cached;
      } catch (err) {
        cached = null; // a syntax error mid-edit must not stick
        throw err;
      }
      inputs = new Set(result.inputs);
      for (const file of result.inputs) this.addWatchFile(file);
      return result.code;
    },
    // In dev, editing a sandbox source rebuilds the strings and reloads the page (they are not HMR-able).
    // The sources are esbuild inputs, not part of Vite's module graph, so Vite alone would not notice.
    hotUpdate({ file, server }) {
      if (!inputs.has(path.resolve(file))) return;
      cached = null;
      const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) server.moduleGraph.invalidateModule(mod);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
    watchChange() {
      cached = null;
    },
  };
}

/** Both sandbox scripts as strings (also used by the harness's unit tests, which run the real worker script). */
export async function bundleBoth(root: string): Promise<{ code: string; inputs: string[] }> {
  const [frame, worker, python, service] = await Promise.all([
    bundle(root, FRAME_ENTRY, {}),
    // mocha's browser build only runs in a worker if `window` exists before its code evaluates.
    bundle(root, WORKER_ENTRY, { banner: { js: 'self.window = self;' } }),
    // Pyodide itself is not bundled: its loader and glue arrive as text at boot (runner/python/runtimeFiles.ts).
    bundle(root, PYTHON_WORKER_ENTRY, {}),
    // An API scenario's running app (docs/decisions/api-scenarios.md), with sql.js's JavaScript.
    bundle(root, SERVICE_WORKER_ENTRY, { external: NODE_ONLY }),
  ]);
  return {
    code: [
      `export const frameScript = ${JSON.stringify(frame.text)};`,
      `export const testWorkerScript = ${JSON.stringify(worker.text)};`,
      `export const pythonWorkerScript = ${JSON.stringify(python.text)};`,
      `export const serviceWorkerScript = ${JSON.stringify(service.text)};`,
    ].join('\n'),
    inputs: [...new Set([...frame.inputs, ...worker.inputs, ...python.inputs, ...service.inputs])],
  };
}

/** Modules sql.js's glue requires only when it runs in Node (never in a worker): left out of the bundle. */
const NODE_ONLY = ['fs', 'path', 'crypto'];

async function bundle(root: string, entry: string, extra: BuildOptions): Promise<{ text: string; inputs: string[] }> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    write: false,
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    ...extra,
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error(`sandbox bundle of ${entry} produced no output`);
  const inputs = Object.keys(result.metafile?.inputs ?? {})
    .filter((f) => !f.includes('node_modules'))
    .map((f) => path.resolve(root, f));
  return { text, inputs };
}
