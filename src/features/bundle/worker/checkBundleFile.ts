/**
 * What the import worker does with one request, apart from the worker plumbing (import.worker.ts), so
 * it runs in Node tests: read the file, check it with parseBundle (progress throttled), then send the
 * log in chunks and the rest with each recording made into a Blob here, off the page's thread.
 */
import { BundleError } from '../../../core/bundle/errors';
import { parseBundle } from '../../../core/bundle/parseBundle';
import { throttledProgress } from '../../../core/bundle/progress';
import { EVENTS_PER_MESSAGE, type ImportRequest, type ImportResponse } from './protocol';

export type Post = (message: ImportResponse) => void;

export async function checkBundleFile(request: ImportRequest, post: Post, now: () => number = () => performance.now()): Promise<void> {
  const { id } = request;
  const progress = throttledProgress((p) => post({ type: 'progress', id, ...p }), now);
  try {
    progress({ stage: 'reading', fraction: 0 });
    const bytes = new Uint8Array(await request.file.arrayBuffer());
    const known = new Set(request.knownProblemIds);
    const parsed = await parseBundle(bytes, { knowsProblem: (problemId) => known.has(problemId), onProgress: progress });
    const { events, audio, ...rest } = parsed;
    for (let at = 0; at < events.length; at += EVENTS_PER_MESSAGE) post({ type: 'events', id, events: events.slice(at, at + EVENTS_PER_MESSAGE), total: events.length });
    const blobs = audio.map((a) => ({ index: a.index, mimeType: a.mimeType, blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }) }));
    post({ type: 'checked', id, eventCount: events.length, bundle: { ...rest, audio: blobs } });
  } catch (e) {
    if (e instanceof BundleError) post({ type: 'refused', id, code: e.code, message: e.message });
    else post({ type: 'internal-error', id, message: e instanceof Error ? e.message : String(e) });
  }
}
