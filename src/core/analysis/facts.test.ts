import { describe, expect, it } from 'vitest';
import type { RunEvent, SessionEvent, SessionRecord } from '../session/types';
import { findProtocol } from '../timer/protocols';
import { computeFacts, longestEditingWithoutRun, sessionDuration } from './facts';
import { sessionRecord } from '../testing/fixtures';

const CODING = findProtocol('coding-45')!;
const MIN = 60_000;

function session(patch: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({ protocolId: CODING.id, phases: CODING.phases, endedAt: 1_000_000 + 45 * MIN, levelFrameMs: 20, ...patch });
}

const phase = (t: number, phaseIndex: number, phaseId = CODING.phases[phaseIndex]!.id): SessionEvent => ({
  t,
  type: 'phase',
  phaseId,
  phaseIndex,
});
const phaseEnd = (t: number, phaseIndex: number, actualMs: number, plannedMs = CODING.phases[phaseIndex]!.minutes * MIN): SessionEvent => ({
  t,
  type: 'phase-end',
  phaseId: CODING.phases[phaseIndex]!.id,
  phaseIndex,
  plannedMs,
  actualMs,
});
const edit = (t: number, insert: string, offset = 0, startT?: number): SessionEvent => ({
  t,
  type: 'edit',
  file: 'solution.ts',
  changes: [{ offset, deleteCount: 0, insert }],
  ...(startT === undefined ? {} : { startT }),
});
const notesEdit = (t: number, insert: string, offset: number): SessionEvent => ({
  t,
  type: 'edit',
  file: 'notes.md',
  changes: [{ offset, deleteCount: 0, insert }],
});
const run = (t: number, mode: 'run' | 'submit', passed: number, total: number, outcome = 'completed'): RunEvent => ({
  t,
  type: 'run',
  mode,
  outcome,
  passed,
  total,
});
const snapshot = (t: number, file: 'solution.ts' | 'notes.md', text: string): SessionEvent => ({ t, type: 'snapshot', file, text });

describe('computeFacts on an empty log', () => {
  it('measures nothing it cannot see, and says so with null', () => {
    const facts = computeFacts({ session: session(), events: [] });
    expect(facts).toEqual({
      durationMs: 45 * MIN,
      talk: null,
      phases: CODING.phases.map((p) => ({ phaseId: p.id, name: p.name, plannedMs: p.minutes * MIN, actualMs: null })),
      timeToFirstRunMs: null,
      runs: 0,
      submits: 0,
      runsInCodePhase: 0,
      longestEditingWithoutRunMs: 0,
      submitsUntilAllPass: null,
      firstSubmitPassed: null,
      edgeCasesBeforeCode: null,
      followUpsAsked: 0,
      clarificationsAsked: 0,
      clarificationsBeforeCode: 0,
      nudges: { silence: 0, noRun: 0, planCoding: 0 },
      referenceOpenedAt: null,
      passedAfterReference: false,
    });
  });
});

describe('the reference opened during the session', () => {
  it('is a fact with its time, and a pass after it is marked as such', () => {
    const events: SessionEvent[] = [run(60_000, 'submit', 1, 3), { t: 90_000, type: 'reference-opened' }, run(120_000, 'submit', 3, 3)];
    expect(computeFacts({ session: session(), events })).toMatchObject({
      referenceOpenedAt: 90_000,
      passedAfterReference: true,
      submitsUntilAllPass: 2,
    });
  });
  it('leaves a pass before it alone', () => {
    const events: SessionEvent[] = [run(60_000, 'submit', 3, 3), { t: 90_000, type: 'reference-opened' }];
    expect(computeFacts({ session: session(), events })).toMatchObject({ referenceOpenedAt: 90_000, passedAfterReference: false });
  });
});

describe('duration', () => {
  it('is start to end for a finished session', () => {
    expect(sessionDuration(session({ startedAt: 10, endedAt: 5010 }), [])).toBe(5000);
  });
  it('ends at the last event of an unfinished session', () => {
    const events = [snapshot(0, 'solution.ts', ''), edit(7000, 'x')];
    expect(sessionDuration(session({ endedAt: null, status: 'interrupted' }), events)).toBe(7000);
    expect(sessionDuration(session({ endedAt: null }), [])).toBe(0);
  });
  it('ends at the end of its measured audio when that is later than the last event', () => {
    const audio = {
      segments: [
        { index: 0, mimeType: 'audio/webm', startMs: 500, durationMs: 21_000 },
        { index: 1, mimeType: 'audio/webm', startMs: 30_000, durationMs: null },
      ],
    };
    expect(sessionDuration(session({ endedAt: null, status: 'interrupted', audio }), [snapshot(0, 'solution.ts', '')])).toBe(30_000); // the second part began at 30 s
    expect(sessionDuration(session({ endedAt: null, status: 'interrupted', audio }), [edit(40_000, 'x')])).toBe(40_000);
  });
});

