/**
 * What the import worker does, apart from the worker plumbing (import.worker.ts), so the checking runs
 * in Node tests: `check` reads the file, checks it with parseBundle (progress throttled), keeps the
 * result and answers with a summary; `save` writes the kept bundle through storage/importSession.ts
 * (IndexedDB works in workers; the connection closes itself when a newer tab upgrades the schema).
 * Only the latest checked bundle is kept: the page imports one at a time.
 */
import { BundleError } from '../../../core/bundle/errors';
import { parseBundle } from '../../../core/bundle/parseBundle';
import { throttledProgress } from '../../../core/bundle/progress';
import { importSession, ImportWriteError, type ImportableSession } from '../../../storage/importSession';
import type { ImportRequest, ImportResponse } from './protocol';

export type Post = (message: ImportResponse) => void;
type Write = typeof importSession;

export class ImportJobs {
  private kept: { checkId: number; bundle: ImportableSession } | null = null;

  constructor(
    private readonly post: Post,
    private readonly write: Write = importSession,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async handle(request: ImportRequest): Promise<void> {
    if (request.type === 'check') return this.check(request);
    if (request.type === 'save') return this.save(request);
    if (this.kept?.checkId === request.checkId) this.kept = null;
  }

  private async check(request: Extract<ImportRequest, { type: 'check' }>): Promise<void> {
    const { id } = request;
    this.kept = null;
    const progress = throttledProgress((p) => this.post({ type: 'progress', id, ...p }), this.now);
    try {
      progress({ stage: 'reading', fraction: 0 });
      const bytes = new Uint8Array(await request.file.arrayBuffer());
      const known = new Set(request.knownProblemIds);
      const parsed = await parseBundle(bytes, { knowsProblem: (problemId) => known.has(problemId), onProgress: progress });
      // Blobs made here, so the page never copies the recordings' bytes.
      const audio = parsed.audio.map((a) => ({
        index: a.index,
        mimeType: a.mimeType,
        blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }),
      }));
      this.kept = {
        checkId: id,
        bundle: { session: parsed.session, events: parsed.events, review: parsed.review, levels: parsed.levels, audio },
      };
      this.post({
        type: 'checked',
        id,
        summary: { checkId: id, problem: parsed.problem, session: parsed.session, review: parsed.review, eventCount: parsed.events.length },
      });
    } catch (e) {
      if (e instanceof BundleError) this.post({ type: 'refused', id, code: e.code, message: e.message });
      else this.post({ type: 'internal-error', id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async save(request: Extract<ImportRequest, { type: 'save' }>): Promise<void> {
    const { id } = request;
    if (this.kept?.checkId !== request.checkId) {
      return this.post({ type: 'internal-error', id, message: 'the checked bundle is no longer here; import the file again' });
    }
    const progress = throttledProgress((p) => this.post({ type: 'progress', id, ...p }), this.now);
    try {
      const sessionId = await this.write(this.kept.bundle, request.mode, {
        onProgress: (fraction) => progress({ stage: 'saving', fraction }),
      });
      this.kept = null;
      this.post({ type: 'saved', id, sessionId });
    } catch (e) {
      if (e instanceof ImportWriteError) this.post({ type: 'save-failed', id, reason: e.reason, message: e.message });
      else this.post({ type: 'internal-error', id, message: e instanceof Error ? e.message : String(e) });
    }
  }
}
