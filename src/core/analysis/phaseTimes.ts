/**
 * Where each phase of a session lies in session time, and how much active time it took.
 *
 * Newer logs say it directly: a `phase-end` event carries the phase's planned and active milliseconds,
 * exactly as the phase clock measured them. Older logs have only `phase` events (one when each phase
 * began), so a phase's time is derived from its start to the next phase's start (or the session's end),
 * minus the pauses in between, which is what the phase clock would have measured.
 */
import type { SessionEvent, SessionRecord } from '../session/types';
import { findProtocol, type PhasePlan } from '../timer/protocols';
import type { PhaseFact } from './types';

/** One reached phase placed in session time: [startMs, endMs), endMs being the session end when it never ended. */
export interface PhaseSpan {
  phaseIndex: number;
  phaseId: string;
  startMs: number;
  endMs: number;
  /** False for the phase still running when the log stops: everything up to the end belongs to it. */
  ended: boolean;
}

/** Whether session time `t` falls in the span (an unended span includes the end itself). */
export function inSpan(span: PhaseSpan, t: number): boolean {
  return t >= span.startMs && (t < span.endMs || !span.ended);
}

/**
 * The session's plan: the phases it recorded when it started; for very old records (no phases kept),
 * the protocol's current phases; failing that, the phases the log itself names, with their planned time
 * from `phase-end` when known.
 */
export function phasePlan(session: SessionRecord, events: readonly SessionEvent[]): { id: string; name: string; plannedMs: number }[] {
  const recorded: readonly PhasePlan[] = session.phases.length > 0 ? session.phases : (findProtocol(session.protocolId)?.phases ?? []);
  if (recorded.length > 0) return recorded.map((p) => ({ id: p.id, name: p.name, plannedMs: p.minutes * 60_000 }));
  const byIndex = new Map<number, { id: string; name: string; plannedMs: number }>();
  for (const e of events) {
    if (e.type !== 'phase' && e.type !== 'phase-end') continue;
    const known = byIndex.get(e.phaseIndex);
    const plannedMs = e.type === 'phase-end' ? e.plannedMs : (known?.plannedMs ?? 0);
    byIndex.set(e.phaseIndex, { id: e.phaseId, name: e.phaseId, plannedMs });
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}

/** Pauses as [start, end) in session time; a pause never resumed lasts until `endMs`. */
export function pauseIntervals(events: readonly SessionEvent[], endMs: number): [number, number][] {
  const out: [number, number][] = [];
  let pausedAt: number | null = null;
  for (const e of events) {
    if (e.type === 'pause' && pausedAt === null) pausedAt = e.t;
    else if (e.type === 'resume' && pausedAt !== null) {
      out.push([pausedAt, Math.max(pausedAt, e.t)]);
      pausedAt = null;
    }
  }
  if (pausedAt !== null) out.push([pausedAt, Math.max(pausedAt, endMs)]);
  return out;
}

function pausedWithin(pauses: readonly [number, number][], start: number, end: number): number {
  return pauses.reduce((sum, [from, to]) => sum + Math.max(0, Math.min(to, end) - Math.max(from, start)), 0);
}

/** Every phase the log shows as reached, in order, with where it ended (its `phase-end`, the next phase, or the session end). */
export function phaseSpans(events: readonly SessionEvent[], sessionEndMs: number): PhaseSpan[] {
  const starts: { phaseIndex: number; phaseId: string; t: number }[] = [];
  const endOf = new Map<number, number>();
  for (const e of events) {
    // A phase logged twice (never expected) keeps its first start.
    if (e.type === 'phase' && !starts.some((s) => s.phaseIndex === e.phaseIndex))
      starts.push({ phaseIndex: e.phaseIndex, phaseId: e.phaseId, t: e.t });
    if (e.type === 'phase-end' && !endOf.has(e.phaseIndex)) endOf.set(e.phaseIndex, e.t);
  }
  return starts.map((start, i) => {
    const end = endOf.get(start.phaseIndex) ?? starts[i + 1]?.t;
    return {
      phaseIndex: start.phaseIndex,
      phaseId: start.phaseId,
      startMs: start.t,
      endMs: Math.max(start.t, end ?? sessionEndMs),
      ended: end !== undefined,
    };
  });
}

/** Planned against actual active time for every phase of the plan. */
export function phaseFacts(session: SessionRecord, events: readonly SessionEvent[], sessionEndMs: number): PhaseFact[] {
  const spans = phaseSpans(events, sessionEndMs);
  const pauses = pauseIntervals(events, sessionEndMs);
  const ended = new Map<number, { plannedMs: number; actualMs: number }>();
  for (const e of events) if (e.type === 'phase-end' && !ended.has(e.phaseIndex)) ended.set(e.phaseIndex, e);

  return phasePlan(session, events).map((plan, phaseIndex) => {
    const span = spans.find((s) => s.phaseIndex === phaseIndex);
    const end = ended.get(phaseIndex);
    let actualMs: number | null = null;
    if (end) {
      // "End session" ends every remaining phase at once: those were never reached, whatever 0 ms says.
      actualMs = span || end.actualMs > 0 ? end.actualMs : null;
    } else if (span) {
      actualMs = Math.max(0, span.endMs - span.startMs - pausedWithin(pauses, span.startMs, span.endMs));
    }
    return { phaseId: plan.id, name: plan.name, plannedMs: plan.plannedMs, actualMs };
  });
}