describe('talk facts', () => {
  it('are null without audio', () => {
    expect(computeFacts({ session: session({ audio: null }), events: [] }).talk).toBeNull();
  });
  it('are null when no segment has a known length (audio cut off before Finish)', () => {
    const audio = { segments: [{ index: 0, mimeType: 'audio/webm', startMs: 0, durationMs: null }] };
    expect(computeFacts({ session: session({ audio }), events: [] }).talk).toBeNull();
  });
  it('sum, find the longest and count the long silences over every segment', () => {
    const audio = {
      segments: [
        { index: 0, mimeType: 'audio/webm', startMs: 0, durationMs: 60_000 },
        { index: 1, mimeType: 'audio/webm', startMs: 70_000, durationMs: 40_000 },
      ],
    };
    const silences = [
      { startMs: 1000, endMs: 3000 },
      { startMs: 10_000, endMs: 40_000 }, // exactly 30 s counts as over
      { startMs: 75_000, endMs: 80_000 },
    ];
    const talk = computeFacts({ session: session({ audio, silences, audioOffReason: null }), events: [] }).talk;
    expect(talk).toEqual({
      totalSilenceMs: 37_000,
      longestSilenceMs: 30_000,
      silencesOver30s: 1,
      talkingShare: 0.63,
      silenceLengthsMs: [2000, 30_000, 5000],
    });
  });
  it('with no silence at all, talking is the whole time', () => {
    const audio = { segments: [{ index: 0, mimeType: 'audio/webm', startMs: 0, durationMs: 5000 }] };
    expect(computeFacts({ session: session({ audio }), events: [] }).talk).toEqual({
      totalSilenceMs: 0,
      longestSilenceMs: 0,
      silencesOver30s: 0,
      talkingShare: 1,
      silenceLengthsMs: [],
    });
  });
});

describe('phases against plan', () => {
  it('take the active time from phase-end events', () => {
    const events = [
      phase(0, 0),
      phaseEnd(6 * MIN, 0, 6 * MIN),
      phase(6 * MIN, 1),
      phaseEnd(40 * MIN, 1, 30 * MIN),
      phase(40 * MIN, 2),
      phaseEnd(44 * MIN, 2, 4 * MIN),
    ];
    const phases = computeFacts({ session: session({ endedAt: 1_000_000 + 44 * MIN }), events }).phases;
    expect(phases.map((p) => [p.phaseId, p.plannedMs, p.actualMs])).toEqual([
      ['plan', 5 * MIN, 6 * MIN],
      ['code', 35 * MIN, 30 * MIN],
      ['review', 5 * MIN, 4 * MIN],
    ]);
  });

  it('derive old logs (phase events only) from consecutive phases and the session end, minus pauses', () => {
    const events: SessionEvent[] = [
      phase(0, 0),
      phase(5 * MIN, 1),
      { t: 10 * MIN, type: 'pause' },
      { t: 12 * MIN, type: 'resume' },
      phase(40 * MIN, 2),
    ];
    const phases = computeFacts({ session: session({ endedAt: 1_000_000 + 47 * MIN }), events }).phases;
    expect(phases.map((p) => p.actualMs)).toEqual([5 * MIN, 33 * MIN, 7 * MIN]);
  });

  it('count a phase still running in an unfinished session up to its last event, a pause never resumed excluded', () => {
    const events: SessionEvent[] = [
      phase(0, 0),
      phaseEnd(5 * MIN, 0, 5 * MIN),
      phase(5 * MIN, 1),
      { t: 9 * MIN, type: 'pause' },
      edit(11 * MIN, 'x'),
    ];
    const phases = computeFacts({ session: session({ endedAt: null, status: 'interrupted' }), events }).phases;
    expect(phases.map((p) => p.actualMs)).toEqual([5 * MIN, 4 * MIN, null]);
  });

  it('leave the phases skipped by End session unreached, though their phase-end says 0 ms', () => {
    const events = [phase(0, 0), phaseEnd(2 * MIN, 0, 2 * MIN), phaseEnd(2 * MIN, 1, 0), phaseEnd(2 * MIN, 2, 0)];
    const phases = computeFacts({ session: session({ endedAt: 1_000_000 + 2 * MIN }), events }).phases;
    expect(phases.map((p) => p.actualMs)).toEqual([2 * MIN, null, null]);
  });

  it('fall back to the protocol when a very old record kept no phases', () => {
    const phases = computeFacts({ session: session({ phases: [] }), events: [phase(0, 0)] }).phases;
    expect(phases.map((p) => p.phaseId)).toEqual(['plan', 'code', 'review']);
  });

  it('fall back to the log when neither the record nor a known protocol names the phases', () => {
    const events: SessionEvent[] = [
      phase(0, 0, 'warm-up'),
      { t: 60_000, type: 'phase-end', phaseId: 'warm-up', phaseIndex: 0, plannedMs: 120_000, actualMs: 60_000 },
    ];
    const phases = computeFacts({ session: session({ phases: [], protocolId: 'deleted-custom' }), events }).phases;
    expect(phases).toEqual([{ phaseId: 'warm-up', name: 'warm-up', plannedMs: 120_000, actualMs: 60_000 }]);
  });
});

