import { describe, expect, it } from 'vitest';
import { EditCoalescer, applyChanges, buildTextIndex, composeBatches, replayText } from './editLog';
import type { SessionEvent, SessionFile, TextChange } from './types';
import { prng } from '../testing/prng';

const edit = (t: number, changes: TextChange[], file: SessionFile = 'solution.ts'): SessionEvent => ({ t, type: 'edit', file, changes });
const snapshot = (t: number, text: string, file: SessionFile = 'solution.ts'): SessionEvent => ({ t, type: 'snapshot', file, text });
const insert = (offset: number, text: string): TextChange => ({ offset, deleteCount: 0, insert: text });

describe('applyChanges', () => {
  it('applies changes whose offsets all refer to the text before the event, in any array order', () => {
    // Three cursors typing "x" at the start of three lines: Monaco reports the offsets of the old text.
    const changes = [insert(0, 'x'), insert(4, 'x'), insert(8, 'x')];
    expect(applyChanges('abc\nabc\nabc', changes)).toBe('xabc\nxabc\nxabc');
    expect(applyChanges('abc\nabc\nabc', [...changes].reverse())).toBe('xabc\nxabc\nxabc');
  });

  it('puts an insertion before a replacement that starts at the same offset', () => {
    const replace = { offset: 1, deleteCount: 2, insert: 'R' };
    expect(applyChanges('abcd', [replace, insert(1, 'X')])).toBe('aXRd');
    expect(applyChanges('abcd', [insert(1, 'X'), replace])).toBe('aXRd');
  });

  it('keeps array order for two insertions at one offset, like model.applyEdits', () => {
    expect(applyChanges('ab', [insert(1, 'X'), insert(1, 'Y')])).toBe('aXYb');
  });

  it('handles the empty text and empty batches', () => {
    expect(applyChanges('', [insert(0, 'hello')])).toBe('hello');
    expect(applyChanges('', [])).toBe('');
    expect(applyChanges('abc', [{ offset: 0, deleteCount: 3, insert: '' }])).toBe('');
  });

  it('counts offsets in UTF-16 code units, so an emoji is two', () => {
    const text = 'a😀b'; // 'a', two surrogates, 'b'
    expect(text.length).toBe(4);
    expect(applyChanges(text, [{ offset: 1, deleteCount: 2, insert: '' }])).toBe('ab');
    expect(applyChanges(text, [insert(3, '中'), insert(4, '🎉')])).toBe('a😀中b🎉');
  });

  it('rejects overlapping or out-of-range changes rather than replaying wrong text', () => {
    expect(() =>
      applyChanges('abcdef', [
        { offset: 0, deleteCount: 3, insert: '' },
        { offset: 2, deleteCount: 1, insert: '' },
      ]),
    ).toThrow(RangeError);
    expect(() => applyChanges('abc', [{ offset: 2, deleteCount: 5, insert: '' }])).toThrow(RangeError);
    expect(() => applyChanges('abc', [insert(-1, 'x')])).toThrow(RangeError);
  });
});

describe('composeBatches', () => {
  it('turns a word typed key by key into one insertion', () => {
    const keys = [...'hello'].map((ch, i) => [insert(3 + i, ch)]);
    expect(composeBatches(keys)).toEqual([insert(3, 'hello')]);
  });

  it('drops text typed and deleted again', () => {
    expect(composeBatches([[insert(2, 'x')], [{ offset: 2, deleteCount: 1, insert: '' }]])).toEqual([]);
  });

  it('keeps separate stretches as separate changes against the original text', () => {
    const composed = composeBatches([[insert(0, 'A')], [insert(6, 'B')]]); // "A" then "B" after original char 5
    expect(composed).toEqual([insert(0, 'A'), insert(5, 'B')]);
    expect(applyChanges('0123456789', composed)).toBe('A01234B56789');
  });
});

