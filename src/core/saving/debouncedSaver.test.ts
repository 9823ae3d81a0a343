import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedSaver, type SaverStatus } from './debouncedSaver';

function setup(write: (v: string) => Promise<void> = () => Promise.resolve()) {
  const written: string[] = [];
  const statuses: SaverStatus[] = [];
  const saver = new DebouncedSaver<string>(
    async (v) => {
      await write(v);
      written.push(v);
    },
    (s) => statuses.push(s),
    { debounceMs: 300, retryMs: 2000 },
  );
  return { saver, written, statuses };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('DebouncedSaver', () => {
  it('writes only the newest value, 300 ms after the last change', async () => {
    const { saver, written, statuses } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(200);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(299);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual(['ab']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('writes at once on flush, and not again when nothing changed', async () => {
    const { saver, written } = setup();
    saver.change('typed just now');
    saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(written).toEqual(['typed just now']);
  });

  it('reports a failed write and retries it until it succeeds', async () => {
    let fail = 2;
    const { saver, written, statuses } = setup(() => (fail-- > 0 ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()));
    saver.change('keep me');
    await vi.advanceTimersByTimeAsync(300);
    expect(statuses.at(-1)).toEqual({ kind: 'failed', message: 'QuotaExceededError' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(written).toEqual(['keep me']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('writes a newer value typed while a failed write waits for its retry', async () => {
    let fail = 1;
    const { saver, written } = setup(() => (fail-- > 0 ? Promise.reject(new Error('busy')) : Promise.resolve()));
    saver.change('old');
    await vi.advanceTimersByTimeAsync(300);
    saver.change('new');
    await vi.advanceTimersByTimeAsync(300);
    expect(written).toEqual(['new']);
  });

  it('writes what is unsaved on dispose, then reports nothing more', async () => {
    const { saver, written, statuses } = setup();
    saver.change('last words');
    saver.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(written).toEqual(['last words']);
    expect(statuses).toEqual([{ kind: 'pending' }]);
    saver.change('after');
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['last words']);
  });
});
