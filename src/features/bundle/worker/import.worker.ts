/**
 * The import worker: checks one bundle at a time off the page's thread (inflating, checksums, schemas,
 * restore guards, the log replay), so a 20 MB event log never freezes the page. Logic in checkBundleFile.ts.
 */
import { checkBundleFile } from './checkBundleFile';
import { isImportRequest, type ImportResponse } from './protocol';

interface WorkerScope {
  postMessage(message: ImportResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

// Requests are handled one after another: two bundles at once would only double the memory.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event) => {
  const request: unknown = event.data;
  if (!isImportRequest(request)) return;
  queue = queue.then(() => checkBundleFile(request, (m) => scope.postMessage(m)));
});