describe('EditCoalescer', () => {
  it('merges keystrokes within the window into one event stamped with the last keystroke', () => {
    const c = new EditCoalescer(500);
    expect(c.push(edit(100, [insert(0, 'a')]))).toEqual([]);
    expect(c.push(edit(300, [insert(1, 'b')]))).toEqual([]);
    expect(c.push(edit(600, [insert(2, 'c')]))).toEqual([]);
    const [merged] = c.push(edit(700, [insert(3, 'd')]));
    expect(merged).toEqual({ t: 600, startT: 100, type: 'edit', file: 'solution.ts', changes: [insert(0, 'abc')] });
    expect(c.flush()).toEqual([edit(700, [insert(3, 'd')])]);
    expect(c.flush()).toEqual([]);
  });

  it('never merges across another event or another file', () => {
    const c = new EditCoalescer(500);
    c.push(edit(0, [insert(0, 'a')]));
    const run: SessionEvent = { t: 10, type: 'run', mode: 'run', outcome: 'passed', passed: 1, total: 1 };
    expect(c.push(run)).toEqual([edit(0, [insert(0, 'a')]), run]);
    c.push(edit(20, [insert(1, 'b')]));
    expect(c.push(edit(30, [insert(0, 'n')], 'notes.md'))).toEqual([edit(20, [insert(1, 'b')])]);
    expect(c.flush()).toEqual([edit(30, [insert(0, 'n')], 'notes.md')]);
  });

  it('normalises a single event to document order without changing what it does', () => {
    const c = new EditCoalescer();
    c.push(edit(0, [insert(4, 'x'), insert(0, 'x')]));
    expect(c.flush()).toEqual([edit(0, [insert(0, 'x'), insert(4, 'x')])]);
  });
});

describe('replayText', () => {
  const log: SessionEvent[] = [
    snapshot(0, 'let a;'),
    snapshot(0, '# notes', 'notes.md'),
    edit(1_000, [insert(6, '\nlet b;')]),
    edit(1_500, [insert(7, ' x')], 'notes.md'),
    snapshot(2_000, 'reset'),
    edit(3_000, [insert(5, '!')]),
  ];

  it('is empty before the first snapshot and follows edits and resets', () => {
    expect(replayText(log, 'solution.ts', -1)).toBe('');
    expect(replayText(log, 'solution.ts', 999)).toBe('let a;');
    expect(replayText(log, 'solution.ts', 1_000)).toBe('let a;\nlet b;');
    expect(replayText(log, 'solution.ts', 2_500)).toBe('reset');
    expect(replayText(log, 'solution.ts', 3_000)).toBe('reset!');
    expect(replayText(log, 'notes.md', 10_000)).toBe('# notes x');
  });

  it('is matched by the index, with the last edit to highlight', () => {
    const index = buildTextIndex(log, 'solution.ts', 1);
    expect(index.textAt(1_200)).toBe('let a;\nlet b;');
    expect(index.editIndexAt(1_200)).toBe(2);
    expect(index.editIndexAt(500)).toBe(-1);
    expect(index.editIndexAt(2_500)).toBe(2);
    expect(index.editIndexAt(3_000)).toBe(5);
    expect(buildTextIndex([], 'notes.md').textAt(5)).toBe('');
  });
});

// ─── Property tests ────────────────────────────────────────────────────────────────────────────────

const ALPHABET = ['a', 'b', 'z', ' ', '\n', '{', '}', 'é', '中', '😀', '🎉'];

function randomString(random: () => number, maxLength: number): string {
  let s = '';
  const n = Math.floor(random() * (maxLength + 1));
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

/** Non-overlapping changes with distinct start offsets on `text`, shuffled, as Monaco might order them. */
function randomBatch(random: () => number, text: string): TextChange[] {
  const count = 1 + Math.floor(random() * (random() < 0.7 ? 1 : 4));
  const starts = [...new Set(Array.from({ length: count }, () => Math.floor(random() * (text.length + 1))))].sort((a, b) => a - b);
  const changes = starts.map((offset, i) => {
    const room = (starts[i + 1] ?? text.length) - offset;
    const deleteCount = random() < 0.5 ? 0 : Math.min(room, Math.floor(random() * 6));
    return { offset, deleteCount, insert: random() < 0.3 && deleteCount > 0 ? '' : randomString(random, 8) };
  });
  return changes.sort(() => random() - 0.5);
}

/** The textbook way, independent of the code under test: splice from the highest offset down. */
function spliceFromTheEnd(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const c of [...changes].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, c.offset) + c.insert + result.slice(c.offset + c.deleteCount);
  }
  return result;
}

interface Recording {
  raw: SessionEvent[];
  /** The text of each file after each raw event, built directly. */
  truth: { t: number; text: Record<SessionFile, string> }[];
}

