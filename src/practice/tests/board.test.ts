import { describe, expect, it, vi } from 'vitest';
import { rect } from '../../core/whiteboard/testElements';
import { parseBoardDraft, serialiseBoardDraft } from '../../core/whiteboard/restoreBoard';
import { BOARD_DRAFT, LOG_MAX_WAIT_MS, LOG_QUIET_MS } from '../parts/board';
import { designProblem, engineHarness } from '../testing/fakes';

const h = engineHarness();

/** What the board draft of the design problem holds now (the ids of its elements), or null without one. */
const savedBoard = () => {
  const draft = h.storage.drafts.get(`design/${BOARD_DRAFT}`);
  return draft ? (parseBoardDraft(draft.code)?.elements.map((e) => e.id) ?? null) : null;
};

describe('the whiteboard', () => {
  it('opens from its draft', async () => {
    h.storage.drafts.set(`design/${BOARD_DRAFT}`, { code: serialiseBoardDraft([rect('a', 0, 0)]), updatedAt: 1 });
    await h.engine.openBoard('design');
    expect(h.engine.state.board).toMatchObject({ problemId: 'design', loaded: true, generation: 1, saveError: null });
    expect(h.engine.state.board.elements.map((e) => e.id)).toEqual(['a']);
  });

  it('saves a change as the draft once drawing rests, and logs it as a diff while recording', async () => {
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    h.engine.start();
    h.engine.changeBoard([rect('a', 0, 0)]);
    h.engine.changeBoard([rect('a', 0, 0), rect('b', 200, 0)]);
    expect(h.rec.logged('board').filter((e) => !e.full)).toEqual([]);
    await vi.advanceTimersByTimeAsync(LOG_QUIET_MS);
    expect(
      h.rec
        .logged('board')
        .at(-1)!
        .elements.map((e) => e.id),
    ).toEqual(['a', 'b']);
    expect(savedBoard()).toBeNull();
    await vi.advanceTimersByTimeAsync(300);
    expect(savedBoard()).toEqual(['a', 'b']);
    // Only what changed is logged next; a call where only the view moved changes nothing.
    h.engine.changeBoard([rect('a', 0, 0), rect('b', 200, 0)]);
    h.engine.changeBoard([rect('a', 10, 0, 2), rect('b', 200, 0)]);
    await vi.advanceTimersByTimeAsync(LOG_QUIET_MS);
    expect(
      h.rec
        .logged('board')
        .at(-1)!
        .elements.map((e) => [e.id, e.x]),
    ).toEqual([['a', 10]]);
  });

  it('logs a long stroke at least every LOG_MAX_WAIT_MS while it goes on', async () => {
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    h.engine.start();
    const diffs = () => h.rec.logged('board').filter((e) => !e.full).length;
    // A change every 100 ms, never a quiet LOG_QUIET_MS: logged once LOG_MAX_WAIT_MS has gone by.
    for (let version = 1; version <= LOG_MAX_WAIT_MS / 100 + 2; version++) {
      h.engine.changeBoard([rect('a', version, 0, version)]);
      h.now += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(diffs()).toBe(1);
    await vi.advanceTimersByTimeAsync(LOG_QUIET_MS);
    expect(diffs()).toBe(2);
  });

  it('logs the whole board when a recording starts or resumes, and when opened during one', async () => {
    h.storage.drafts.set(`design/${BOARD_DRAFT}`, { code: serialiseBoardDraft([rect('a', 0, 0)]), updatedAt: 1 });
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    h.engine.start();
    expect(h.rec.events[0]).toEqual({ type: 'board', full: true, elements: [expect.objectContaining({ id: 'a' })] });
    await h.engine.closeBoard();
    h.rec.events = [];
    await h.engine.openBoard('design');
    expect(h.rec.events).toEqual([{ type: 'board', full: true, elements: [expect.objectContaining({ id: 'a' })] }]);
    // Closed, it no longer follows the recorder.
    await h.engine.closeBoard();
    h.rec.current = 'interrupted';
    h.rec.events = [];
    await h.engine.continueSession();
    expect(h.rec.logged('board')).toEqual([]);
  });

  it('keeps trying a refused save, saying so, until it is written', async () => {
    await h.engine.openBoard('design');
    h.storage.draftFailures = 1;
    h.engine.changeBoard([rect('a', 0, 0)]);
    await vi.advanceTimersByTimeAsync(300);
    expect(h.engine.state.board.saveError).toMatch(/^Could not save your whiteboard: QuotaExceededError\. Retrying\.$/);
    await vi.advanceTimersByTimeAsync(2000);
    expect(savedBoard()).toEqual(['a']);
    expect(h.engine.state.board.saveError).toBeNull();
  });

  it('is written at once by a flush (leaving the page), and on closing', async () => {
    await h.engine.openBoard('design');
    h.engine.changeBoard([rect('a', 0, 0)]);
    await h.engine.flushBoard();
    expect(savedBoard()).toEqual(['a']);
    h.engine.changeBoard([rect('a', 0, 0), rect('b', 0, 0)]);
    await h.engine.closeBoard();
    expect(savedBoard()).toEqual(['a', 'b']);
    expect(h.engine.state.board).toMatchObject({ problemId: null, loaded: false, elements: [] });
    h.engine.changeBoard([rect('c', 0, 0)]); // a closed board takes no change
    await vi.advanceTimersByTimeAsync(1000);
    expect(savedBoard()).toEqual(['a', 'b']);
  });
});
