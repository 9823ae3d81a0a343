import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { sessionOf } from './sessionFixture';
import { buildTimeline, runResultText, runVerdict, sessionDurationMs } from './timeline';

const events: SessionEvent[] = [
  { t: 0, type: 'snapshot', file: 'solution.ts', text: '' },
  { t: 5, type: 'phase', phaseId: 'plan', phaseIndex: 0 },
  { t: 60_000, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: 59_995 },
  { t: 60_000, type: 'phase', phaseId: 'code', phaseIndex: 1 },
  { t: 70_000, type: 'nudge', kind: 'plan-coding' },
  { t: 192_000, type: 'run', mode: 'submit', outcome: 'completed', passed: 12, total: 15 },
  { t: 200_000, type: 'run', mode: 'run', outcome: 'compile-error', passed: 0, total: 0, message: 'Expected ;' },
  { t: 210_000, type: 'nudge', kind: 'silence', silenceMs: 32_400 },
  { t: 220_000, type: 'nudge', kind: 'no-run', editingMs: 600_000 },
  { t: 230_000, type: 'followup', index: 0, question: 'What if the input is huge?' },
  { t: 240_000, type: 'clarification', question: 'How many users?' },
  { t: 250_000, type: 'reference-opened' },
  { t: 300_000, type: 'phase', phaseId: 'review', phaseIndex: 2 },
];

describe('buildTimeline', () => {
  const timeline = buildTimeline(
    sessionOf({
      silences: [
        { startMs: 400_000, endMs: 412_000 },
        { startMs: 100_000, endMs: 131_000 },
      ],
    }),
    events,
  );

  it('spans the session from start to finish', () => {
    expect(timeline.durationMs).toBe(600_000);
  });

  it('draws one band per phase, ending at its phase-end, the next phase or the end of the session', () => {
    expect(timeline.phases.map((p) => [p.name, p.startMs, p.endMs, p.plannedMs, p.actualMs])).toEqual([
      ['Plan', 5, 60_000, 300_000, 59_995],
      ['Code', 60_000, 300_000, null, null],
      ['Review', 300_000, 600_000, null, null],
    ]);
  });

  it('marks Run and Submit with their result, named for a screen reader', () => {
    expect(timeline.runs.map((r) => [r.label, r.verdict])).toEqual([
      ['Submit at 03:12: 12/15 passed', 'failed'],
      ['Run at 03:20: compile error', 'error'],
    ]);
    expect(timeline.runs[1]!.message).toBe('Expected ;');
  });

  it('names the three kinds of nudge, follow-ups and clarifications', () => {
    expect(timeline.nudges.map((n) => n.label)).toEqual([
      'Nudge at 01:10: coding during the plan phase',
      'Nudge at 03:30: silent for 32 s',
      'Nudge at 03:40: editing for 10 min without running',
    ]);
    expect(timeline.followUps[0]).toMatchObject({ index: 0, label: 'Follow-up at 03:50: What if the input is huge?' });
    expect(timeline.clarifications[0]!.label).toBe('Clarification at 04:00: How many users?');
    expect(timeline.referenceOpenings).toEqual([{ t: 250_000, label: 'Reference opened at 04:10' }]);
  });

  it('sorts silences and labels them with their length', () => {
    expect(timeline.silences.map((s) => s.label)).toEqual(['Silence at 01:40 for 31 s', 'Silence at 06:40 for 12 s']);
  });
});

describe('sessionDurationMs', () => {
  it('uses the last event or the end of the audio for a session cut off before Finish', () => {
    const cut = sessionOf({
      endedAt: null,
      status: 'interrupted',
      audio: { segments: [{ index: 0, mimeType: 'audio/webm', startMs: 100, durationMs: 400_000 }] },
    });
    expect(sessionDurationMs(cut, events)).toBe(400_100);
    expect(sessionDurationMs(sessionOf({ endedAt: null }), events)).toBe(300_000);
    expect(sessionDurationMs(sessionOf({ endedAt: null }), [])).toBe(0);
  });
});

describe('run results', () => {
  it('passes only when every test of a completed run passed', () => {
    expect(runVerdict({ outcome: 'completed', passed: 3, total: 3 })).toBe('passed');
    expect(runVerdict({ outcome: 'completed', passed: 0, total: 0 })).toBe('failed');
    expect(runVerdict({ outcome: 'timedout', passed: 3, total: 4 })).toBe('error');
    expect(runResultText({ outcome: 'timedout', passed: 3, total: 4 })).toBe('timed out, 3/4 passed');
    expect(runResultText({ outcome: 'something-new', passed: 0, total: 0 })).toBe('something-new');
  });
});

describe('an API scenario on the timeline', () => {
  const ok = (status: number) => ({ kind: 'response' as const, response: { status, headers: [], body: '', truncated: false }, ms: 4 });
  const get = { method: 'GET' as const, path: '/items', headers: [], body: '' };
  const timeline = buildTimeline(sessionOf(), [
    { t: 0, type: 'snapshot', file: 'app.ts', text: '' },
    { t: 61_000, type: 'request', request: get, outcome: ok(200) },
    { t: 62_000, type: 'request', request: get, outcome: ok(429) },
    { t: 63_000, type: 'service-restart' },
    { t: 64_000, type: 'request', request: { ...get, method: 'POST' }, outcome: { kind: 'timed-out', ms: 2000 } },
  ]);

  it('marks every request at its time, with its method, path and result', () => {
    expect(timeline.requests.map((r) => [r.t, r.method, r.path, r.status])).toEqual([
      [61_000, 'GET', '/items', 200],
      [62_000, 'GET', '/items', 429],
      [64_000, 'POST', '/items', null],
    ]);
    expect(timeline.requests[1]!.label).toBe('GET /items at 01:02: 429 Too Many Requests · 4 ms');
    expect(timeline.requests[2]!.result).toBe('timed out after 2000 ms');
    expect(timeline.serviceRestarts).toEqual([{ t: 63_000, label: 'Service restarted at 01:03' }]);
  });

  it('has none for a session without requests', () => {
    expect([buildTimeline(sessionOf(), events).requests, buildTimeline(sessionOf(), events).serviceRestarts]).toEqual([[], []]);
  });
});
