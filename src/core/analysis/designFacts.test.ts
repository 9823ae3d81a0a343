import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { findProtocol } from '../timer/protocols';
import { arrow, rect } from '../whiteboard/testElements';
import { computeDesignFacts, isDesignSession, isEstimate, notesSections } from './designFacts';
import { designReadinessChecklist } from './designReadiness';
import { readinessChecklist } from './readiness';
import type { SessionFacts } from './types';

const phases = findProtocol('design-45')!.phases.map((p) => ({ ...p }));
const session = sessionRecord({ problemId: 'design-url-shortener', protocolId: 'design-45', phases, endedAt: 1_000_000 + 40 * 60_000 });
const NOTES = '## Introduction\n> What are you asked to build?\n\n## Requirements\n> What must it do?\n\n## Estimation\n> How much?\n';

function log(): SessionEvent[] {
  return [
    { t: 0, type: 'snapshot', file: 'solution.ts', text: '' },
    { t: 0, type: 'snapshot', file: 'notes.md', text: NOTES },
    { t: 0, type: 'board', elements: [], full: true },
    { t: 0, type: 'phase', phaseId: 'introduction', phaseIndex: 0 },
    { t: 60_000, type: 'clarification', question: 'How many links a day?' },
    {
      t: 90_000,
      type: 'edit',
      file: 'notes.md',
      changes: [{ offset: NOTES.indexOf('## Requirements'), deleteCount: 0, insert: 'A short link service.\n\n' }],
    },
    { t: 180_000, type: 'phase-end', phaseId: 'introduction', phaseIndex: 0, plannedMs: 180_000, actualMs: 180_000 },
    { t: 180_000, type: 'phase', phaseId: 'requirements', phaseIndex: 1 },
    { t: 200_000, type: 'scratchpad-run', outcome: 'completed', output: ['writes 5.8k/s'] },
    { t: 300_000, type: 'board', elements: [rect('a', 0, 0)] },
    { t: 320_000, type: 'clarification', question: 'Custom aliases?' },
    { t: 400_000, type: 'board', elements: [rect('b', 200, 0)] },
    { t: 420_000, type: 'board', elements: [arrow('ab', [120, 30], [200, 30])] },
    { t: 500_000, type: 'scratchpad-run', outcome: 'completed', output: [] },
    { t: 20 * 60_000, type: 'phase-end', phaseId: 'requirements', phaseIndex: 1, plannedMs: 300_000, actualMs: 20 * 60_000 - 180_000 },
  ];
}

