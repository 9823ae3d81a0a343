/**
 * The measured facts of a system-design session (issue 15), from its record and log alone: time per phase
 * against the plan, the clarifying questions asked before the design started, the estimates run, each
 * notes section written or not, the whiteboard's activity per phase, and the silences. A coding session's
 * facts (facts.ts) say nothing true about a design session (no Submits, no tests), so this is its own set.
 */
import { replayText } from '../session/editLog';
import type { BoardEvent, ScratchpadRunEvent, SessionEvent, SessionRecord } from '../session/types';
import { sessionDuration, talkFacts } from './facts';
import { inSpan, phaseFacts, phaseSpans } from './phaseTimes';
import type { PhaseFact, TalkFacts } from './types';

/** Phases in which the candidate designs (design-45's High-level design, Detailed design, Deep dive). */
export const DESIGN_PHASE_IDS: ReadonlySet<string> = new Set(['high-level', 'detailed', 'deep-dive']);

export interface NotesSectionFact {
  heading: string;
  /** Words the candidate wrote under it (the template's quoted question not counted). */
  words: number;
  written: boolean;
}

export interface BoardPhaseFact {
  phaseId: string;
  name: string;
  /** Board events (additions, moves, edits, deletions) during the phase. */
  changes: number;
}

export interface DesignFacts {
  kind: 'design';
  durationMs: number;
  talk: TalkFacts | null;
  phases: PhaseFact[];
  /**
   * When the design started: the first design phase or the first thing drawn, whichever came first;
   * null when neither happened.
   */
  designStartedMs: number | null;
  clarificationsAsked: number;
  clarificationsBeforeDesign: number;
  /** Questions the candidate typed in their own words. */
  typedQuestions: number;
  /** Of those, the ones typed before any listed answer was revealed (asked, not read off the list). */
  typedBeforeReveal: number;
  /** Every scratchpad run, whatever it printed. */
  scratchpadRuns: number;
  /** Scratchpad runs that are estimates (`isEstimate`): completed, and printed a figure. */
  estimatesRun: number;
  estimatesBeforeDesign: number;
  /** Session time of the first estimate (a run that counts); null when there was none. */
  firstEstimateMs: number | null;
  /** Null when the session had no notes file. */
  notes: NotesSectionFact[] | null;
  board: { changes: number; perPhase: BoardPhaseFact[]; shapesAtEnd: number; arrowsAtEnd: number };
}

/** Words under each `## ` heading of the final notes, leaving out the template's `> question` lines. */
export function notesSections(markdown: string): NotesSectionFact[] {
  const sections: NotesSectionFact[] = [];
  for (const line of markdown.split('\n')) {
    const heading = /^##\s+(.*?)\s*$/.exec(line);
    if (heading) {
      sections.push({ heading: heading[1]!, words: 0, written: false });
      continue;
    }
    const current = sections[sections.length - 1];
    if (!current || /^\s*>/.test(line)) continue;
    current.words += line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    current.written = current.words > 0;
  }
  return sections;
}

/**
 * Whether a scratchpad run is an estimate: it completed, and printed at least one line with a figure that
 * is not the scratchpad telling which inputs are still empty ("0 of 9 inputs filled in; still empty: …").
 * A run that stopped on an error, printed nothing, or only listed empty inputs estimated nothing.
 */
export function isEstimate(run: Pick<ScratchpadRunEvent, 'outcome' | 'output'>): boolean {
  if (run.outcome !== 'completed') return false;
  if (run.output.some((line) => EMPTY_INPUTS_LINE.test(line))) return false;
  return run.output.some((line) => /\d/.test(line));
}

/** What a scratchpad prints while some of its named inputs are still null. */
const EMPTY_INPUTS_LINE = /inputs? filled in|still empty/i;

function addsSomething(e: BoardEvent): boolean {
  return e.elements.some((el) => !el.isDeleted);
}

export function computeDesignFacts(input: { session: SessionRecord; events: readonly SessionEvent[] }): DesignFacts {
  const { session, events } = input;
  const durationMs = sessionDuration(session, events);
  const spans = phaseSpans(events, durationMs);
  const phases = phaseFacts(session, events, durationMs);
  const boardChanges = events.filter((e): e is BoardEvent => e.type === 'board' && !e.full);
  const designPhaseStart = spans.find((s) => DESIGN_PHASE_IDS.has(s.phaseId))?.startMs ?? null;
  const firstDrawn = boardChanges.find(addsSomething)?.t ?? null;
  const starts = [designPhaseStart, firstDrawn].filter((t): t is number => t !== null);
  const designStartedMs = starts.length > 0 ? Math.min(...starts) : null;
  const before = (t: number) => designStartedMs === null || t < designStartedMs;

  const clarifications = events.filter((e) => e.type === 'clarification');
  const typed = events.filter((e) => e.type === 'typed-question');
  const firstReveal = clarifications[0]?.t ?? Infinity;
  const runs = events.filter((e): e is ScratchpadRunEvent => e.type === 'scratchpad-run');
  const estimates = runs.filter(isEstimate);
  const hasNotes = events.some((e) => (e.type === 'snapshot' || e.type === 'edit') && e.file === 'notes.md');
  const finalBoard = new Map<string, { type: string; isDeleted: boolean }>();
  for (const e of events) {
    if (e.type !== 'board') continue;
    if (e.full) finalBoard.clear();
    for (const el of e.elements) finalBoard.set(el.id, el);
  }
  const atEnd = [...finalBoard.values()].filter((e) => !e.isDeleted);

  return {
    kind: 'design',
    durationMs,
    talk: talkFacts(session),
    phases,
    designStartedMs,
    clarificationsAsked: clarifications.length,
    clarificationsBeforeDesign: clarifications.filter((e) => before(e.t)).length,
    typedQuestions: typed.length,
    typedBeforeReveal: typed.filter((e) => e.t < firstReveal).length,
    scratchpadRuns: runs.length,
    estimatesRun: estimates.length,
    estimatesBeforeDesign: estimates.filter((e) => before(e.t)).length,
    firstEstimateMs: estimates[0]?.t ?? null,
    notes: hasNotes ? notesSections(replayText(events, 'notes.md', Infinity)) : null,
    board: {
      changes: boardChanges.length,
      perPhase: phases.map((p, i) => {
        const span = spans.find((s) => s.phaseIndex === i);
        return { phaseId: p.phaseId, name: p.name, changes: span ? boardChanges.filter((e) => inSpan(span, e.t)).length : 0 };
      }),
      shapesAtEnd: atEnd.filter((e) => e.type === 'rectangle' || e.type === 'ellipse' || e.type === 'diamond').length,
      arrowsAtEnd: atEnd.filter((e) => e.type === 'arrow' || e.type === 'line').length,
    },
  };
}

/**
 * A design session, measured as one: its problem is a design problem or, when the problem is gone, its log
 * has what only design sessions log (the whiteboard, scratchpad runs).
 */
export function isDesignSession(problemKind: string | null | undefined, events: readonly SessionEvent[]): boolean {
  if (problemKind) return problemKind === 'design';
  return events.some((e) => e.type === 'board' || e.type === 'scratchpad-run');
}
