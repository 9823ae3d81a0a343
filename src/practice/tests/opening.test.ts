import { describe, expect, it, vi } from 'vitest';
import { singleFileMaterial } from '../../core/problems/assembleCode';
import { PY_STARTER, problem, SlowDraftStorage, SOLVED, STARTER, engineHarness } from '../testing/fakes';

const h = engineHarness();

describe('opening a problem', () => {
  it('shows the starter the first time and asks nothing', async () => {
    await h.engine.open(problem());
    expect(h.engine.state).toMatchObject({ loaded: true, code: STARTER, notes: '', clock: null, draftQuestion: null });
  });

  it('asks to continue or start again when an unfinished draft is there', async () => {
    h.storage.drafts.set('add/solution.ts', { code: SOLVED, updatedAt: 42 });
    await h.engine.open(problem());
    expect(h.engine.state.code).toBe(SOLVED);
    expect(h.engine.state.draftQuestion).toEqual({ savedAt: 42 });
    h.engine.continueDraft();
    expect(h.engine.state.draftQuestion).toBeNull();
  });

  it('does not ask while a recording waits to be resumed (its own prompt asks)', async () => {
    h.storage.drafts.set('add/solution.ts', { code: SOLVED, updatedAt: 42 });
    h.rec.onAttach = 'interrupted';
    await h.engine.open(problem());
    expect(h.engine.state.draftQuestion).toBeNull();
  });
});

describe('continuing an interrupted session from the sessions list', () => {
  it('resumes the recording as soon as the problem opens', async () => {
    h.rec.onAttach = 'interrupted';
    h.rec.id = 'old-session';
    h.engine.requestContinue('old-session');
    await h.engine.open(problem());
    expect(h.rec.current).toBe('recording');
  });

  it('does not resume another session, and asks only once', async () => {
    h.rec.onAttach = 'interrupted';
    h.rec.id = 'newer-session';
    h.engine.requestContinue('old-session');
    await h.engine.open(problem());
    expect(h.rec.current).toBe('interrupted');
    h.rec.id = 'old-session';
    await h.engine.open(problem());
    expect(h.rec.current).toBe('interrupted');
  });
});

describe('the code shown is always the draft of the problem and language open now (issue 26)', () => {
  const bucket = () =>
    problem({
      id: 'bucket',
      code: {
        typescript: singleFileMaterial('typescript', {
          starter: 'export class RateLimiter {}\n',
          examples: 'examples',
          hidden: 'hidden',
          reference: '',
        }),
        python: singleFileMaterial('python', {
          starter: PY_STARTER,
          examples: 'py examples',
          hidden: 'py hidden',
          reference: 'py reference',
        }),
      },
    });
  const queue = () =>
    problem({
      id: 'queue',
      code: {
        typescript: singleFileMaterial('typescript', {
          starter: 'export class JobQueue {}\n',
          examples: 'examples',
          hidden: 'hidden',
          reference: '',
        }),
      },
    });

  let slow: SlowDraftStorage;
  const useSlowStorage = () => {
    slow = new SlowDraftStorage();
    h.rebuild(slow);
  };

  it('a slow draft read of the problem left behind is dropped when it resolves', async () => {
    useSlowStorage();
    slow.drafts.set('bucket/solution.ts', { code: 'bucket draft', updatedAt: 1 });
    slow.slow.add('bucket');
    const first = h.engine.open(bucket());
    await vi.advanceTimersByTimeAsync(0);
    await h.engine.open(queue());
    await slow.release();
    await first;
    expect(h.engine.state).toMatchObject({
      code: 'export class JobQueue {}\n',
      language: 'typescript',
      codeKey: 'queue:typescript:solution.ts',
    });
    expect(h.engine.state.problem?.id).toBe('queue');
  });

  it('a slow language switch is dropped once another problem opens', async () => {
    useSlowStorage();
    await h.engine.open(bucket());
    slow.slow.add('bucket');
    const switching = h.engine.chooseLanguage('python');
    await vi.advanceTimersByTimeAsync(0);
    await h.engine.open(queue());
    await slow.release();
    await switching;
    expect(h.engine.state).toMatchObject({
      code: 'export class JobQueue {}\n',
      language: 'typescript',
      codeKey: 'queue:typescript:solution.ts',
    });
    // And the choice, never applied, is not remembered for the problem left behind.
    expect(slow.practice.get('bucket')?.language).toBeUndefined();
  });

  it('the last of two quick language choices wins, with its own draft', async () => {
    useSlowStorage();
    slow.drafts.set('bucket/solution.ts', { code: 'ts draft', updatedAt: 1 });
    await h.engine.open(bucket());
    slow.slow.add('bucket');
    const toPython = h.engine.chooseLanguage('python');
    await vi.advanceTimersByTimeAsync(0);
    // The first switch has not landed yet, so the control still says TypeScript: choosing it is a no-op.
    const back = h.engine.chooseLanguage('typescript');
    await slow.release();
    await Promise.all([toPython, back]);
    expect(h.engine.state).toMatchObject({ language: 'python', code: PY_STARTER, codeKey: 'bucket:python:solution.py' });
  });

  it('going to another problem and back before the first read lands shows the draft of the problem open', async () => {
    useSlowStorage();
    slow.drafts.set('bucket/solution.ts', { code: 'bucket draft', updatedAt: 1 });
    slow.slow.add('bucket');
    const first = h.engine.open(bucket());
    await vi.advanceTimersByTimeAsync(0);
    const second = h.engine.open(queue());
    const third = h.engine.open(bucket());
    // The third open reads after its flush: release the first reads, then its own.
    await slow.release();
    await slow.release();
    await Promise.all([first, second, third]);
    expect(h.engine.state).toMatchObject({ code: 'bucket draft', codeKey: 'bucket:typescript:solution.ts', loaded: true });
  });

  it('an edit from an editor of another problem or language is not saved as this draft', async () => {
    useSlowStorage();
    await h.engine.open(bucket());
    await h.engine.chooseLanguage('python');
    h.engine.setCode('export class RateLimiter { edited }\n', 'bucket:typescript:solution.ts');
    await h.engine.open(queue());
    h.engine.setCode('def late(): pass\n', 'bucket:python:solution.py');
    h.engine.setCode('export class JobQueue { typed }\n', 'queue:typescript:solution.ts');
    await h.engine.flushDrafts();
    expect(slow.draftWrites).toEqual([{ problemId: 'queue', file: 'solution.ts', text: 'export class JobQueue { typed }\n' }]);
  });

  it('no language is chosen while a problem opens', async () => {
    useSlowStorage();
    slow.slow.add('bucket');
    const opening = h.engine.open(bucket());
    await vi.advanceTimersByTimeAsync(0);
    await h.engine.chooseLanguage('python');
    await slow.release();
    await opening;
    expect(h.engine.state).toMatchObject({
      language: 'typescript',
      codeKey: 'bucket:typescript:solution.ts',
      code: 'export class RateLimiter {}\n',
    });
  });
});
