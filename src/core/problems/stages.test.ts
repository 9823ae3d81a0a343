import { describe, expect, it } from 'vitest';
import { type StagedTest, splitStatementByStage, stageOfTest, summariseStages, unlockedAfterSubmit, visibleStatement } from './stages';

const body = `Intro text.

## Stage 1 — Messages
Send them.

## Notes
part of stage 1

## Stage 2 — Presence
Who is online.
`;

function test(stage: number, status: 'passed' | 'failed' | 'timedout' | 'error'): StagedTest {
  return { path: [`Stage ${stage}: group`], status };
}

describe('staged statements', () => {
  it('splits the intro and one section per stage heading; other ## headings stay in their stage', () => {
    const s = splitStatementByStage(body, 2);
    expect(s.intro.trim()).toBe('Intro text.');
    expect(s.sections).toHaveLength(2);
    expect(s.sections[0]).toContain('## Notes');
    expect(s.sections[1]).toMatch(/^## Stage 2 — Presence/);
  });

  it('shows only unlocked stages', () => {
    const s = splitStatementByStage(body, 2);
    expect(visibleStatement(s, 1)).toContain('Send them.');
    expect(visibleStatement(s, 1)).not.toContain('Who is online');
    expect(visibleStatement(s, 2)).toContain('Who is online');
  });

  it('leaves a problem without stages whole', () => {
    expect(visibleStatement(splitStatementByStage('Just text', 1), 1)).toBe('Just text');
  });
});

describe('stage results', () => {
  it('finds the stage from the top-level describe title', () => {
    expect(stageOfTest({ path: ['Stage 2: presence', 'inner'] })).toBe(2);
    expect(stageOfTest({ path: ['RateLimiter'] })).toBeNull();
    expect(stageOfTest({ path: [] })).toBeNull();
  });

  it('counts passes per stage', () => {
    expect(summariseStages([test(1, 'passed'), test(1, 'failed'), test(2, 'passed')], 2)).toEqual([
      { stage: 1, passed: 1, total: 2 },
      { stage: 2, passed: 1, total: 1 },
    ]);
  });

  it('unlocks the next stage only when every test of the earlier stages passes, and never re-locks', () => {
    expect(unlockedAfterSubmit(1, [test(1, 'passed'), test(1, 'failed'), test(2, 'failed')], 2)).toBe(1);
    expect(unlockedAfterSubmit(1, [test(1, 'passed'), test(2, 'failed')], 2)).toBe(2);
    expect(unlockedAfterSubmit(2, [test(1, 'failed'), test(2, 'failed')], 2)).toBe(2);
    expect(unlockedAfterSubmit(2, [test(1, 'passed'), test(2, 'passed')], 2)).toBe(2);
    expect(unlockedAfterSubmit(0, [], 1)).toBe(1);
  });
});
