/**
 * A design problem's whiteboard, apart from Excalidraw (which the feature loads lazily): the elements, their
 * autosave as the draft `<problem>/whiteboard.json` (a debounced saver, retried until written), and the
 * session log. Each change is logged as a diff (only the elements whose version changed,
 * core/whiteboard/boardDiff.ts); the whole board is logged when a recording starts or resumes, so a replay
 * can always start from a full board. New attempt starts the board afresh (`reset`).
 */
import { DebouncedSaver, type SaverOptions } from '../../core/saving/debouncedSaver';
import { BoardDiffer } from '../../core/whiteboard/boardDiff';
import { parseBoardDraft, restoreBoardElements, serialiseBoardDraft } from '../../core/whiteboard/restoreBoard';
import type { BoardView } from '../state';
import type { EngineCore } from './core';

/** The draft the board is saved as. */
export const BOARD_DRAFT = 'whiteboard.json';
/** A burst of changes (a drag, a stroke) is logged once it pauses this long… */
export const LOG_QUIET_MS = 200;
/** …or at least this often while it goes on, so a long stroke still replays as it grew. */
export const LOG_MAX_WAIT_MS = 1000;

/** Which board a save belongs to: a save of another problem's board, or of the board before a New attempt, is dropped. */
interface BoardTarget {
  problemId: string;
  generation: number;
}

export class Board {
  private differ = new BoardDiffer();
  /** Excalidraw's last element list not logged yet. */
  private pending: readonly unknown[] | null = null;
  private logTimer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private saver: DebouncedSaver<BoardTarget> | null = null;
  private readonly inflight = new Set<Promise<void>>();
  private unsubscribe: (() => void) | null = null;
  /** Element count and sum of versions of the last list seen: Excalidraw also calls onChange when only the view changed. */
  private lastSeen = '';

  constructor(
    private readonly core: EngineCore,
    private readonly saverOptions: Partial<SaverOptions>,
  ) {}

  private get view(): BoardView {
    return this.core.state.board;
  }

  private setView(patch: Partial<BoardView>): void {
    this.core.set((s) => ({ board: { ...s.board, ...patch } }));
  }

  /** Opens `problemId`'s board from its draft (the Whiteboard region appeared). */
  async open(problemId: string): Promise<void> {
    if (this.view.problemId === problemId && this.view.loaded) return;
    await this.close();
    this.setView({ problemId, loaded: false, elements: [], saveError: null });
    const draft = await this.core.storage.loadDraft(problemId, BOARD_DRAFT).catch(() => undefined);
    if (this.view.problemId !== problemId) return;
    const elements = draft ? (parseBoardDraft(draft.code)?.elements ?? []) : [];
    this.startAfresh(elements);
    this.setView({ elements, loaded: true, generation: this.view.generation + 1 });
    this.watchRecorder();
    // Opened while a session records (a reload that resumed it): the log needs this board too.
    if (this.core.recorder.phase() === 'recording') this.core.recorder.log({ type: 'board', ...this.differ.full(elements) });
  }

  /**
   * Excalidraw's onChange: its full element list (deleted ones included). `generation`: the board the
   * canvas was made for; a change from a canvas of an earlier board is dropped.
   */
  change(elements: readonly unknown[], generation?: number): void {
    const { loaded, problemId } = this.view;
    if (!loaded || !problemId || (generation !== undefined && generation !== this.view.generation)) return;
    let versions = 0;
    for (const e of elements) versions += Number((e as { version?: unknown }).version) || 0;
    const seen = `${elements.length}:${versions}`;
    if (seen === this.lastSeen) return;
    this.lastSeen = seen;
    const now = this.core.now();
    if (!this.pending) this.firstPendingAt = now;
    this.pending = elements;
    this.clearLogTimer();
    if (now - this.firstPendingAt >= LOG_MAX_WAIT_MS) this.logPending();
    else this.logTimer = setTimeout(() => this.logPending(), LOG_QUIET_MS);
    this.saver?.change({ problemId, generation: this.view.generation });
  }

  /** Logs and saves what is pending now (leaving the page, New attempt), and waits for the write. */
  async flush(): Promise<void> {
    this.logPending();
    this.saver?.flush();
    await Promise.allSettled([...this.inflight]);
  }

  /** The Whiteboard region went away: saved now, then closed. */
  async close(): Promise<void> {
    await this.flush();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.saver?.dispose();
    this.saver = null;
    this.setView({ problemId: null, loaded: false, elements: [] });
  }

  /**
   * New attempt of `problemId` (its drafts, the board's included, are already written afresh): an empty
   * board, whatever was pending dropped, and a new canvas.
   */
  reset(problemId: string): void {
    if (this.view.problemId !== problemId || !this.view.loaded) return;
    this.clearLogTimer();
    this.pending = null;
    // The generation moves first: a save of the old board still on its way is dropped.
    this.setView({ elements: [], saveError: null, generation: this.view.generation + 1 });
    this.startAfresh([]);
  }

  private startAfresh(elements: readonly unknown[]): void {
    this.differ = new BoardDiffer();
    this.differ.full(elements);
    this.lastSeen = '';
    this.saver?.dispose();
    this.saver = new DebouncedSaver<BoardTarget>(
      (target) => this.write(target),
      (status) => {
        if (status.kind === 'failed') this.setView({ saveError: `Could not save your whiteboard: ${status.message}. Retrying.` });
        else if (status.kind === 'saved' && this.view.saveError) this.setView({ saveError: null });
      },
      this.saverOptions,
    );
  }

  private clearLogTimer(): void {
    if (this.logTimer) clearTimeout(this.logTimer);
    this.logTimer = null;
  }

  /** Logs the pending change as a diff, and keeps the board it leaves. */
  private logPending(): void {
    this.clearLogTimer();
    if (!this.pending) return;
    const raw = this.pending;
    this.pending = null;
    const diff = this.differ.diff(raw);
    if (!diff) return;
    this.setView({ elements: restoreBoardElements(raw).filter((e) => !e.isDeleted) });
    this.core.recorder.log({ type: 'board', ...diff });
  }

  private write(target: BoardTarget): Promise<void> {
    this.logPending();
    const { problemId, loaded, generation, elements } = this.view;
    if (problemId !== target.problemId || generation !== target.generation || !loaded) return Promise.resolve();
    const write = this.core.storage.saveDraft(problemId, serialiseBoardDraft(elements), BOARD_DRAFT);
    this.inflight.add(write);
    void write.finally(() => this.inflight.delete(write)).catch(() => undefined);
    return write;
  }

  /** A recording started or resumed: the log gets the whole board, then diffs from there. */
  private watchRecorder(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.core.recorder.onPhaseChange((phase, previous) => {
      if (phase === 'recording' && previous !== 'recording') {
        this.logPending();
        this.core.recorder.log({ type: 'board', ...this.differ.full(this.view.elements) });
      }
    });
  }
}
