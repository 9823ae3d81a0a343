/**
 * The replay's timeline as data: everything worth a mark under the waveform (phases, Run/Submit with their
 * results, silences, nudges, follow-ups, clarifications), built once from a session record and its event log.
 * Pure: the replay page draws it, the navigation helpers walk it, tests build it from plain objects.
 */
import { outcomeSummary } from '../api/formatResponse';
import type { HttpMethod } from '../api/http';
import type { LoggedTest, NudgeEvent, RequestEvent, RunEvent, SessionEvent, SessionRecord, SilenceInterval } from '../session/types';
import { formatClock } from '../timer/phaseClock';

export interface PhaseBand {
  phaseId: string;
  phaseIndex: number;
  name: string;
  startMs: number;
  endMs: number;
  /** From the phase's `phase-end` event, when it ended before the session did. */
  plannedMs: number | null;
  actualMs: number | null;
}

/** passed: every test passed; failed: it ran, some failed; error: it did not complete (compile error, time-out, crash). */
export type RunVerdict = 'passed' | 'failed' | 'error';

export interface RunMarker {
  t: number;
  mode: 'run' | 'submit';
  outcome: string;
  passed: number;
  total: number;
  tests: LoggedTest[] | null;
  message: string | null;
  verdict: RunVerdict;
  /** "Submit at 03:12: 12/15 passed" — the marker's accessible name. */
  label: string;
}

export interface NudgeMarker {
  t: number;
  kind: NudgeEvent['kind'];
  label: string;
}

export interface FollowUpMarker {
  t: number;
  index: number;
  question: string;
  label: string;
}

export interface ClarificationMarker {
  t: number;
  question: string;
  label: string;
}

/** An API scenario's Send (a `request` event), at the time of the Send. */
export interface RequestMarker {
  t: number;
  method: HttpMethod;
  path: string;
  /** The response's status; null for a time-out or an error. */
  status: number | null;
  /** "429 Too Many Requests · 3 ms", "timed out after 2000 ms", "error: …". */
  result: string;
  /** "GET /users at 03:12: 200 OK · 4 ms" — the marker's accessible name. */
  label: string;
}

export function requestMarkerOf(e: RequestEvent): RequestMarker {
  const result = outcomeSummary(e.outcome);
  return {
    t: e.t,
    method: e.request.method,
    path: e.request.path,
    status: e.outcome.kind === 'response' ? e.outcome.response.status : null,
    result,
    label: `${e.request.method} ${e.request.path} at ${formatClock(e.t)}: ${result}`,
  };
}

export interface SilenceRegion extends SilenceInterval {
  label: string;
}

export interface Timeline {
  durationMs: number;
  phases: PhaseBand[];
  runs: RunMarker[];
  silences: SilenceRegion[];
  nudges: NudgeMarker[];
  followUps: FollowUpMarker[];
  clarifications: ClarificationMarker[];
  /** When the reference solution was opened during the session. */
  referenceOpenings: { t: number; label: string }[];
  /** An API scenario's requests, in the order they were sent, and its service's restarts. */
  requests: RequestMarker[];
  serviceRestarts: { t: number; label: string }[];
}

const OUTCOME_TEXT: Record<string, string> = {
  'compile-error': 'compile error',
  timedout: 'timed out',
  crashed: 'crashed while loading',
  'not-counted': 'not counted',
};

export function runVerdict(run: Pick<RunEvent, 'outcome' | 'passed' | 'total'>): RunVerdict {
  if (run.outcome !== 'completed') return 'error';
  return run.total > 0 && run.passed === run.total ? 'passed' : 'failed';
}

/** What a run came to, in a few words: "12/15 passed" or "compile error". */
export function runResultText(run: Pick<RunEvent, 'outcome' | 'passed' | 'total'>): string {
  if (run.outcome === 'completed') return `${run.passed}/${run.total} passed`;
  const what = OUTCOME_TEXT[run.outcome] ?? run.outcome;
  return run.total > 0 ? `${what}, ${run.passed}/${run.total} passed` : what;
}