describe('computeDesignFacts', () => {
  const facts = computeDesignFacts({ session, events: log() });

  it('starts the design at the first thing drawn when no design phase was reached', () => {
    expect(facts.designStartedMs).toBe(300_000);
    expect(facts.clarificationsAsked).toBe(2);
    expect(facts.clarificationsBeforeDesign).toBe(1);
    // The run at 08:20 printed nothing: a scratchpad run, not an estimate.
    expect(facts.scratchpadRuns).toBe(2);
    expect(facts.estimatesRun).toBe(1);
    expect(facts.estimatesBeforeDesign).toBe(1);
    expect(facts.firstEstimateMs).toBe(200_000);
  });

  it("counts the questions typed in the candidate's own words, and those typed before any reveal", () => {
    const events = [
      ...log(),
      { t: 30_000, type: 'typed-question', question: 'How much traffic?' } as SessionEvent,
      { t: 70_000, type: 'typed-question', question: 'Custom aliases too?' } as SessionEvent,
    ].sort((a, b) => a.t - b.t);
    expect(computeDesignFacts({ session, events })).toMatchObject({ typedQuestions: 2, typedBeforeReveal: 1 });
    expect(facts).toMatchObject({ typedQuestions: 0, typedBeforeReveal: 0 });
  });

  it('does not count a run that only listed empty inputs, or stopped on an error, as an estimate', () => {
    const emptyInputs = { outcome: 'completed', output: ['0 of 9 inputs filled in; still empty: newLinksPerDay, redirectsPerDay'] };
    expect(isEstimate(emptyInputs)).toBe(false);
    expect(isEstimate({ outcome: 'compile-error', output: ['writes 5.8k/s'] })).toBe(false);
    expect(isEstimate({ outcome: 'completed', output: ['done'] })).toBe(false);
    expect(isEstimate({ outcome: 'completed', output: ['writes, average: 1.2k links/s'] })).toBe(true);
    const events = log().map((e) => (e.type === 'scratchpad-run' && e.t === 200_000 ? { ...e, ...emptyInputs } : e));
    const f = computeDesignFacts({ session, events });
    expect(f).toMatchObject({ scratchpadRuns: 2, estimatesRun: 0, estimatesBeforeDesign: 0, firstEstimateMs: null });
    const item = designReadinessChecklist(f).find((i) => i.id === 'estimated-first')!;
    expect(item.status).toBe('not-met');
    expect(item.figure).toMatch(/^2 scratchpad runs, none of them an estimate/);
  });

  it('counts board changes per phase and what is on the board at the end', () => {
    expect(facts.board.changes).toBe(3);
    expect(facts.board.perPhase.find((p) => p.phaseId === 'requirements')!.changes).toBe(3);
    expect(facts.board.perPhase.find((p) => p.phaseId === 'introduction')!.changes).toBe(0);
    expect(facts.board).toMatchObject({ shapesAtEnd: 2, arrowsAtEnd: 1 });
  });

  it('says which notes sections were written and with how many words', () => {
    expect(facts.notes).toEqual([
      { heading: 'Introduction', words: 4, written: true },
      { heading: 'Requirements', words: 0, written: false },
      { heading: 'Estimation', words: 0, written: false },
    ]);
  });

  it('takes the first design phase as the start when it comes before any drawing', () => {
    const events = log();
    events.splice(8, 0, { t: 190_000, type: 'phase', phaseId: 'high-level', phaseIndex: 3 });
    expect(computeDesignFacts({ session, events }).designStartedMs).toBe(190_000);
  });

  it('does not count a deleted board element at the end, nor a full board as a change', () => {
    const events = [...log(), { t: 600_000, type: 'board', elements: [{ ...rect('b', 200, 0, 2), isDeleted: true }] } as SessionEvent];
    const f = computeDesignFacts({ session, events });
    expect(f.board.shapesAtEnd).toBe(1);
    expect(f.board.changes).toBe(4);
  });
});

describe('notesSections', () => {
  it('ignores quoted template questions and counts only words', () => {
    expect(notesSections('## A\n> Why?\n- cache, - db\n\n## B\n — \n')).toEqual([
      { heading: 'A', words: 2, written: true },
      { heading: 'B', words: 0, written: false },
    ]);
  });
});