describe('runs and Submits', () => {
  const events = [
    phase(0, 0),
    edit(30_000, 'a'),
    run(70_000, 'run', 1, 3), // plan phase
    phaseEnd(5 * MIN, 0, 5 * MIN),
    phase(5 * MIN, 1),
    run(6 * MIN, 'run', 3, 3),
    run(7 * MIN, 'submit', 5, 8),
    run(8 * MIN, 'submit', 0, 0, 'compile-error'),
    run(9 * MIN, 'submit', 8, 8),
    phaseEnd(30 * MIN, 1, 25 * MIN),
    phase(30 * MIN, 2),
    run(31 * MIN, 'submit', 8, 8), // review phase
  ];
  const facts = computeFacts({ session: session(), events });

  it('count Runs and Submits apart, and the time to the first of either', () => {
    expect(facts.runs).toBe(2);
    expect(facts.submits).toBe(4);
    expect(facts.timeToFirstRunMs).toBe(70_000);
  });
  it('count the runs of either kind made during the code phase', () => {
    expect(facts.runsInCodePhase).toBe(4);
  });
  it('find the Submit at which every hidden test first passed', () => {
    expect(facts.submitsUntilAllPass).toBe(3);
    expect(facts.firstSubmitPassed).toBe(false);
  });
  it('do not count a Submit with no tests (a compile error) as passing', () => {
    const f = computeFacts({ session: session(), events: [run(1000, 'submit', 0, 0, 'completed')] });
    expect(f.submitsUntilAllPass).toBeNull();
    expect(f.firstSubmitPassed).toBe(false);
  });
  it('see a first Submit that passed', () => {
    const f = computeFacts({ session: session(), events: [run(1000, 'submit', 4, 4)] });
    expect([f.submitsUntilAllPass, f.firstSubmitPassed]).toEqual([1, true]);
  });
  it('have no code-phase count for a protocol without a code phase', () => {
    const design = findProtocol('design-45')!;
    const f = computeFacts({
      session: session({ protocolId: design.id, phases: design.phases }),
      events: [phase(0, 0, 'introduction'), run(1000, 'run', 0, 0)],
    });
    expect(f.runsInCodePhase).toBeNull();
  });
  it('count the code phases of other protocols (backend: implement and optimise)', () => {
    const backend = findProtocol('backend-60')!;
    const ev = [
      phase(0, 0, 'clarify'),
      run(1000, 'run', 0, 1),
      phase(2000, 1, 'implement'),
      run(3000, 'run', 0, 1),
      phase(4000, 2, 'optimise'),
      run(5000, 'submit', 1, 1),
      phase(6000, 3, 'walkthrough'),
      run(7000, 'run', 1, 1),
    ];
    expect(computeFacts({ session: session({ protocolId: backend.id, phases: backend.phases }), events: ev }).runsInCodePhase).toBe(2);
  });
  it('count runs in a code phase that was still running when the log ends', () => {
    const ev = [phase(0, 0), phase(1000, 1), run(2000, 'run', 1, 1)];
    expect(computeFacts({ session: session({ endedAt: null, status: 'interrupted' }), events: ev }).runsInCodePhase).toBe(1);
  });
});

