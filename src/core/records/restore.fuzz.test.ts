/**
 * Fuzz tests of every restore guard (in the spirit of tldraw's record-store fuzzing): random values and
 * randomly damaged valid records must never throw, and whatever a guard lets through must be well formed
 * — a fixed point of the guard (restoring it again changes nothing) with the required fields typed.
 * Seeded, so a failure names the seed that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../testing/prng';
import { restoreAudioChunk, restoreEventBatch, restoreLevelBatch, restoreSessionRecord } from './restore';
import { restoreSessionEvent } from './restoreEvent';
import { restoreDraft } from './restoreDraft';
import { restorePracticeRecord } from './restorePractice';
import { isCustomProtocolRecord } from './restoreProtocol';
import { restoreReview } from './restoreReview';
import { restorePlan, restoreReviewCard } from './restorePlan';

type Rand = () => number;

const ODD_NUMBERS = [0, -1, 1, 0.5, NaN, Infinity, -Infinity, 2 ** 53, -0, 1e15];
const ODD_STRINGS = [
  '',
  'x',
  '__proto__',
  'constructor',
  'solution.ts',
  'notes.md',
  'recording',
  'solved',
  '<b>hi</b>',
  'run',
  // Paths, good and bad (core/files/paths.ts), for the file events.
  'chat/hub.ts',
  '../up.ts',
  '/abs.ts',
  'a//b.ts',
  'C:x.ts',
  ' a.ts',
  'file-rename',
];
const ODD_KEYS = [
  'id',
  'problemId',
  'status',
  't',
  'type',
  'file',
  'text',
  'events',
  'seq',
  'db',
  'phases',
  'changes',
  'mode',
  'from',
  'to',
  'features',
  '__proto__',
];

function pick<T>(rand: Rand, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** Any JSON-ish value, with the awkward numbers and strings that break naive guards. */
function randomValue(rand: Rand, depth = 0): unknown {
  const r = rand();
  if (r < 0.1) return null;
  if (r < 0.15) return undefined;
  if (r < 0.3) return pick(rand, ODD_NUMBERS);
  if (r < 0.45) return pick(rand, ODD_STRINGS);
  if (r < 0.5) return rand() < 0.5;
  if (depth > 3) return 'deep';
  if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 5); i > 0; i--) o[pick(rand, ODD_KEYS)] = randomValue(rand, depth + 1);
  return o;
}

/** A deep copy of `value` with one field (at any depth) deleted or replaced by a random value. */
function damage(rand: Rand, value: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (;;) {
    const keys = Object.keys(node);
    if (keys.length === 0) return copy;
    const key = pick(rand, keys);
    const child = node[key];
    if (child && typeof child === 'object' && rand() < 0.5) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (rand() < 0.3) delete node[key];
    else node[key] = randomValue(rand);
    return copy;
  }
}

