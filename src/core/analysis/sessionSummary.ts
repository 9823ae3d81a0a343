/**
 * The one place that decides which measures summarise a session: a coding session by its runs, Submits
 * and the coding checklist (facts.ts, readiness.ts); a design session by the design facts and the design
 * checklist (designFacts.ts, designReadiness.ts). Everything that sums a session up (the bar after
 * Finish, report.md and session.json, the review, Progress, the catalog card) asks here, so a design
 * session never carries a coding verdict ("0 Submits", "Tested after every function") nor the reverse.
 */
import { computeDesignFacts, isDesignSession, isEstimate, type DesignFacts } from './designFacts';
import { designReadinessChecklist, type DesignReadinessItem } from './designReadiness';
import { computeFacts, readinessChecklist } from './facts';
import type { ReadinessItem, SessionFacts } from './types';
import type { SessionEvent, SessionRecord } from '../session/types';

export type SessionSummary =
  | { kind: 'coding'; facts: SessionFacts; readiness: ReadinessItem[] }
  | { kind: 'design'; facts: DesignFacts; readiness: DesignReadinessItem[] };

interface SummaryInput {
  session: SessionRecord;
  events: readonly SessionEvent[];
  /** The problem's kind when the app knows the problem; otherwise the log decides (isDesignSession). */
  problemKind?: string | null;
  /** Pauses at least this long count as silence (the review's setting). */
  silencePauseMs?: number;
}

export function summariseSession({ session, events, problemKind, silencePauseMs }: SummaryInput): SessionSummary {
  if (isDesignSession(problemKind, events)) {
    const facts = computeDesignFacts({ session, events });
    return { kind: 'design', facts, readiness: designReadinessChecklist(facts, { silencePauseMs }) };
  }
  const facts = computeFacts({ session, events: [...events] });
  return { kind: 'coding', facts, readiness: readinessChecklist(facts, { silencePauseMs }) };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What the candidate did in the session, in one line, by its kind's measures: "12 edits, 3 runs, 1 Submit,
 * no nudges." for coding; "2 questions asked, 3 scratchpad runs (1 with results), 14 board changes, 9 notes
 * edits." for design.
 */
export function describeActivity(kind: SessionSummary['kind'], events: readonly SessionEvent[]): string {
  if (kind === 'design') {
    const runs = events.filter((e) => e.type === 'scratchpad-run');
    const estimates = runs.filter(isEstimate).length;
    const questions = events.filter((e) => e.type === 'clarification').length;
    const board = events.filter((e) => e.type === 'board' && !e.full).length;
    const notes = events.filter((e) => e.type === 'edit' && e.file === 'notes.md').length;
    return (
      `${count(questions, 'question')} asked, ${count(runs.length, 'scratchpad run')} (${estimates} with results), ` +
      `${count(board, 'board change')}, ${count(notes, 'notes edit')}.`
    );
  }
  const submits = events.filter((e) => e.type === 'run' && e.mode === 'submit').length;
  const runs = events.filter((e) => e.type === 'run' && e.mode !== 'submit').length;
  const edits = events.filter((e) => e.type === 'edit').length;
  const nudges = events.filter((e) => e.type === 'nudge').length;
  return `${count(edits, 'edit')}, ${count(runs, 'run')}, ${count(submits, 'Submit')}, ${nudges === 0 ? 'no nudges' : count(nudges, 'nudge')}.`;
}
