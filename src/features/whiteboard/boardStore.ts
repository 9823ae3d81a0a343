/**
 * The design workspace's whiteboard state, apart from Excalidraw (which loads lazily): the elements,
 * their autosave as the draft `<problem>/whiteboard.json`, and the session log. Each change is logged as a
 * diff (only the elements whose version changed, core/whiteboard/boardDiff.ts); the whole board is logged
 * when a recording starts or resumes, so a replay can always start from a full board.
 */
import { create } from 'zustand';
import { BoardDiffer } from '../../core/whiteboard/boardDiff';
import { parseBoardDraft, restoreBoardElements, serialiseBoardDraft } from '../../core/whiteboard/restoreBoard';
import type { BoardElement } from '../../core/whiteboard/types';
import { recorder } from '../../recorder';
import { loadDraft, saveDraft } from '../../storage/drafts';

/** A burst of changes (a drag, a stroke) is logged once it pauses this long… */
const LOG_QUIET_MS = 200;
/** …or at least this often while it goes on, so a long stroke still replays as it grew. */
const LOG_MAX_WAIT_MS = 1000;
/** The draft is written this long after the last change (the contract is: within 1 s, as for code). */
const DRAFT_DEBOUNCE_MS = 300;
const DRAFT_RETRY_MS = 2000;

interface BoardState {
  problemId: string | null;
  loaded: boolean;
  /** The board as last restored from Excalidraw or the draft. */
  elements: BoardElement[];
  saveError: string | null;
  open(problemId: string): Promise<void>;
  /** Excalidraw's onChange: its full element list (deleted ones included). */
  change(elements: readonly unknown[]): void;
  /** Log and save what is pending now (leaving the page, finishing the session). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const useBoard = create<BoardState>()((set, get) => {
  let differ = new BoardDiffer();
  let pending: readonly unknown[] | null = null;
  let logTimer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt = 0;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  /** Sum of versions and count of the last list seen: Excalidraw also calls onChange when only the view changed. */
  let lastSeen = '';

  const logPending = () => {
    if (logTimer) clearTimeout(logTimer);
    logTimer = null;
    if (!pending) return;
    const raw = pending;
    pending = null;
    const diff = differ.diff(raw);
    if (!diff) return;
    set({ elements: restoreBoardElements(raw).filter((e) => !e.isDeleted) });
    recorder.log({ type: 'board', ...diff });
  };

  const save = async () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    const { problemId, loaded, elements } = get();
    if (!problemId || !loaded) return;
    try {
      await saveDraft(problemId, serialiseBoardDraft(elements), 'whiteboard.json');
      if (get().saveError) set({ saveError: null });
    } catch (e) {
      set({ saveError: `Could not save your whiteboard: ${String(e)}. Retrying.` });
      saveTimer = setTimeout(() => void save(), DRAFT_RETRY_MS);
    }
  };

  /** A recording started or resumed: the log gets the whole board, then diffs from there. */
  const watchRecorder = () => {
    unsubscribe?.();
    unsubscribe = recorder.store.subscribe((state, previous) => {
      if (state.phase === 'recording' && previous.phase !== 'recording') {
        logPending();
        recorder.log({ type: 'board', ...differ.full(get().elements) });
      }
    });
  };

  return {
    problemId: null,
    loaded: false,
    elements: [],
    saveError: null,

    async open(problemId) {
      if (get().problemId === problemId && get().loaded) return;
      await get().close();
      set({ problemId, loaded: false, elements: [], saveError: null });
      const draft = await loadDraft(problemId, 'whiteboard.json').catch(() => undefined);
      if (get().problemId !== problemId) return;
      const elements = draft ? (parseBoardDraft(draft.code)?.elements ?? []) : [];
      differ = new BoardDiffer();
      differ.full(elements);
      lastSeen = '';
      set({ elements, loaded: true });
      watchRecorder();
      // Opened while a session records (a reload that resumed it): the log needs this board too.
      if (recorder.store.getState().phase === 'recording') recorder.log({ type: 'board', ...differ.full(elements) });
    },

    change(elements) {
      if (!get().loaded) return;
      let versions = 0;
      for (const e of elements) versions += Number((e as { version?: unknown }).version) || 0;
      const seen = `${elements.length}:${versions}`;
      if (seen === lastSeen) return;
      lastSeen = seen;
      const now = Date.now();
      if (!pending) firstPendingAt = now;
      pending = elements;
      if (logTimer) clearTimeout(logTimer);
      logTimer = now - firstPendingAt >= LOG_MAX_WAIT_MS ? (logPending(), null) : setTimeout(logPending, LOG_QUIET_MS);
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        logPending();
        void save();
      }, DRAFT_DEBOUNCE_MS);
    },

    async flush() {
      logPending();
      if (saveTimer) await save();
    },

    async close() {
      await get().flush();
      unsubscribe?.();
      unsubscribe = null;
      set({ problemId: null, loaded: false, elements: [] });
    },
  };
});