const session = {
  id: 's1',
  problemId: 'token-bucket',
  protocolId: 'coding-45',
  phases: [{ id: 'plan', name: 'Plan', minutes: 5, goal: 'List edge cases.' }],
  startedAt: 1000,
  endedAt: 5000,
  status: 'finished',
  audio: { segments: [{ index: 0, mimeType: 'audio/webm;codecs=opus', startMs: 120, durationMs: 3000 }] },
  audioOffReason: null,
  silenceThresholdMs: 30_000,
  levelFrameMs: 50,
  silences: [{ startMs: 100, endMs: 2100 }],
  language: 'python',
  features: ['typing', 'receipts'],
};
const events = [
  { t: 0, type: 'snapshot', file: 'solution.ts', text: 'export {}' },
  { t: 10, type: 'edit', file: 'solution.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'x' }], startT: 5 },
  {
    t: 20,
    type: 'run',
    mode: 'submit',
    outcome: 'completed',
    passed: 1,
    total: 2,
    tests: [{ title: 'a', path: ['b'], status: 'failed', message: 'm' }],
  },
  { t: 30, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: 30 },
  { t: 40, type: 'nudge', kind: 'no-run', editingMs: 300_000 },
  // A project's files: any valid path, created, opened, renamed, deleted.
  { t: 50, type: 'file-create', file: 'chat/hub.ts' },
  { t: 51, type: 'snapshot', file: 'chat/hub.ts', text: 'export class Hub {}' },
  { t: 52, type: 'edit', file: 'chat/room.py', changes: [{ offset: 0, deleteCount: 1, insert: '' }] },
  { t: 53, type: 'file-open', file: 'chat/hub.ts' },
  { t: 54, type: 'file-rename', from: 'chat/hub.ts', to: 'chat/server/hub.ts' },
  { t: 55, type: 'file-delete', file: 'chat/server/hub.ts' },
];
const practice = {
  problemId: 'chat-broker',
  status: 'in-progress',
  clock: null,
  lastSubmit: { passed: 3, total: 9, at: 100 },
  submits: 2,
  updatedAt: 200,
  unlockedStages: 2,
  stageTimes: [
    { unlockedAt: 1, passedAt: 50 },
    { unlockedAt: 50, passedAt: null },
  ],
  protocolId: 'coding-45',
  revealed: [{ question: 'How many users?', at: 7 }],
};
const review = {
  sessionId: 's1',
  selfScores: { communication: { score: 7, note: 'ok' } },
  design: [{ part: 'Communication', weight: 25, level: 'good', note: '' }],
  learnings: { wentWell: 'a', improve: 'b', actions: 'c' },
  comparedAt: null,
  updatedAt: 3,
};
const plan = {
  id: 'current',
  title: 'Practice protocol',
  templateId: 'practice-protocol',
  startDate: '2026-12-07',
  interviewDate: '2026-12-12',
  days: [
    [
      { kind: 'problem', problemId: 'token-bucket', protocolId: 'coding-45', why: 'plan: first', fresh: true },
      { kind: 'any', problemKind: 'coding', protocolId: 'coding-75', why: 'plan: mock', mock: true },
    ],
    [],
  ],
  dayNotes: ['One', ''],
  done: [{ itemId: 'd0i0', sessionId: 's1', problemId: 'token-bucket', on: '2026-12-07' }],
  started: { itemId: 'd0i1', problemId: 'lru-ttl' },
  createdAt: 5,
};
const reviewCard = {
  problemId: 'token-bucket',
  attempts: [
    {
      sessionId: 's1',
      day: '2026-12-07',
      endedAt: 9,
      kind: 'coding',
      protocolId: 'coding-45',
      grade: 1,
      summary: 'failed 3 hidden tests',
      reasons: ['a'],
      checklist: [{ id: 'silence', label: 'Silence', status: 'met' }],
    },
  ],
};
const protocol = { id: 'mine', name: 'Mine', phases: [{ id: 'p', name: 'P', minutes: 1, goal: '' }], basedOn: null, updatedAt: 1 };

interface Guard {
  name: string;
  valid: unknown;
  restore(v: unknown): unknown;
  /** The fields a restored value must have, with their types. */
  check(out: Record<string, unknown>): void;
}

const str = (x: unknown) => expect(typeof x).toBe('string');
const num = (x: unknown) => expect(Number.isFinite(x)).toBe(true);

const GUARDS: Guard[] = [
  {
    name: 'session record',
    valid: session,
    restore: restoreSessionRecord,
    check: (o) => (str(o.id), str(o.problemId), num(o.startedAt), expect(Array.isArray(o.phases)).toBe(true)),
  },
  ...events.map((e) => ({
    name: `${e.type} event`,
    valid: e,
    restore: restoreSessionEvent,
    check: (o: Record<string, unknown>) => (num(o.t), str(o.type)),
  })),
  {
    name: 'event batch',
    valid: { sessionId: 's1', seq: 0, events },
    restore: restoreEventBatch,
    check: (o) => (str(o.sessionId), expect(Array.isArray(o.events)).toBe(true)),
  },
  {
    name: 'level batch',
    valid: { sessionId: 's1', segment: 0, seq: 1, startFrame: 20, db: [-40, -60] },
    restore: restoreLevelBatch,
    check: (o) => expect((o.db as unknown[]).every((x) => typeof x === 'number')).toBe(true),
  },
  {
    name: 'practice record',
    valid: practice,
    restore: restorePracticeRecord,
    check: (o) => (str(o.problemId), expect(['in-progress', 'solved']).toContain(o.status), num(o.submits)),
  },
  { name: 'review', valid: review, restore: restoreReview, check: (o) => (str(o.sessionId), num(o.updatedAt)) },
  {
    name: 'draft',
    valid: { problemId: 'lru-ttl', code: 'x', updatedAt: 1 },
    restore: restoreDraft,
    check: (o) => (str(o.code), num(o.updatedAt)),
  },
  {
    name: 'plan',
    valid: plan,
    restore: restorePlan,
    check: (o) => (str(o.startDate), str(o.interviewDate), expect(Array.isArray(o.days)).toBe(true)),
  },
  {
    name: 'review card',
    valid: reviewCard,
    restore: restoreReviewCard,
    check: (o) => (str(o.problemId), expect((o.attempts as { grade: number }[]).every((a) => a.grade >= 1 && a.grade <= 4)).toBe(true)),
  },
  {
    name: 'custom protocol',
    valid: protocol,
    restore: (v) => (isCustomProtocolRecord(v) ? v : null),
    check: (o) => (str(o.name), expect((o.phases as unknown[]).length).toBeGreaterThan(0)),
  },
];

function expectWellFormed(guard: Guard, input: unknown, seed: number): void {
  let out: unknown;
  expect(() => (out = guard.restore(input)), `seed ${seed}`).not.toThrow();
  if (out === null) return;
  guard.check(out as Record<string, unknown>);
  // Restored output is a fixed point: nothing malformed was let through to be fixed on the next read.
  expect(guard.restore(structuredClone(out)), `seed ${seed}`).toEqual(out);
}

describe('restore guards under fuzzing', () => {
  for (const guard of GUARDS) {
    it(`${guard.name}: the valid record is restored as it is`, () => {
      expect(guard.restore(structuredClone(guard.valid))).not.toBeNull();
    });

    it(`${guard.name}: random values never throw and never pass malformed data`, () => {
      for (let seed = 1; seed <= 400; seed++) expectWellFormed(guard, randomValue(prng(seed)), seed);
    });

    it(`${guard.name}: damaged valid records never throw and never pass malformed data`, () => {
      for (let seed = 1; seed <= 400; seed++) {
        const rand = prng(seed);
        let input = guard.valid;
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) input = damage(rand, input);
        expectWellFormed(guard, input, seed);
      }
    });
  }

  it('an audio row needs a Blob', () => {
    expect(restoreAudioChunk({ sessionId: 's', segment: 0, seq: 0, t: 1, blob: 'not a blob' })).toBeNull();
    expect(restoreAudioChunk({ sessionId: 's', segment: 0, seq: 0, t: 1, blob: new Blob(['x']) })?.final).toBe(false);
  });
});