describe('designReadinessChecklist', () => {
  const items = designReadinessChecklist(computeDesignFacts({ session, events: log() }));
  const item = (id: string) => items.find((i) => i.id === id)!;

  it('gives each verdict with the figure that decided it', () => {
    expect(item('asked-first')).toMatchObject({
      status: 'met',
      figure: '1 clarifying question asked before the design started at 05:00 (2 in all).',
    });
    expect(item('estimated-first')).toMatchObject({
      status: 'met',
      figure: '1 estimate run before the design started at 05:00; the first at 03:20 (2 scratchpad runs in all, 1 with results).',
    });
    expect(item('drew-design')).toMatchObject({ status: 'met' });
    expect(item('drew-design').figure).toMatch(
      /^2 boxes and 1 arrow at the end, from 3 board changes, most of them in Requirements \(3\)\.$/,
    );
    expect(item('notes-covered')).toMatchObject({ status: 'not-met', figure: '1 of 3 sections written; empty: Requirements, Estimation.' });
    expect(item('time-plan')).toMatchObject({ status: 'not-met' });
    expect(item('time-plan').figure).toMatch(/Requirements took 17 min of 5 min planned \(over by more than a quarter\)/);
    // The phases never reached used none of their plan.
    expect(item('time-plan').figure).toMatch(/High-level design was never reached \(\d+ min planned\)/);
    expect(item('thought-aloud')).toMatchObject({ status: 'not-measurable' });
  });

  it('fails asking first when the first question came after the first box', () => {
    const events = log().filter((e) => !(e.type === 'clarification' && e.t === 60_000));
    expect(designReadinessChecklist(computeDesignFacts({ session, events })).find((i) => i.id === 'asked-first')!.status).toBe('not-met');
  });

  it('fails the time plan on a phase used for under half its plan, with the figures', () => {
    const short = sessionRecord({
      ...session,
      phases: [
        { id: 'introduction', name: 'Clarify', minutes: 3, goal: '' },
        { id: 'high-level', name: 'Design', minutes: 12, goal: '' },
      ],
    });
    const events: SessionEvent[] = [
      { t: 0, type: 'phase', phaseId: 'introduction', phaseIndex: 0 },
      { t: 6_500, type: 'phase-end', phaseId: 'introduction', phaseIndex: 0, plannedMs: 180_000, actualMs: 6_500 },
      { t: 6_500, type: 'phase', phaseId: 'high-level', phaseIndex: 1 },
      { t: 6_600, type: 'phase-end', phaseId: 'high-level', phaseIndex: 1, plannedMs: 720_000, actualMs: 100 },
    ];
    const item = designReadinessChecklist(computeDesignFacts({ session: short, events })).find((i) => i.id === 'time-plan')!;
    expect(item.status).toBe('not-met');
    expect(item.figure).toBe('Clarify took 6.5 s of 3 min planned (under half); Design took 0.1 s of 12 min planned (under half).');
    const kept: SessionEvent[] = [
      { t: 0, type: 'phase', phaseId: 'introduction', phaseIndex: 0 },
      { t: 150_000, type: 'phase-end', phaseId: 'introduction', phaseIndex: 0, plannedMs: 180_000, actualMs: 150_000 },
      { t: 150_000, type: 'phase', phaseId: 'high-level', phaseIndex: 1 },
      { t: 870_000, type: 'phase-end', phaseId: 'high-level', phaseIndex: 1, plannedMs: 720_000, actualMs: 720_000 },
    ];
    expect(designReadinessChecklist(computeDesignFacts({ session: short, events: kept })).find((i) => i.id === 'time-plan')!.status).toBe(
      'met',
    );
  });

  it('judges silence from the audio when there is some', () => {
    const withAudio = sessionRecord({
      ...session,
      audio: { segments: [{ index: 0, mimeType: 'audio/webm', startMs: 0, durationMs: 40 * 60_000 }] },
      audioOffReason: null,
      silences: [{ startMs: 0, endMs: 31_000 }],
    });
    const f = computeDesignFacts({ session: withAudio, events: log() });
    const thought = designReadinessChecklist(f).find((i) => i.id === 'thought-aloud')!;
    expect(thought.status).toBe('not-met');
    expect(thought.figure).toMatch(/^31 s of silence in 1 pause/);
  });

  it('never contradicts the coding checklist about the same silence (one rule)', () => {
    for (const silences of [
      [],
      [{ startMs: 0, endMs: 12_000 }],
      [
        { startMs: 0, endMs: 4_000 },
        { startMs: 10_000, endMs: 14_000 },
      ],
    ]) {
      const withAudio = sessionRecord({
        ...session,
        audio: { segments: [{ index: 0, mimeType: 'audio/webm', startMs: 0, durationMs: 40 * 60_000 }] },
        audioOffReason: null,
        silences,
      });
      const f = computeDesignFacts({ session: withAudio, events: log() });
      const design = designReadinessChecklist(f).find((i) => i.id === 'thought-aloud')!;
      const coding = readinessChecklist({ talk: f.talk } as SessionFacts).find((i) => i.id === 'silence')!;
      expect(design.status).toBe(coding.status);
    }
  });
});

describe('isDesignSession', () => {
  it('goes by the problem, or by the log when the problem is gone', () => {
    expect(isDesignSession('design', [])).toBe(true);
    expect(isDesignSession('coding', log())).toBe(false);
    expect(isDesignSession(null, log())).toBe(true);
    expect(isDesignSession(undefined, [{ t: 0, type: 'run', mode: 'run', outcome: 'completed', passed: 1, total: 1 }])).toBe(false);
  });
});
