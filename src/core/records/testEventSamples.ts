/**
 * One sample of every event type, in log order, for the tests that every type survives each way a log
 * travels (read back from IndexedDB, exported and imported in a bundle). Typed by the union, so a new event
 * type without a sample does not compile; the tests enumerate the types from EVENT_RESTORERS, so it fails
 * there too. Together the samples are a consistent log: the code is typed, a file is created, opened,
 * renamed and deleted, and the replay ends at `SAMPLE_FINAL_CODE`.
 */
import type { SessionEvent } from '../session/types';
import { rect } from '../whiteboard/testElements';
import type { EventOf, SessionEventType } from './restoreEvent';

export const SAMPLE_FINAL_CODE = 'export function f() {\n  return 1;\n}\n';

export const EVENT_SAMPLES: { [K in SessionEventType]: EventOf<K> } = {
  phase: { t: 0, type: 'phase', phaseId: 'plan', phaseIndex: 0 },
  snapshot: { t: 0, type: 'snapshot', file: 'solution.ts', text: 'export function f() {\n}\n' },
  clarification: { t: 100, type: 'clarification', question: 'How many users?' },
  'typed-question': { t: 150, type: 'typed-question', question: 'How much traffic do we expect?' },
  board: { t: 200, type: 'board', elements: [rect('box', 10, 20)], full: true },
  'scratchpad-run': { t: 300, type: 'scratchpad-run', outcome: 'completed', output: ['1000 qps'] },
  'phase-end': { t: 400, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: 400 },
  edit: { t: 500, type: 'edit', file: 'solution.ts', changes: [{ offset: 22, deleteCount: 0, insert: '  return 1;\n' }], startT: 450 },
  'file-create': { t: 600, type: 'file-create', file: 'lib/util.ts' },
  'file-open': { t: 700, type: 'file-open', file: 'lib/util.ts' },
  'file-rename': { t: 800, type: 'file-rename', from: 'lib/util.ts', to: 'lib/helpers.ts' },
  'file-delete': { t: 900, type: 'file-delete', file: 'lib/helpers.ts' },
  run: {
    t: 1_000,
    type: 'run',
    mode: 'submit',
    outcome: 'completed',
    passed: 1,
    total: 2,
    tests: [{ title: 'adds', path: ['Requirement 1'], status: 'failed', message: 'expected 2' }],
  },
  nudge: { t: 1_100, type: 'nudge', kind: 'no-run', editingMs: 300_000 },
  mute: { t: 1_200, type: 'mute', muted: true },
  pause: { t: 1_300, type: 'pause' },
  resume: { t: 1_400, type: 'resume' },
  'resumed-after-interruption': { t: 1_500, type: 'resumed-after-interruption', segment: 1 },
  followup: { t: 1_600, type: 'followup', index: 0, question: 'What if the clock goes back?' },
  'reference-opened': { t: 1_700, type: 'reference-opened' },
  request: {
    t: 1_800,
    type: 'request',
    request: { method: 'POST', path: '/users?notify=1', headers: [['Content-Type', 'application/json']], body: '{"email":"a@b.c"}' },
    outcome: {
      kind: 'response',
      response: { status: 429, headers: [['Retry-After', '30']], body: '{"error":"slow down"}', truncated: false },
      ms: 12.5,
    },
  },
  'service-restart': { t: 1_900, type: 'service-restart' },
};

/** The samples as one log, in time order. */
export function sampleLog(): SessionEvent[] {
  return (Object.values(EVENT_SAMPLES) as SessionEvent[]).sort((a, b) => a.t - b.t);
}
