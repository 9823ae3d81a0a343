import { describe, expect, it, vi } from 'vitest';
import { problem, engineHarness } from '../testing/fakes';

const h = engineHarness();

describe('drafts', () => {
  it('are written after a pause in typing, only the newest text', async () => {
    await h.engine.open(problem());
    h.engine.setCode('a');
    h.engine.setCode('ab');
    expect(h.storage.draftWrites).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(h.storage.draftWrites).toEqual([{ problemId: 'add', file: 'solution.ts', text: 'ab' }]);
    // The first keystroke creates the practice record, so the catalog shows the problem in progress.
    expect(h.storage.practice.get('add')?.status).toBe('in-progress');
  });

  it('keep trying after a failed write, saying so, until it works', async () => {
    await h.engine.open(problem());
    h.storage.draftFailures = 2;
    h.engine.setNotes('- empty input');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.engine.state.saveError).toMatch(/Could not save your notes.md: QuotaExceededError/);
    await vi.advanceTimersByTimeAsync(2100);
    await vi.advanceTimersByTimeAsync(2100);
    expect(h.storage.drafts.get('add/notes.md')?.code).toBe('- empty input');
    expect(h.engine.state.saveError).toBeNull();
  });

  it('are written at once by flushDrafts (leaving the page)', async () => {
    await h.engine.open(problem());
    h.engine.setCode('x');
    await h.engine.flushDrafts();
    expect(h.storage.drafts.get('add/solution.ts')?.code).toBe('x');
  });
});
