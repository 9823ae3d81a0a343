/**
 * The measured facts of a session (see types.ts), computed from its record and event log alone: pure,
 * so the review, the progress chart and the bundle export all get the same numbers.
 */
import { replayText } from '../session/editLog';
import type { EditEvent, RunEvent, SessionEvent, SessionRecord, SilenceInterval } from '../session/types';
import { inSpan, phaseFacts, phaseSpans } from './phaseTimes';
import { countListItems } from './planNotes';
import { countsAsSolved } from '../practice/solved';
import { commentSyntaxOfPath, editorEdgeCases, typedCode } from './edgeCases';
import { applyChanges } from '../session/editLog';
import { isCodeFile } from '../session/fileSetIndex';
import type { RequestFacts, SessionFacts, TalkFacts } from './types';

export { readinessChecklist } from './readiness';

/**
 * Phases in which the candidate writes the solution, across the built-in protocols: the coding
 * interview's Code, the backend interview's Implement and Optimise, the pairing interview's Solo task and
 * Pairing. A custom protocol that reuses these ids counts too; one without them has no code phase.
 */
export const CODE_PHASE_IDS: ReadonlySet<string> = new Set(['code', 'implement', 'optimise', 'solo', 'pairing']);

/** A silence this long or longer counts as a long one (the practice protocol's nudge default). */
export const LONG_SILENCE_MS = 30_000;

export function computeFacts(input: { session: SessionRecord; events: readonly SessionEvent[] }): SessionFacts {
  const { session, events } = input;
  const durationMs = sessionDuration(session, events);
  const runs = events.filter((e): e is RunEvent => e.type === 'run');
  const submits = runs.filter((r) => r.mode === 'submit');
  const firstPass = submits.findIndex(allHiddenPassed);
  const referenceOpenedAt = events.find((e) => e.type === 'reference-opened')?.t ?? null;
  return {
    durationMs,
    talk: talkFacts(session),
    phases: phaseFacts(session, events, durationMs),
    timeToFirstRunMs: runs[0]?.t ?? null,
    runs: runs.length - submits.length,
    submits: submits.length,
    runsInCodePhase: runsInCodePhase(session, events, runs, durationMs),
    longestEditingWithoutRunMs: longestEditingWithoutRun(events),
    submitsUntilAllPass: firstPass === -1 ? null : firstPass + 1,
    firstSubmitPassed: submits[0] ? allHiddenPassed(submits[0]) : null,
    edgeCasesBeforeCode: edgeCasesBeforeCode(events),
    followUpsAsked: events.filter((e) => e.type === 'followup').length,
    ...clarificationFacts(events),
    nudges: {
      silence: events.filter((e) => e.type === 'nudge' && e.kind === 'silence').length,
      noRun: events.filter((e) => e.type === 'nudge' && e.kind === 'no-run').length,
      planCoding: events.filter((e) => e.type === 'nudge' && e.kind === 'plan-coding').length,
    },
    referenceOpenedAt,
    passedAfterReference: referenceOpenedAt !== null && firstPass !== -1 && submits[firstPass]!.t >= referenceOpenedAt,
    ...requestFacts(events),
  };
}

/** An API scenario's Sends by outcome, and its restarts; nothing for a session that had neither. */
function requestFacts(events: readonly SessionEvent[]): { requests?: RequestFacts } {
  const requests = events.filter((e) => e.type === 'request');
  const serviceRestarts = events.filter((e) => e.type === 'service-restart').length;
  if (requests.length === 0 && serviceRestarts === 0) return {};
  const count = (kind: string) => requests.filter((e) => e.outcome.kind === kind).length;
  return {
    requests: { sent: requests.length, answered: count('response'), timedOut: count('timed-out'), errors: count('error'), serviceRestarts },
  };
}

/**
 * Start to end; an unfinished session ends at its last logged event or at the end of its measured audio,
 * whichever is later (someone who only talked logs no event, but the audio shows how long it ran).
 */
export function sessionDuration(session: SessionRecord, events: readonly SessionEvent[]): number {
  if (session.endedAt !== null) return Math.max(0, session.endedAt - session.startedAt);
  const audioEnd = (session.audio?.segments ?? []).reduce((end, s) => Math.max(end, s.startMs + (s.durationMs ?? 0)), 0);
  return events.reduce((last, e) => Math.max(last, e.t), audioEnd);
}

/** All hidden tests passed: the run completed and every one of its (more than zero) tests passed. */
export function allHiddenPassed(run: RunEvent): boolean {
  return run.mode === 'submit' && countsAsSolved(run);
}

/**
 * Talk from the detected silences over the audio actually recorded (segments whose length is known:
 * an interrupted segment is measured when the session finishes). Null without audio.
 */
