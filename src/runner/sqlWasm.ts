/**
 * sql.js from our own build (precached with the rest for offline use), fetched by the page the first time a
 * run or a service needs it and kept: its WebAssembly, and for the test worker its JavaScript (the test
 * worker's script does not carry it, so the other problems' runs never pay for it; the service worker's
 * does). The sandbox cannot fetch, so each run or service that imports `sql.js` gets a copy (sandbox/sqlJs.ts).
 * A failed load is tried again next time.
 */
import type { SqlJsFiles } from './sandbox/protocol';

export type SqlJsLoader = () => Promise<SqlJsFiles>;

export function sqlJsLoader(wasmUrl: string, script: () => Promise<string>): SqlJsLoader {
  let files: Promise<SqlJsFiles> | null = null;
  return () => {
    const loading = (files ??= Promise.all([
      fetch(wasmUrl).then((response) => {
        if (!response.ok) throw new Error(`SQLite (sql.js) could not be loaded: ${wasmUrl} answered ${response.status}.`);
        return response.arrayBuffer();
      }),
      script(),
    ]).then(([wasm, text]) => ({ wasm, script: text })));
    loading.catch(() => {
      if (files === loading) files = null;
    });
    return loading;
  };
}
