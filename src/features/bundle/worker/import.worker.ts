/**
 * The import worker: checks one bundle at a time off the page's thread (inflating, checksums, schemas,
 * restore guards, the log replay) and writes it, so a 20 MB event log never freezes the page. Logic in
 * importJobs.ts.
 */
import { ImportJobs } from './importJobs';
import { isImportRequest, type ImportResponse } from './protocol';

interface WorkerScope {
  postMessage(message: ImportResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const jobs = new ImportJobs((m) => scope.postMessage(m));

// Requests are handled one after another: a save always follows the check it refers to.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event) => {
  const request: unknown = event.data;
  if (!isImportRequest(request)) return;
  queue = queue.then(() => jobs.handle(request));
});
