import { describe, expect, it } from 'vitest';
import type { RubricPart } from '../problems/parseDesign';
import { withDesignGrade, withLearning, withRubricParts, withSelfScore } from './editReview';
import { emptyReview } from './rubrics';

const levels = { excellent: 'e', good: 'g', needsWork: 'n' };
const rubric: RubricPart[] = [
  { part: 'Communication', weight: 25, levels },
  { part: 'Problem solving', weight: 25, levels },
  { part: 'Technical design', weight: 25, levels },
  { part: 'Depth of knowledge', weight: 25, levels },
];

describe('review edits', () => {
  it('set one self score or note and leave the rest', () => {
    const r = withSelfScore(withSelfScore(emptyReview('s', null, 0), 'talked', { score: 7 }), 'talked', {
      note: 'long pause in the middle',
    });
    expect(r.selfScores.talked).toEqual({ score: 7, note: 'long pause in the middle' });
    expect(r.selfScores.calm).toEqual({ score: null, note: '' });
  });
  it('set a design grade by part', () => {
    const r = withDesignGrade(withRubricParts(emptyReview('s', null, 0), rubric), 'Problem solving', { level: 'good' });
    expect(r.design!.map((g) => g.level)).toEqual([null, 'good', null, null]);
  });
  it('leave a review without design grades alone', () => {
    const r = emptyReview('s', null, 0);
    expect(withDesignGrade(r, 'Communication', { level: 'good' })).toBe(r);
  });
  it('set a learning', () => {
    expect(withLearning(emptyReview('s', null, 0), 'actions', 'Run tests sooner').learnings).toEqual({
      wentWell: '',
      improve: '',
      actions: 'Run tests sooner',
    });
  });
});

describe('withRubricParts', () => {
  it('adds ungraded parts to a review that has none', () => {
    const r = withRubricParts(emptyReview('s', null, 0), rubric);
    expect(r.design).toEqual(rubric.map((p) => ({ part: p.part, weight: 25, level: null, note: '' })));
  });
  it('keeps grades by part name and follows the rubric order and weights', () => {
    const start = {
      ...emptyReview('s', null, 0),
      design: [
        { part: 'Problem solving', weight: 10, level: 'excellent' as const, note: 'clear' },
        { part: 'Gone', weight: 5, level: 'good' as const, note: '' },
      ],
    };
    const r = withRubricParts(start, rubric);
    expect(r.design!.map((g) => [g.part, g.weight, g.level, g.note])).toEqual([
      ['Communication', 25, null, ''],
      ['Problem solving', 25, 'excellent', 'clear'],
      ['Technical design', 25, null, ''],
      ['Depth of knowledge', 25, null, ''],
    ]);
  });
  it('keeps what the review has when there is no rubric', () => {
    const r = emptyReview('s', [{ part: 'Communication', weight: 100 }], 0);
    expect(withRubricParts(r, null)).toBe(r);
  });
});
