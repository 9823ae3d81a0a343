import { describe, expect, it, vi } from 'vitest';
import { problem, PY_STARTER, SOLVED, STARTER, engineHarness, withPython } from '../testing/fakes';

const h = engineHarness();

describe('the language of a coding problem', () => {
  it('switches to the Python starter, keeps each language its own draft, and remembers the choice', async () => {
    await h.engine.open(withPython());
    h.engine.setCode(SOLVED);
    await h.engine.chooseLanguage('python');
    expect(h.engine.state).toMatchObject({ language: 'python', code: PY_STARTER, lastResult: null });
    expect(h.engine.state.practice?.language).toBe('python');
    expect(h.storage.drafts.get('add/solution.ts')?.code).toBe(SOLVED);
    h.engine.setCode('def add(a, b):\n    return a + b\n');
    await h.engine.flushDrafts();
    expect(h.storage.drafts.get('add/solution.py')?.code).toBe('def add(a, b):\n    return a + b\n');
    expect(h.storage.drafts.get('add/solution.ts')?.code).toBe(SOLVED);

    // Opening the problem again comes back in Python, with the Python draft.
    await h.engine.open(withPython());
    expect(h.engine.state).toMatchObject({ language: 'python', code: 'def add(a, b):\n    return a + b\n' });
  });

  it('runs the Python test files in Python, and records the session in Python', async () => {
    const requests: { language?: string; tests: string; testFileName: string }[] = [];
    h.connect({
      runner: async () => ({
        run: async (request) => {
          requests.push(request);
          return { ...h.nextResult, mode: request.mode };
        },
      }),
    });
    const start = vi.spyOn(h.rec, 'start');
    await h.engine.open(withPython());
    await h.engine.chooseLanguage('python');
    await h.engine.run('run');
    await h.engine.run('submit');
    expect(requests).toMatchObject([
      { language: 'python', tests: 'py examples', testFileName: 'examples_test.py' },
      { language: 'python', tests: 'py hidden', testFileName: 'hidden_test.py' },
    ]);
    h.engine.start();
    expect((start.mock.calls[0] as unknown[])[0]).toMatchObject({ language: 'python' });
  });

  it('does not switch while a session records, nor for a problem without Python', async () => {
    await h.engine.open(withPython());
    h.engine.start();
    await h.engine.chooseLanguage('python');
    expect(h.engine.state.language).toBe('typescript');
    await h.engine.open(problem());
    await h.engine.chooseLanguage('python');
    expect(h.engine.state.language).toBe('typescript');
  });

  it('a New attempt starts both languages from their starters', async () => {
    await h.engine.open(withPython());
    await h.engine.chooseLanguage('python');
    h.engine.setCode('def add(a, b):\n    return a + b\n');
    await h.engine.newAttempt();
    expect(h.engine.state.code).toBe(PY_STARTER);
    expect(h.storage.drafts.get('add/solution.py')?.code).toBe(PY_STARTER);
    expect(h.storage.drafts.get('add/solution.ts')?.code).toBe(STARTER);
    expect(h.storage.attempts.at(-1)).toMatchObject({ language: 'python', code: 'def add(a, b):\n    return a + b\n' });
  });
});
