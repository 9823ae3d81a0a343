/** Worker events and expectations for the accumulator's tests (runAccumulator*.test.ts). Not part of the app. */
import type { SerializedError, TestGroup, WorkerEvent } from '../sandbox/protocol';
import type { ExpectedTests } from '../testManifest';

export const plan = (...titles: string[]): WorkerEvent => ({
  type: 'started',
  group: 'problem',
  tests: titles.map((title, index) => ({ index, title, path: ['Suite'] })),
});
export const ownPlan = (...titles: string[]): WorkerEvent => ({
  type: 'started',
  group: 'own',
  tests: titles.map((title, index) => ({ index, title, path: ['Mine'] })),
});
export const start = (index: number, title: string, group: TestGroup = 'problem'): WorkerEvent => ({
  type: 'runnable-start',
  group,
  kind: 'test',
  index,
  title,
  timeoutMs: 2000,
});
export const pass = (index: number, title: string, group: TestGroup = 'problem'): WorkerEvent => ({
  type: 'test-end',
  group,
  index,
  title,
  path: [group === 'own' ? 'Mine' : 'Suite'],
  state: 'passed',
  durationMs: 1,
});
export const fail = (index: number, title: string, error: SerializedError): WorkerEvent => ({
  type: 'test-end',
  group: 'problem',
  index,
  title,
  path: ['Suite'],
  state: 'failed',
  durationMs: 2,
  error,
});
export const err = (over: Partial<SerializedError>): SerializedError => ({
  name: 'Error',
  message: 'm',
  isAssertion: false,
  isTimeout: false,
  ...over,
});
export const done = (group: TestGroup = 'problem'): WorkerEvent => ({ type: 'done', group });

export const expected = (...titles: string[]): ExpectedTests => ({
  problemId: 'p',
  file: 'hidden.test.ts',
  tests: titles.map((title) => ({ path: ['Suite'], title })),
});