export function runMarkerOf(run: RunEvent): RunMarker {
  const label = `${run.mode === 'submit' ? 'Submit' : 'Run'} at ${formatClock(run.t)}: ${runResultText(run)}`;
  return {
    t: run.t,
    mode: run.mode,
    outcome: run.outcome,
    passed: run.passed,
    total: run.total,
    tests: run.tests ?? null,
    message: run.message ?? null,
    verdict: runVerdict(run),
    label,
  };
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const minutes = (ms: number) => (ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : seconds(ms));

export function nudgeLabel(nudge: NudgeEvent): string {
  const at = formatClock(nudge.t);
  switch (nudge.kind) {
    case 'silence':
      return `Nudge at ${at}: silent for ${seconds(nudge.silenceMs)}`;
    case 'no-run':
      return `Nudge at ${at}: editing for ${minutes(nudge.editingMs)} without running`;
    case 'plan-coding':
      return `Nudge at ${at}: coding during the plan phase`;
  }
}

/**
 * The session's length on the timeline: start to finish for a finished session; for one cut off, the
 * latest moment anything was recorded (an event or the end of an audio segment).
 */
export function sessionDurationMs(session: SessionRecord, events: readonly SessionEvent[]): number {
  const lastEvent = events.length ? events[events.length - 1]!.t : 0;
  const audioEnd = Math.max(0, ...(session.audio?.segments ?? []).map((s) => s.startMs + (s.durationMs ?? 0)));
  const recorded = Math.max(lastEvent, audioEnd);
  return session.endedAt !== null ? Math.max(session.endedAt - session.startedAt, recorded) : recorded;
}

/**
 * One band per `phase` event: it lasts until its `phase-end`, else until the next phase starts, else
 * until the session ends. Names come from the phases the session planned (they survive a protocol edit).
 */
export function phaseBands(session: SessionRecord, events: readonly SessionEvent[], durationMs: number): PhaseBand[] {
  const starts = events.filter((e): e is Extract<SessionEvent, { type: 'phase' }> => e.type === 'phase');
  const ends = events.filter((e): e is Extract<SessionEvent, { type: 'phase-end' }> => e.type === 'phase-end');
  return starts.map((start, i) => {
    const next = starts[i + 1];
    const end = ends.find((e) => e.phaseIndex === start.phaseIndex && e.t >= start.t && (next === undefined || e.t <= next.t));
    const endMs = end?.t ?? next?.t ?? durationMs;
    return {
      phaseId: start.phaseId,
      phaseIndex: start.phaseIndex,
      name: session.phases[start.phaseIndex]?.name ?? start.phaseId,
      startMs: start.t,
      endMs: Math.max(start.t, endMs),
      plannedMs: end?.plannedMs ?? null,
      actualMs: end?.actualMs ?? null,
    };
  });
}

export function buildTimeline(session: SessionRecord, events: readonly SessionEvent[]): Timeline {
  const durationMs = sessionDurationMs(session, events);
  const runs: RunMarker[] = [];
  const nudges: NudgeMarker[] = [];
  const followUps: FollowUpMarker[] = [];
  const clarifications: ClarificationMarker[] = [];
  const referenceOpenings: Timeline['referenceOpenings'] = [];
  const requests: RequestMarker[] = [];
  const serviceRestarts: Timeline['serviceRestarts'] = [];
  for (const e of events) {
    if (e.type === 'run') runs.push(runMarkerOf(e));
    else if (e.type === 'nudge') nudges.push({ t: e.t, kind: e.kind, label: nudgeLabel(e) });
    else if (e.type === 'followup')
      followUps.push({ t: e.t, index: e.index, question: e.question, label: `Follow-up at ${formatClock(e.t)}: ${e.question}` });
    else if (e.type === 'clarification')
      clarifications.push({ t: e.t, question: e.question, label: `Clarification at ${formatClock(e.t)}: ${e.question}` });
    else if (e.type === 'reference-opened') referenceOpenings.push({ t: e.t, label: `Reference opened at ${formatClock(e.t)}` });
    else if (e.type === 'request') requests.push(requestMarkerOf(e));
    else if (e.type === 'service-restart') serviceRestarts.push({ t: e.t, label: `Service restarted at ${formatClock(e.t)}` });
  }
  const silences = [...session.silences]
    .sort((a, b) => a.startMs - b.startMs)
    .map((s) => ({ ...s, label: `Silence at ${formatClock(s.startMs)} for ${seconds(s.endMs - s.startMs)}` }));
  return {
    durationMs,
    phases: phaseBands(session, events, durationMs),
    runs,
    silences,
    nudges,
    followUps,
    clarifications,
    referenceOpenings,
    requests,
    serviceRestarts,
  };
}