describe('longest editing without running', () => {
  it('is zero without edits', () => {
    expect(longestEditingWithoutRun([run(1000, 'run', 1, 1)])).toBe(0);
  });
  it('runs from the first edit after a run to the last edit before the next run', () => {
    const events = [
      edit(1000, 'a'),
      edit(4000, 'b', 1),
      run(10_000, 'run', 0, 1),
      edit(20_000, 'c', 2, 15_000), // merged keystrokes: the stretch starts at the first one
      edit(60_000, 'd', 3),
      run(90_000, 'submit', 1, 1),
      edit(100_000, 'e', 4),
      edit(120_000, 'f', 5), // to the session end with no run: still a stretch
    ];
    expect(longestEditingWithoutRun(events)).toBe(45_000);
  });
  it('ignores notes edits and snapshots', () => {
    const events = [
      snapshot(0, 'solution.ts', ''),
      notesEdit(1000, '- a', 0),
      edit(2000, 'x'),
      notesEdit(2500, 'b', 3),
      edit(3000, 'y', 1),
    ];
    expect(longestEditingWithoutRun(events)).toBe(1000);
  });
  it("measures the edits of every code file: a Python session's solution.py, a project's other files", () => {
    const inFile = (t: number, file: string): SessionEvent => ({
      t,
      type: 'edit',
      file,
      changes: [{ offset: 0, deleteCount: 0, insert: 'x' }],
    });
    expect(longestEditingWithoutRun([inFile(1000, 'solution.py'), inFile(4000, 'solution.py')])).toBe(3000);
    expect(longestEditingWithoutRun([inFile(1000, 'solution.ts'), inFile(6000, 'chat/hub.ts')])).toBe(5000);
  });
});

describe('edge cases listed before code', () => {
  it('counts zero without notes or comments (the editor alone is measured)', () => {
    expect(computeFacts({ session: session(), events: [snapshot(0, 'solution.ts', ''), edit(1000, 'x')] }).edgeCasesBeforeCode).toBe(0);
  });
  it('counts comment lines written above the code, not the starter’s, and waits for the first line of code', () => {
    const starter = '// Write your solution.\nexport function f() {}\n';
    const events = [
      snapshot(0, 'solution.ts', starter),
      snapshot(0, 'notes.md', ''),
      edit(1000, '// empty input\n// negative n\n'),
      notesEdit(1500, '- huge n\n', 0),
      edit(5000, 'const LIMIT = 3;\n', 60),
      edit(6000, '// added after coding\n'),
    ];
    expect(computeFacts({ session: session(), events }).edgeCasesBeforeCode).toBe(3);
  });
  it('does not stop counting at a comment whose second "/" comes in the next merged edit', () => {
    const events = [
      snapshot(0, 'solution.ts', 'export {};\n'),
      snapshot(0, 'notes.md', '- x\n'),
      edit(1000, '// a\n/'),
      edit(1500, '/ b\nconst y = 1;\n', 6),
    ];
    expect(computeFacts({ session: session(), events }).edgeCasesBeforeCode).toBe(3);
  });
  it('takes comments typed in the same merged edit as the first code', () => {
    const events = [snapshot(0, 'solution.ts', ''), edit(2000, '// empty\nconst a = 1;', 0, 1000)];
    expect(computeFacts({ session: session(), events }).edgeCasesBeforeCode).toBe(1);
  });
  it('is null when no code was typed', () => {
    expect(computeFacts({ session: session(), events: [snapshot(0, 'notes.md', '- empty input\n')] }).edgeCasesBeforeCode).toBeNull();
  });
  it('counts the list items in the notes at the first code edit, not later ones', () => {
    const events = [
      snapshot(0, 'solution.ts', ''),
      snapshot(0, 'notes.md', '## Plan\n'),
      notesEdit(1000, '- empty input\n', 8),
      notesEdit(2000, '- one item\n\n', 22),
      edit(5000, 'function f() {}'),
      notesEdit(6000, '- added after coding\n', 0),
    ];
    expect(computeFacts({ session: session(), events }).edgeCasesBeforeCode).toBe(2);
  });
  it('counts zero when notes exist but hold no list', () => {
    const events = [snapshot(0, 'notes.md', 'Think first.'), edit(1000, 'x')];
    expect(computeFacts({ session: session(), events }).edgeCasesBeforeCode).toBe(0);
  });
  it('takes the notes as they were at the first keystroke of a merged code edit', () => {
    const events = [snapshot(0, 'notes.md', ''), notesEdit(3000, '- late item\n', 0), edit(4000, 'code', 0, 2000)];
    expect(computeFacts({ session: session(), events }).edgeCasesBeforeCode).toBe(0);
  });
});

describe('follow-ups and nudges', () => {
  it('are counted by kind', () => {
    const events: SessionEvent[] = [
      { t: 1, type: 'nudge', kind: 'silence', silenceMs: 31_000 },
      { t: 2, type: 'nudge', kind: 'silence', silenceMs: 40_000 },
      { t: 3, type: 'nudge', kind: 'no-run', editingMs: 600_000 },
      { t: 4, type: 'nudge', kind: 'plan-coding' },
      { t: 5, type: 'followup', index: 0, question: 'What if it is distributed?' },
    ];
    expect(computeFacts({ session: session(), events })).toMatchObject({
      followUpsAsked: 1,
      nudges: { silence: 2, noRun: 1, planCoding: 1 },
    });
  });
});
