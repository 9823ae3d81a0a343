/**
 * One event of a session's log, restored: a typed event or null (dropped). Every event type has its restorer
 * in EVENT_RESTORERS, a map the compiler checks against the SessionEvent union: a new event type without a
 * restorer does not compile, so it can never be silently dropped on the next read (as a `switch` with a
 * `default: return null` would). A restorer gets the event's time (already checked) and the raw object.
 */
import { isValidPath } from '../files/paths';
import { TYPED_QUESTION_MAX, type LoggedTest, type NudgeEvent, type RunEvent, type SessionEvent, type TextChange } from '../session/types';
import { restoreBoardChange } from '../whiteboard/restoreBoard';
import { restoreScratchpadRun } from '../whiteboard/restoreScratchpadRun';
import { isCount, isFiniteNumber, isObject, type Loose } from './guards';
import { restoreRequestEvent } from './restoreRequestEvent';

export type SessionEventType = SessionEvent['type'];
export type EventOf<K extends SessionEventType> = Extract<SessionEvent, { type: K }>;
/** Restores one type of event from its raw fields; `t` is the event's time, already checked. */
export type Restorer<K extends SessionEventType = SessionEventType> = (t: number, v: Loose) => EventOf<K> | null;

const TEST_STATUSES: readonly LoggedTest['status'][] = ['passed', 'failed', 'timedout', 'error'];

function restoreLoggedTest(v: unknown): LoggedTest | null {
  if (!isObject(v) || typeof v.title !== 'string' || !TEST_STATUSES.includes(v.status as LoggedTest['status'])) return null;
  const path = Array.isArray(v.path) ? v.path.filter((x): x is string => typeof x === 'string') : [];
  const test: LoggedTest = { title: v.title, path, status: v.status as LoggedTest['status'] };
  if (typeof v.message === 'string') test.message = v.message;
  return test;
}

function restoreRun(t: number, v: Loose): RunEvent | null {
  if ((v.mode !== 'run' && v.mode !== 'submit') || typeof v.outcome !== 'string' || !isCount(v.passed) || !isCount(v.total)) return null;
  const run: RunEvent = { t, type: 'run', mode: v.mode, outcome: v.outcome, passed: v.passed, total: v.total };
  if (Array.isArray(v.tests)) run.tests = v.tests.map(restoreLoggedTest).filter((x): x is LoggedTest => x !== null);
  if (typeof v.message === 'string') run.message = v.message;
  return run;
}

function restoreNudge(t: number, v: Loose): NudgeEvent | null {
  if (v.kind === 'silence') return isFiniteNumber(v.silenceMs) ? { t, type: 'nudge', kind: 'silence', silenceMs: v.silenceMs } : null;
  if (v.kind === 'no-run') return isFiniteNumber(v.editingMs) ? { t, type: 'nudge', kind: 'no-run', editingMs: v.editingMs } : null;
  if (v.kind === 'plan-coding') return { t, type: 'nudge', kind: 'plan-coding' };
  return null;
}

function restoreChange(v: unknown): TextChange | null {
  if (!isObject(v) || !isCount(v.offset) || !isCount(v.deleteCount) || typeof v.insert !== 'string') return null;
  return { offset: v.offset, deleteCount: v.deleteCount, insert: v.insert };
}

/** A file event naming one file: its path must be one core/files/paths.ts allows. */
const fileEvent =
  <K extends 'file-open' | 'file-create' | 'file-delete'>(type: K) =>
  (t: number, v: Loose) =>
    isValidPath(v.file) ? ({ t, type, file: v.file } as EventOf<K>) : null;

/** Every event type's restorer. Keys are the union's `type`s, exactly: the `satisfies` clause checks both ways. */
export const EVENT_RESTORERS = {
  snapshot: (t, v) => (isValidPath(v.file) && typeof v.text === 'string' ? { t, type: 'snapshot', file: v.file, text: v.text } : null),
  edit: (t, v) => {
    if (!isValidPath(v.file) || !Array.isArray(v.changes)) return null;
    const changes = v.changes.map(restoreChange);
    // A partly valid edit would replay to the wrong text: all or nothing.
    if (!changes.every((c) => c !== null)) return null;
    const edit: EventOf<'edit'> = { t, type: 'edit', file: v.file, changes: changes as TextChange[] };
    if (isFiniteNumber(v.startT) && v.startT >= 0 && v.startT <= t) edit.startT = v.startT;
    return edit;
  },
  run: restoreRun,
  phase: (t, v) =>
    typeof v.phaseId === 'string' && isCount(v.phaseIndex) ? { t, type: 'phase', phaseId: v.phaseId, phaseIndex: v.phaseIndex } : null,
  'phase-end': (t, v) =>
    typeof v.phaseId === 'string' && isCount(v.phaseIndex) && isFiniteNumber(v.plannedMs) && isFiniteNumber(v.actualMs)
      ? { t, type: 'phase-end', phaseId: v.phaseId, phaseIndex: v.phaseIndex, plannedMs: v.plannedMs, actualMs: v.actualMs }
      : null,
  pause: (t) => ({ t, type: 'pause' }),
  resume: (t) => ({ t, type: 'resume' }),
  mute: (t, v) => (typeof v.muted === 'boolean' ? { t, type: 'mute', muted: v.muted } : null),
  nudge: restoreNudge,
  followup: (t, v) =>
    isCount(v.index) && typeof v.question === 'string' ? { t, type: 'followup', index: v.index, question: v.question } : null,
  clarification: (t, v) => (typeof v.question === 'string' ? { t, type: 'clarification', question: v.question } : null),
  'typed-question': (t, v) =>
    typeof v.question === 'string' && v.question.trim() !== ''
      ? { t, type: 'typed-question', question: v.question.trim().slice(0, TYPED_QUESTION_MAX) }
      : null,
  'reference-opened': (t) => ({ t, type: 'reference-opened' }),
  'resumed-after-interruption': (t, v) => (isCount(v.segment) ? { t, type: 'resumed-after-interruption', segment: v.segment } : null),
  board: (t, v) => {
    const change = restoreBoardChange(v);
    return change ? { t, type: 'board', ...change } : null;
  },
  'scratchpad-run': restoreScratchpadRun,
  'file-open': fileEvent('file-open'),
  'file-create': fileEvent('file-create'),
  // A rename onto itself changes nothing and says nothing: dropped.
  'file-rename': (t, v) =>
    isValidPath(v.from) && isValidPath(v.to) && v.from !== v.to ? { t, type: 'file-rename', from: v.from, to: v.to } : null,
  'file-delete': fileEvent('file-delete'),
  request: restoreRequestEvent,
  'service-restart': (t) => ({ t, type: 'service-restart' }),
} satisfies { [K in SessionEventType]: Restorer<K> };

/** Every event type, in the order of EVENT_RESTORERS. */
export const SESSION_EVENT_TYPES = Object.keys(EVENT_RESTORERS) as SessionEventType[];

const isEventType = (v: unknown): v is SessionEventType => typeof v === 'string' && Object.hasOwn(EVENT_RESTORERS, v);

/** One event of the log; an unknown type or a malformed field drops the event. */
export function restoreSessionEvent(v: unknown): SessionEvent | null {
  if (!isObject(v) || !isFiniteNumber(v.t) || v.t < 0 || !isEventType(v.type)) return null;
  return (EVENT_RESTORERS[v.type] as Restorer)(v.t, v);
}
