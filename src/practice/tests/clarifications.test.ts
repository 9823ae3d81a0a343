import { describe, expect, it } from 'vitest';
import type { Clarification } from '../../core/problems/clarifications';
import { designProblem, engineHarness, problem, STARTER } from '../testing/fakes';

const h = engineHarness();

const CLARIFICATIONS: Clarification[] = [
  { question: 'Can the input be empty?', answer: 'Yes: return 0.', fills: [] },
  { question: 'Are negative numbers allowed?', answer: 'Yes.', fills: [] },
];
const coding = () => problem({ clarifications: CLARIFICATIONS });

describe('clarifying questions of a coding problem', () => {
  it('reveals an answer for the attempt and logs the question at that time during a session', async () => {
    await h.engine.open(coding());
    h.engine.start();
    h.now += 30_000;
    h.engine.revealClarification('Can the input be empty?');
    expect(h.engine.state.practice?.revealed).toEqual([{ question: 'Can the input be empty?', at: 1_030_000 }]);
    expect(h.rec.logged('clarification')).toEqual([{ type: 'clarification', question: 'Can the input be empty?' }]);
    // Asking again changes nothing: the answer is already on screen and the log has the question once.
    h.now += 1_000;
    h.engine.revealClarification('Can the input be empty?');
    expect(h.engine.state.practice?.revealed).toHaveLength(1);
    expect(h.rec.logged('clarification')).toHaveLength(1);
  });

  it('keeps the revealed answers when the problem is opened again, and New attempt hides them', async () => {
    await h.engine.open(coding());
    h.engine.revealClarification('Are negative numbers allowed?');
    expect(h.rec.logged('clarification')).toEqual([]); // no session: nothing to log, the reveal still counts
    await h.engine.open(coding());
    expect(h.engine.state.practice?.revealed?.map((r) => r.question)).toEqual(['Are negative numbers allowed?']);
    expect(h.storage.practice.get('add')?.revealed).toHaveLength(1);
    await h.engine.newAttempt();
    expect(h.engine.state.practice?.revealed).toBeUndefined();
    expect(h.storage.practice.get('add')?.revealed).toBeUndefined();
    expect(h.engine.state.code).toBe(STARTER);
  });

  it('refuses a question the problem does not have', async () => {
    await h.engine.open(coding());
    h.engine.start();
    h.engine.revealClarification('What is the answer to everything?');
    expect(h.engine.state.practice?.revealed).toBeUndefined();
    expect(h.rec.logged('clarification')).toEqual([]);
  });

  it('works the same for a design problem, through the same event', async () => {
    await h.engine.open(designProblem({ clarifications: CLARIFICATIONS }));
    h.engine.start();
    h.engine.revealClarification('Can the input be empty?');
    expect(h.rec.logged('clarification')).toEqual([{ type: 'clarification', question: 'Can the input be empty?' }]);
    await h.engine.newAttempt();
    expect(h.engine.state.practice?.revealed).toBeUndefined();
  });
});
