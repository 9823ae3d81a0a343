/**
 * A small but complete session for the bundle's tests: every event type, a review, one audio segment
 * (a WebM header as MediaRecorder writes it, then bytes standing in for Opus) with its levels. Shared by
 * the unit tests, the e2e journeys and the bench; not used by the app.
 */
import { emptyReview } from '../review/rubrics';
import type { SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import { findProtocol } from '../timer/protocols';
import type { BundleSource } from './buildBundle';

export const FIXTURE_SESSION_ID = '5e55a0b1-7c2d-4e3f-8a9b-0c1d2e3f4a5b';

/** One EBML element: id bytes, size as an 8-byte vint (or "unknown"), data. */
function ebml(id: number[], data: Uint8Array | null): Uint8Array {
  const size =
    data === null
      ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
      : [0x01, 0, 0, 0, 0, 0, 0, 0].map((b, i) => (i < 4 ? b : (data.length >>> ((7 - i) * 8)) & 0xff));
  const out = new Uint8Array(id.length + 8 + (data?.length ?? 0));
  out.set(id);
  out.set(size, id.length);
  if (data) out.set(data, id.length + 8);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A WebM file's structure as Chromium's MediaRecorder writes it (EBML header with DocType "webm", a
 * Segment of unknown size, Info, Tracks, then a Cluster of unknown size) around `payload`, which stands
 * in for the Opus frames. Enough for the importer's container check; not playable.
 */
export function syntheticWebm(payload: Uint8Array): Uint8Array {
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    concat([ebml([0x42, 0x86], new Uint8Array([1])), ebml([0x42, 0x82], new TextEncoder().encode('webm'))]),
  );
  const info = ebml([0x15, 0x49, 0xa9, 0x66], ebml([0x2a, 0xd7, 0xb1], new Uint8Array([0x0f, 0x42, 0x40])));
  const tracks = ebml([0x16, 0x54, 0xae, 0x6b], ebml([0xae], ebml([0x86], new TextEncoder().encode('A_OPUS'))));
  const segment = ebml([0x18, 0x53, 0x80, 0x67], null);
  return concat([header, segment, info, tracks, ebml([0x1f, 0x43, 0xb6, 0x75], null), payload]);
}

export function fixtureSession(): SessionRecord {
  return {
    id: FIXTURE_SESSION_ID,
    problemId: 'token-bucket',
    protocolId: 'coding-45',
    phases: findProtocol('coding-45')!.phases.map((p) => ({ ...p })),
    startedAt: Date.UTC(2026, 10, 25, 9, 30),
    endedAt: Date.UTC(2026, 10, 25, 9, 30, 12),
    status: 'finished',
    audio: { segments: [{ index: 0, mimeType: 'audio/webm;codecs=opus', startMs: 0, durationMs: 12_000 }] },
    audioOffReason: null,
    silenceThresholdMs: 30_000,
    levelFrameMs: 50,
    silences: [{ startMs: 2_000, endMs: 5_000 }],
  };
}

export function fixtureEvents(): SessionEvent[] {
  return [
    { t: 0, type: 'snapshot', file: 'solution.ts', text: 'export function f() {\n}\n' },
    { t: 0, type: 'snapshot', file: 'notes.md', text: '' },
    { t: 0, type: 'phase', phaseId: 'plan', phaseIndex: 0 },
    { t: 500, type: 'edit', file: 'notes.md', changes: [{ offset: 0, deleteCount: 0, insert: '- empty input\n- burst\n' }], startT: 300 },
    { t: 900, type: 'nudge', kind: 'plan-coding' },
    { t: 1_000, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: 1_000 },
    { t: 1_000, type: 'phase', phaseId: 'code', phaseIndex: 1 },
    { t: 1_500, type: 'edit', file: 'solution.ts', changes: [{ offset: 22, deleteCount: 0, insert: '  return 1;\n' }] },
    { t: 2_000, type: 'mute', muted: true },
    { t: 2_500, type: 'mute', muted: false },
    { t: 3_000, type: 'pause' },
    { t: 3_500, type: 'resume' },
    {
      t: 4_000,
      type: 'run',
      mode: 'run',
      outcome: 'failed',
      passed: 1,
      total: 2,
      tests: [
        { title: 'works', path: ['f'], status: 'passed' },
        { title: 'edge', path: ['f'], status: 'failed', message: 'expected 2' },
      ],
    },
    { t: 5_000, type: 'nudge', kind: 'silence', silenceMs: 31_000 },
    { t: 5_500, type: 'nudge', kind: 'no-run', editingMs: 600_000 },
    { t: 6_000, type: 'run', mode: 'submit', outcome: 'passed', passed: 5, total: 5 },
    { t: 6_500, type: 'run', mode: 'run', outcome: 'compile-error', passed: 0, total: 0, message: 'Unexpected token' },
    { t: 7_000, type: 'followup', index: 0, question: 'What if the clock goes backwards?' },
    { t: 7_500, type: 'clarification', question: 'How many users?' },
    { t: 8_000, type: 'resumed-after-interruption', segment: 1 },
    { t: 12_000, type: 'phase-end', phaseId: 'code', phaseIndex: 1, plannedMs: 2_100_000, actualMs: 11_000 },
  ];
}

export function fixtureSource(overrides: Partial<BundleSource> = {}): BundleSource {
  const review = emptyReview(FIXTURE_SESSION_ID, null, Date.UTC(2026, 10, 25, 10));
  review.selfScores.talked = { score: 7, note: 'long pause | mid-way' };
  review.selfScores.tested = { score: 9, note: '' };
  review.learnings = { wentWell: 'Listed edge cases first.', improve: 'Talk while typing.', actions: 'Run after each function.' };
  const payload = new Uint8Array(4096);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) % 251;
  const audio = syntheticWebm(payload);
  return {
    session: fixtureSession(),
    problemTitle: 'Token-bucket rate limiter',
    events: fixtureEvents(),
    review,
    levels: [{ index: 0, db: Array.from({ length: 240 }, (_, i) => (i >= 40 && i < 100 ? -100 : -30 + (i % 7) * 0.5)) }],
    audio: [{ index: 0, mimeType: 'audio/webm;codecs=opus', bytes: audio }],
    appVersion: '0.1.0',
    now: new Date(Date.UTC(2026, 10, 25, 10, 5)),
    ...overrides,
  };
}
