/**
 * What each step of a Python run may report. The Python worker's JavaScript drives harness.py one step at a
 * time; everything a step returns was produced in the interpreter the candidate's code shares, so it is a
 * claim, not a fact. These rules are checked in JavaScript, outside Python's reach, before anything is
 * posted: a step can speak only for itself (a test step ends exactly the test it ran; the candidate's own
 * tests cannot report a problem test), in the order the driver asked. Anything else ends the run as a crash
 * that cannot count (docs/decisions/python-run-isolation.md).
 */
import { isWorkerEvent, type SerializedError, type TestGroup, type WorkerEvent } from '../../sandbox/protocol';

export type Step =
  | { kind: 'prepare' }
  | { kind: 'runnable-start'; group: TestGroup; index: number }
  | { kind: 'test'; group: TestGroup; index: number }
  | { kind: 'start-own' }
  | { kind: 'finish' };

/** The events of a step that kept the rules, or why they did not. */
export type StepCheck = { ok: true; events: WorkerEvent[] } | { ok: false; reason: string };

/** Console lines may come first in any step that runs Python code; then the step's own ending. */
export function checkStep(step: Step, claimed: unknown): StepCheck {
  if (!Array.isArray(claimed) || !claimed.every(isWorkerEvent)) return refuse(step, 'an event the protocol does not know');
  const events = claimed;
  switch (step.kind) {
    case 'prepare':
      return endsWith(step, events, (e) => (e.type === 'started' && e.group === 'problem') || e.type === 'crashed');
    case 'test':
      return endsWith(
        step,
        events,
        (e) => (e.type === 'test-end' && e.group === step.group && e.index === step.index) || e.type === 'crashed',
      );
    case 'runnable-start': {
      const [only, ...rest] = events;
      const fits =
        rest.length === 0 &&
        only?.type === 'runnable-start' &&
        only.group === step.group &&
        only.index === step.index &&
        only.kind === 'test';
      return fits ? { ok: true, events } : refuse(step, 'a start that is not the test asked for');
    }
    case 'start-own': {
      const fits =
        events.length === 2 &&
        events[0]?.type === 'done' &&
        events[0].group === 'problem' &&
        events[1]?.type === 'started' &&
        events[1].group === 'own';
      return fits ? { ok: true, events } : refuse(step, 'something other than the start of your own tests');
    }
    case 'finish':
      return endsWith(step, events, (e) => e.type === 'done' && e.group === 'own');
  }
}

function endsWith(step: Step, events: WorkerEvent[], isEnding: (e: WorkerEvent) => boolean): StepCheck {
  const last = events.at(-1);
  if (!last || !isEnding(last)) return refuse(step, 'no ending of its own');
  const leading = events.slice(0, -1);
  if (!leading.every((e) => e.type === 'console')) return refuse(step, 'events that only another step may report');
  return { ok: true, events };
}

function refuse(step: Step, what: string): StepCheck {
  const name = step.kind === 'test' || step.kind === 'runnable-start' ? `${step.kind} ${step.group} #${step.index}` : step.kind;
  return { ok: false, reason: `the ${name} step reported ${what}` };
}

/** A crash event: how the worker ends a run it cannot let go on (no test can pass after it). */
export function crashEvent(name: string, message: string, stack?: string): WorkerEvent {
  const error: SerializedError = { name, message, isAssertion: false, isTimeout: false, ...(stack ? { stack } : {}) };
  return { type: 'crashed', error };
}

/** The crash a broken rule ends the run with. */
export function integrityCrash(reason: string): WorkerEvent {
  return crashEvent(
    'IntegrityError',
    `This run cannot count: ${reason}. Something in solution.py changed how the tests report; leave the test framework as it is.`,
  );
}
