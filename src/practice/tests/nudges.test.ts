import { describe, expect, it } from 'vitest';
import { engineHarness, problem, PY_STARTER, SOLVED, STARTER, withPython } from '../testing/fakes';

const h = engineHarness();

describe('nudges', () => {
  it('nudges once in the plan phase when code is typed before any edge case', async () => {
    await h.engine.open(problem());
    h.engine.start();
    h.engine.setCode(SOLVED);
    expect(h.engine.state.nudge).toEqual({ kind: 'plan-coding' });
    h.engine.dismissNudge();
    h.engine.setCode(`${SOLVED}\nconst y = 2;`);
    expect(h.engine.state.nudge).toBeNull();
    expect(h.rec.logged('nudge')).toHaveLength(1);
  });

  it('does not nudge while edge cases are written as comments above the code', async () => {
    await h.engine.open(problem());
    h.engine.start();
    h.engine.setCode(`// negative numbers\n${STARTER}`);
    expect(h.engine.state.nudge).toBeNull();
    h.engine.setCode(`// negative numbers\n${SOLVED}`);
    expect(h.engine.state.nudge).toBeNull();
  });

  it("reads a Python file's comments as comments: edge cases above the code answer, code typed nudges", async () => {
    await h.engine.open(withPython({ id: 'py-nudge' }));
    await h.engine.chooseLanguage('python');
    h.engine.start();
    h.engine.setCode(`# empty input\n# negative numbers\n${PY_STARTER}`);
    expect(h.engine.state.nudge).toBeNull();
    await h.engine.open(withPython({ id: 'py-nudge-2' }));
    await h.engine.chooseLanguage('python');
    h.engine.start();
    h.engine.setCode(PY_STARTER.replace('raise NotImplementedError', 'return a + b'));
    expect(h.engine.state.nudge).toEqual({ kind: 'plan-coding' });
  });

  it('clears the plan nudge when an edge case is listed, and at the next phase', async () => {
    await h.engine.open(problem());
    h.engine.start();
    h.engine.setCode(SOLVED);
    h.engine.setNotes('- overflow');
    expect(h.engine.state.nudge).toBeNull();
  });

  it('nudges to run after N minutes of editing, and a Run ends it', async () => {
    h.storage.settings = { ...h.storage.settings, noRunMinutes: 1, planCodingNudge: false };
    h.rebuild();
    await h.engine.open(problem());
    h.engine.start();
    h.engine.setCode('a');
    h.now += 61_000;
    h.engine.setCode('ab');
    expect(h.engine.state.nudge).toMatchObject({ kind: 'no-run' });
    await h.engine.run('run');
    expect(h.engine.state.nudge).toBeNull();
  });

  it('turning a nudge off hides it and the silence switch reaches the recorder', async () => {
    await h.engine.open(problem());
    h.engine.start();
    h.engine.setCode(SOLVED);
    h.engine.updateSettings({ planCodingNudge: false, silenceNudge: false });
    expect(h.engine.state.nudge).toBeNull();
    expect(h.rec.silenceNudge).toBe(false);
    expect(h.storage.settings.planCodingNudge).toBe(false);
  });
});
