import { describe, expect, it } from 'vitest';
import { codebaseProblem, designProblem, problem, STARTER, engineHarness } from '../testing/fakes';

const h = engineHarness();

describe('a recorded session', () => {
  it('starts the recorder before the clock, so the first phase is in the log, and remembers the session in the attempt', async () => {
    await h.engine.open(problem());
    h.engine.start();
    expect(h.rec.current).toBe('recording');
    expect(h.rec.events).toEqual([{ type: 'phase', phaseId: 'plan', phaseIndex: 0 }]);
    expect(h.engine.state.practice).toMatchObject({ attempt: 1, attemptStartedAt: h.now, sessionIds: ['session-1'] });
    expect(h.engine.state.planFocusRequest).toBe(1);
  });

  it('logs pause, resume and phases, and finishing the clock finishes the recording', async () => {
    await h.engine.open(problem());
    h.engine.start();
    h.now += 1000;
    h.engine.pause();
    expect(h.rec.timerRunning).toBe(false);
    h.engine.resume();
    h.engine.nextPhase();
    await h.engine.endSession();
    expect(h.rec.events.map((e) => e.type)).toEqual(['phase', 'pause', 'resume', 'phase-end', 'phase', 'phase-end', 'phase-end']);
    expect(h.rec.current).toBe('finished');
    expect(h.engine.state.clock?.finishedAt).not.toBeNull();
  });

  it('Pause pauses the timer, the recording and editing; Resume brings all three back', async () => {
    let runs = 0;
    h.connect({
      runner: async () => ({
        run: async (request) => {
          runs++;
          return { ...h.nextResult, mode: request.mode };
        },
      }),
    });
    await h.engine.open(problem());
    h.engine.start();
    h.engine.pause();
    expect(h.rec.paused).toBe(true);
    h.engine.setCode('typed while paused');
    h.engine.setNotes('- noted while paused');
    await h.engine.run('run');
    await h.engine.run('submit');
    expect(h.engine.state).toMatchObject({ code: STARTER, notes: '', lastResult: null });
    expect(runs).toBe(0);
    h.engine.resume();
    expect(h.rec.paused).toBe(false);
    expect(h.rec.timerRunning).toBe(true);
    h.engine.setCode('typed after');
    await h.engine.run('run');
    expect(h.engine.state.code).toBe('typed after');
    expect(runs).toBe(1);
  });

  it('keeps recording when the user leaves the workspace choosing so, and stops it otherwise', async () => {
    await h.engine.open(problem());
    h.engine.start();
    await h.engine.close({ keepRecording: true });
    expect(h.rec.current).toBe('recording');
    await h.engine.open(problem());
    expect(h.rec.current).toBe('recording');
    await h.engine.close({ keepRecording: false });
    expect(h.rec.current).toBe('idle');
  });

  it("a codebase problem's session logs the file the editor shows first", async () => {
    await h.engine.open(codebaseProblem());
    h.engine.start();
    expect(h.rec.events[0]).toEqual({ type: 'file-open', file: 'chat/hub.ts' });
  });
});

describe('a question typed in the candidate’s own words', () => {
  it('is logged trimmed and cut to its longest, and a blank one is not', async () => {
    await h.engine.open(designProblem());
    h.engine.start();
    expect(h.engine.askQuestion('  How much traffic do we expect?  ')).toBe('How much traffic do we expect?');
    expect(h.engine.askQuestion('   ')).toBeNull();
    expect(h.engine.askQuestion('x'.repeat(900))).toHaveLength(500);
    expect(h.rec.logged('typed-question').map((e) => e.question.length)).toEqual([30, 500]);
  });
});
