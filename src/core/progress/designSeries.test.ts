import { describe, expect, it } from 'vitest';
import { computeDesignFacts } from '../analysis/designFacts';
import type { SessionEvent } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { rect } from '../whiteboard/testElements';
import { designProgressSeries, designTrend } from './designSeries';

const NOTES = '## Requirements\n> What must it do?\n\n## Estimation\n> How much?\n';

function input(id: string, startedAt: number, extra: SessionEvent[]) {
  const session = sessionRecord({
    id,
    problemId: 'design-url-shortener',
    protocolId: 'design-45',
    startedAt,
    endedAt: startedAt + 600_000,
  });
  const events: SessionEvent[] = [{ t: 0, type: 'snapshot', file: 'notes.md', text: NOTES }, ...extra];
  return { session, facts: computeDesignFacts({ session, events }), review: null };
}

describe('design progress', () => {
  const first = input('a', 1_000, [
    { t: 10_000, type: 'scratchpad-run', outcome: 'completed', output: ['0 of 9 inputs filled in; still empty: newLinksPerDay'] },
    { t: 20_000, type: 'board', elements: [rect('x', 0, 0)] },
  ]);
  const second = input('b', 2_000, [
    { t: 5_000, type: 'clarification', question: 'How many links a day?' },
    { t: 10_000, type: 'scratchpad-run', outcome: 'completed', output: ['writes, average: 1.2k links/s'] },
    {
      t: 12_000,
      type: 'edit',
      file: 'notes.md',
      changes: [{ offset: NOTES.indexOf('## Estimation'), deleteCount: 0, insert: 'Shorten links.\n\n' }],
    },
    { t: 20_000, type: 'board', elements: [rect('x', 0, 0)] },
    { t: 21_000, type: 'board', elements: [rect('y', 200, 0)] },
  ]);
  const all = { problemId: 'all', protocolId: 'all' };

  it('charts design measures per session, oldest first', () => {
    const points = designProgressSeries([second, first], all);
    expect(points.map((p) => p.sessionId)).toEqual(['a', 'b']);
    expect(points[0]).toMatchObject({ questionsBeforeDesign: 0, estimates: 0, notesWritten: 0, notesSections: 2, boardChanges: 1 });
    expect(points[1]).toMatchObject({ questionsBeforeDesign: 1, estimates: 1, estimatesBeforeDesign: 1, notesWritten: 1, boardChanges: 2 });
    expect(points[1]!.checklistMet).toBeGreaterThan(points[0]!.checklistMet);
    expect(points[1]!.checklistTotal).toBe(6);
  });

  it('says the latest session did better on each measure it improved', () => {
    const points = designProgressSeries([first, second], all);
    for (const metric of ['questions', 'estimates', 'notes', 'board', 'checklist'] as const)
      expect(designTrend(points, metric)).toBe('better');
    expect(designTrend(points, 'design')).toBe('not-comparable');
    expect(designTrend(points.slice(0, 1), 'questions')).toBe('not-comparable');
  });

  it('keeps to the filter', () => {
    expect(designProgressSeries([first, second], { problemId: 'design-chat', protocolId: 'all' })).toEqual([]);
  });
});
