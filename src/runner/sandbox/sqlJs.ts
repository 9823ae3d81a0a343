/**
 * The `sql.js` module as the sandbox hands it to code that imports it (compile/moduleShims.ts): SQLite in
 * WebAssembly, for the API problems' framework (docs/decisions/api-scenarios.md). Its WebAssembly comes from
 * our build through the page, only for runs and services whose code imports `sql.js` (the sandbox has no
 * network to fetch it from, and the other problems never pay for it); its JavaScript is bundled into the
 * service worker, and comes with the run into a test worker. `initSqlJs(config)` ignores `locateFile` and
 * anything else it is given: the bytes are ours.
 */
import type initSqlJs from 'sql.js';

export interface SqlJsSlot {
  /** What `import initSqlJs from 'sql.js'` reads: `{ default: initSqlJs }`. */
  module: { default: () => Promise<initSqlJs.SqlJsStatic> };
  /** The WebAssembly (and the loader, when not bundled) for this worker's run or service, before any of its code runs. */
  provide(wasm: ArrayBuffer, loader?: typeof initSqlJs): void;
}

export function sqlJsSlot(bundled?: typeof initSqlJs): SqlJsSlot {
  let init = bundled;
  let wasm: ArrayBuffer | null = null;
  let loading: Promise<initSqlJs.SqlJsStatic> | null = null;
  const load = (): Promise<initSqlJs.SqlJsStatic> => {
    if (!wasm || !init) return Promise.reject(new Error('sql.js is not available here: it was not handed to the sandbox.'));
    // sql.js keeps the first call's promise itself; keeping ours too makes every later call the same one.
    loading ??= init({ wasmBinary: wasm });
    return loading;
  };
  return {
    module: { default: load },
    provide: (bytes, loader) => {
      wasm = bytes;
      init ??= loader;
    },
  };
}
