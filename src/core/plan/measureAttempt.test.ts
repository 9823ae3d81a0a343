/** A finished session's log → the graded attempt its card keeps: the first Submit decides the base grade. */
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { findProtocol } from '../timer/protocols';
import { gradedAttempt } from './measureAttempt';

const submit = (t: number, passed: number, total: number): SessionEvent => ({
  t,
  type: 'run',
  mode: 'submit',
  outcome: 'completed',
  passed,
  total,
});
const code: SessionEvent[] = [
  { t: 0, type: 'snapshot', file: 'solution.ts', text: '' },
  { t: 1_000, type: 'edit', file: 'solution.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'export {}' }] },
];
const session = sessionRecord({ phases: findProtocol('coding-45')!.phases, endedAt: Date.UTC(2026, 11, 7, 10) });

describe('grading a finished session', () => {
  it('failed hidden tests on the first Submit that never all pass: Again, with the count', () => {
    const a = gradedAttempt({ ...session, startedAt: session.endedAt! - 600_000 }, [...code, submit(5_000, 7, 10)], 'coding');
    expect(a).toMatchObject({ grade: 1, summary: 'failed 3 hidden tests', kind: 'coding', protocolId: 'coding-45', sessionId: 's1' });
    expect(a.day).toMatch(/^2026-12-0[78]$/);
    expect(a.checklist.map((c) => c.id)).toEqual(['silence', 'tested-incrementally', 'works-early', 'edge-cases-first']);
  });

  it('all hidden tests on the first Submit grade better than failing them', () => {
    const a = gradedAttempt({ ...session, startedAt: session.endedAt! - 600_000 }, [...code, submit(5_000, 10, 10)], 'coding');
    expect(a.grade).toBeGreaterThan(1);
    expect(a.summary).toBe('passed all 10 hidden tests on the first Submit');
  });

  it('a design session is graded by the design checklist', () => {
    const design = {
      ...session,
      protocolId: 'design-45',
      phases: findProtocol('design-45')!.phases,
      startedAt: session.endedAt! - 600_000,
    };
    const a = gradedAttempt(design, [{ t: 0, type: 'snapshot', file: 'notes.md', text: '' }], 'design');
    expect(a.kind).toBe('design');
    expect(a.summary).toMatch(/^met \d of \d design criteria$/);
    expect(a.checklist.map((c) => c.id)).toContain('drew-design');
  });
});
