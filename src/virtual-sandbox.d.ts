/** Provided by scripts/vite/sandboxBundlePlugin.ts: the sandbox's scripts, bundled at build time. */
declare module 'virtual:rehearse-sandbox' {
  /** Classic script inlined into the sandbox iframe's srcdoc (src/runner/sandbox/frame/frame.entry.ts). */
  export const frameScript: string;
  /** Classic script for the test worker: mocha + chai + harness (src/runner/sandbox/worker/testWorker.entry.ts). */
  export const testWorkerScript: string;
  /** Classic script for the Python test worker (src/runner/python/worker/pythonWorker.entry.ts). */
  export const pythonWorkerScript: string;
  /** Classic script for a TypeScript service worker (src/runner/sandbox/service/serviceWorker.entry.ts). */
  export const serviceWorkerScript: string;
}

/** Provided by scripts/vite/testManifestPlugin.ts: every problem test file's tests, from mocha's dry run. */
declare module 'virtual:rehearse-test-manifest' {
  export const testManifest: import('./runner/testManifest').TestManifest;
}

/** Provided by scripts/vite/pythonSnapshotPlugin.ts: a gzip-compressed memory snapshot of a booted interpreter. */
declare module 'virtual:rehearse-python-snapshot' {
  const url: string;
  export default url;
}
