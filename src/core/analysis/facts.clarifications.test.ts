/**
 * The clarifying questions of a coding session: those revealed before the first edit of any code file
 * count as clarifying (facts.ts, clarificationFacts).
 */
import { describe, expect, it } from 'vitest';
import type { SessionEvent, SessionRecord } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { findProtocol } from '../timer/protocols';
import { computeFacts } from './facts';

const CODING = findProtocol('coding-45')!;

function session(patch: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({ protocolId: CODING.id, phases: CODING.phases, endedAt: 1_000_000 + 45 * 60_000, ...patch });
}

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

describe('clarifying questions', () => {
  const ask = (t: number, question: string): SessionEvent => ({ t, type: 'clarification', question });

  it('counts the questions asked before the first edit of a code file as clarifying', () => {
    const events: SessionEvent[] = [
      ask(10_000, 'Can the list be empty?'),
      notesEdit(15_000, '- empty list', 0), // the plan notes are not code
      ask(20_000, 'Negative numbers?'),
      edit(60_000, 'x', 0, 30_000),
      ask(90_000, 'Is a TypeError right here?'),
    ];
    expect(computeFacts({ session: session(), events })).toMatchObject({ clarificationsAsked: 3, clarificationsBeforeCode: 2 });
  });

  it('takes a merged edit from its first keystroke: a question asked while it was typed came after coding started', () => {
    const events: SessionEvent[] = [ask(10_000, 'Q1?'), ask(40_000, 'Q2?'), edit(50_000, 'abc', 0, 30_000)];
    expect(computeFacts({ session: session(), events })).toMatchObject({ clarificationsAsked: 2, clarificationsBeforeCode: 1 });
  });

  it('counts every question as before coding when no code was edited, and none after an edit of any file', () => {
    expect(computeFacts({ session: session(), events: [ask(10_000, 'Q1?')] })).toMatchObject({ clarificationsBeforeCode: 1 });
    const other: SessionEvent = { t: 5_000, type: 'edit', file: 'chat/hub.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'x' }] };
    expect(computeFacts({ session: session(), events: [other, ask(10_000, 'Q1?')] })).toMatchObject({
      clarificationsAsked: 1,
      clarificationsBeforeCode: 0,
    });
  });
});