export function talkFacts(session: SessionRecord): TalkFacts | null {
  const audioMs = (session.audio?.segments ?? []).reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
  if (audioMs <= 0) return null;
  const lengths = session.silences.map((s: SilenceInterval) => Math.max(0, s.endMs - s.startMs));
  const totalSilenceMs = lengths.reduce((a, b) => a + b, 0);
  return {
    totalSilenceMs,
    longestSilenceMs: lengths.reduce((a, b) => Math.max(a, b), 0),
    silencesOver30s: lengths.filter((l) => l >= LONG_SILENCE_MS).length,
    talkingShare: Math.min(1, Math.max(0, 1 - totalSilenceMs / audioMs)),
    silenceLengthsMs: lengths,
  };
}

function runsInCodePhase(
  session: SessionRecord,
  events: readonly SessionEvent[],
  runs: readonly RunEvent[],
  durationMs: number,
): number | null {
  const planned =
    session.phases.length > 0 ? session.phases.map((p) => p.id) : events.flatMap((e) => (e.type === 'phase' ? [e.phaseId] : []));
  if (!planned.some((id) => CODE_PHASE_IDS.has(id))) return null;
  const spans = phaseSpans(events, durationMs).filter((s) => CODE_PHASE_IDS.has(s.phaseId));
  return runs.filter((r) => spans.some((s) => inSpan(s, r.t))).length;
}

/** An edit of the candidate's code: any file of the project but the plan notes. */
const isCodeEdit = (e: SessionEvent): e is EditEvent => e.type === 'edit' && isCodeFile(e.file);

/**
 * The longest stretch of editing with no Run or Submit: from the first keystroke after a run (or the
 * start) to the last keystroke before the next run (or the end), in any of the code's files. A merged edit event starts at its
 * `startT` (its first keystroke) and ends at `t` (its last).
 */
export function longestEditingWithoutRun(events: readonly SessionEvent[]): number {
  let longest = 0;
  let firstEdit: number | null = null;
  let lastEdit = 0;
  const close = () => {
    if (firstEdit !== null) longest = Math.max(longest, lastEdit - firstEdit);
    firstEdit = null;
  };
  for (const e of events) {
    if (e.type === 'run') close();
    else if (isCodeEdit(e)) {
      firstEdit ??= e.startT ?? e.t;
      lastEdit = Math.max(lastEdit, e.t);
    }
  }
  close();
  return longest;
}

/**
 * The clarifying questions asked (answers revealed), and how many came before the first edit of any code
 * file: that edit starts at its first keystroke (`startT` of a merged edit), so a question asked while it
 * was being typed does not count as before it.
 */
function clarificationFacts(events: readonly SessionEvent[]): Pick<SessionFacts, 'clarificationsAsked' | 'clarificationsBeforeCode'> {
  const firstEdit = events.find(isCodeEdit);
  const codingFrom = firstEdit ? (firstEdit.startT ?? firstEdit.t) : Infinity;
  const asked = events.filter((e) => e.type === 'clarification');
  return { clarificationsAsked: asked.length, clarificationsBeforeCode: asked.filter((e) => e.t < codingFrom).length };
}

interface CodeFileState {
  text: string;
  /** The file's text when it first appeared (a created file's is empty): its comments are not the candidate's. */
  starter: string;
}

/**
 * Edge cases written down before the first line of code (the rule: ./edgeCases.ts, EDGE_CASE_RULE): the
 * plan notes' list items plus the candidate's comment lines above the first line of code of every code
 * file, at the first edit that typed code rather than comments in any of them. The files follow the log's
 * file events (a renamed file keeps its text and starter, a deleted one no longer counts). Null when no
 * code was typed.
 */
export function edgeCasesBeforeCode(events: readonly SessionEvent[]): number | null {
  const files = new Map<string, CodeFileState>();
  const fileOf = (path: string, text = ''): CodeFileState => {
    let file = files.get(path);
    if (!file) files.set(path, (file = { text, starter: text }));
    return file;
  };
  for (const e of events) {
    if (e.type === 'snapshot' && isCodeFile(e.file)) fileOf(e.file, e.text).text = e.text;
    else if (e.type === 'file-create') fileOf(e.file);
    else if (e.type === 'file-rename' && files.has(e.from)) {
      const file = files.get(e.from)!;
      files.delete(e.from);
      files.set(e.to, file);
    } else if (e.type === 'file-delete') files.delete(e.file);
    else if (isCodeEdit(e)) {
      const file = fileOf(e.file);
      const before = file.text;
      file.text = applyChanges(before, e.changes);
      const syntax = commentSyntaxOfPath(e.file);
      if (syntax && typedCode(before, file.text, syntax)) {
        // Notes typed in the same millisecond as the first code edit count as before it: replayText includes t <= at.
        const notes = replayText(events, 'notes.md', e.startT ?? e.t);
        // The texts just after the edit: a merged edit may hold the comments typed just before the code.
        return countListItems(notes) + leadingEdgeCases(files);
      }
    }
  }
  return null;
}

/** The candidate's leading comment lines over every code file of a language, each against its starter. */
function leadingEdgeCases(files: ReadonlyMap<string, CodeFileState>): number {
  let count = 0;
  for (const [path, file] of files) {
    const syntax = commentSyntaxOfPath(path);
    if (syntax) count += editorEdgeCases(file.text, file.starter, syntax);
  }
  return count;
}