function randomRecording(random: () => number, eventCount: number): Recording {
  const text: Record<SessionFile, string> = { 'solution.ts': randomString(random, 30), 'notes.md': '' };
  const raw: SessionEvent[] = [snapshot(0, text['solution.ts']), snapshot(1, '', 'notes.md')];
  const truth = [{ t: 1, text: { ...text } }];
  let t = 1;
  for (let i = 0; i < eventCount; i++) {
    t += 1 + Math.floor(random() * (random() < 0.8 ? 150 : 2_000)); // strictly increasing: see the check below
    const file: SessionFile = random() < 0.85 ? 'solution.ts' : 'notes.md';
    const roll = random();
    if (roll < 0.05) raw.push({ t, type: 'phase', phaseId: 'code', phaseIndex: 1 });
    else if (roll < 0.07) {
      text[file] = randomString(random, 20);
      raw.push(snapshot(t, text[file], file));
    } else {
      const changes = randomBatch(random, text[file]);
      text[file] = spliceFromTheEnd(text[file], changes);
      raw.push(edit(t, changes, file));
    }
    truth.push({ t, text: { ...text } });
  }
  return { raw, truth };
}

function coalesce(random: () => number, raw: readonly SessionEvent[], windowMs: number): SessionEvent[] {
  const coalescer = new EditCoalescer(windowMs);
  const stored: SessionEvent[] = [];
  for (const event of raw) {
    stored.push(...coalescer.push(event));
    if (random() < 0.1) stored.push(...coalescer.flush()); // the recorder's periodic flush
  }
  return [...stored, ...coalescer.flush()];
}

describe('replaying random recordings', () => {
  it('gives the directly built text at every stored event, for 300 seeds and random windows', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = prng(seed);
      const { raw, truth } = randomRecording(random, 20 + Math.floor(random() * 150));
      const windowMs = [0, 50, 500, 1_500][seed % 4]!;
      const stored = coalesce(random, raw, windowMs);
      expect(stored.length, `seed ${seed}`).toBeLessThanOrEqual(raw.length);
      for (const event of stored) {
        if (event.type === 'edit') {
          expect(event.t - (event.startT ?? event.t)).toBeLessThanOrEqual(windowMs);
        }
      }
      // Raw times are strictly increasing, so no merged group straddles a stored event's time: the stored
      // log and the raw one must agree exactly there.
      let truthIndex = 0;
      for (const event of stored) {
        while (truthIndex + 1 < truth.length && truth[truthIndex + 1]!.t <= event.t) truthIndex++;
        for (const file of ['solution.ts', 'notes.md'] as const) {
          expect(replayText(stored, file, event.t), `seed ${seed} t ${event.t} ${file}`).toBe(truth[truthIndex]!.text[file]);
        }
      }
      const last = truth[truth.length - 1]!.text;
      expect(replayText(stored, 'solution.ts', Infinity)).toBe(last['solution.ts']);
      expect(replayText(raw, 'notes.md', Infinity)).toBe(last['notes.md']);
    }
  });

  it('stores batches that the textbook splice replays too, so Monaco can apply them as they are', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = prng(1_000 + seed);
      const { raw } = randomRecording(random, 100);
      let text = '';
      for (const event of coalesce(random, raw, 800)) {
        if (event.type === 'snapshot' && event.file === 'solution.ts') text = event.text;
        if (event.type === 'edit' && event.file === 'solution.ts') text = spliceFromTheEnd(text, event.changes);
      }
      expect(text, `seed ${seed}`).toBe(replayText(raw, 'solution.ts', Infinity));
    }
  });

  it('seeks with checkpoints to the same text as a full replay, forwards, backwards and at random', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = prng(5_000 + seed);
      const { raw } = randomRecording(random, 300);
      const stored = coalesce(random, raw, 500);
      const end = stored[stored.length - 1]!.t;
      for (const file of ['solution.ts', 'notes.md'] as const) {
        const index = buildTextIndex(stored, file, 1 + Math.floor(random() * 20));
        const times = [
          ...Array.from({ length: 40 }, () => Math.floor(random() * (end + 200)) - 100),
          ...stored.map((e) => e.t),
          ...stored.map((e) => e.t).reverse(),
        ];
        for (const atMs of times) {
          expect(index.textAt(atMs), `seed ${seed} ${file} at ${atMs}`).toBe(replayText(stored, file, atMs));
          const editIndex = index.editIndexAt(atMs);
          const naive = stored.findLastIndex((e) => e.type === 'edit' && e.file === file && e.t <= atMs);
          expect(editIndex).toBe(naive);
        }
      }
    }
  });
});
