/**
 * sql.js's WebAssembly from our own build (precached with the rest for offline use), fetched by the page
 * the first time a run or a service needs it and kept: the sandbox cannot fetch, so each run or service
 * that imports `sql.js` gets a copy of these bytes (sandbox/sqlJs.ts). A failed fetch is tried again next time.
 */
export type SqlWasmLoader = () => Promise<ArrayBuffer>;

export function sqlWasmLoader(url: string): SqlWasmLoader {
  let bytes: Promise<ArrayBuffer> | null = null;
  return () => {
    const loading = (bytes ??= fetch(url).then((response) => {
      if (!response.ok) throw new Error(`SQLite (sql.js) could not be loaded: ${url} answered ${response.status}.`);
      return response.arrayBuffer();
    }));
    loading.catch(() => {
      if (bytes === loading) bytes = null;
    });
    return loading;
  };
}
