/**
 * A small but complete session for the bundle's tests: every event type, a review, one audio segment
 * (random bytes standing in for WebM) with its levels. Shared by the unit tests; not used by the app.
 */
import { emptyReview } from '../review/rubrics';
import type { SessionEvent, SessionRecord } from '../session/types';
import { findProtocol } from '../timer/protocols';
import type { BundleSource } from './buildBundle';

export const FIXTURE_SESSION_ID = 'session-1';

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
    { t: 4_000, type: 'run', mode: 'run', outcome: 'failed', passed: 1, total: 2, tests: [{ title: 'works', path: ['f'], status: 'passed' }, { title: 'edge', path: ['f'], status: 'failed', message: 'expected 2' }] },
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
  const audio = new Uint8Array(4096);
  for (let i = 0; i < audio.length; i++) audio[i] = (i * 7919) % 251;
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
