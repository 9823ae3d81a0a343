/**
 * Attempts: every practice of a problem can start from scratch (New attempt), and the earlier ones are
 * kept. An attempt is the stretch between two New attempts: its code and notes when it ended, its
 * Submits, and the recorded sessions that belong to it. Pure: storage keeps the records, the catalog,
 * the workspace history and the progress page read these summaries.
 */
import type { AttemptRecord, CurrentAttemptFields, SubmitSummary } from '../records/types';
import { countsAsSolved } from './solved';

/** What the catalog, the history and the comparisons need of an attempt, finished or current. */
export type AttemptSummary = Pick<
  AttemptRecord,
  'number' | 'startedAt' | 'submits' | 'lastSubmit' | 'submitsUntilAllPass' | 'firstAllPassAt'
> & {
  /** When it was last worked on (its end, or the practice record's last update for the current one). */
  lastAt: number;
};

/** After a Submit: the attempt's pass figures (the first all-passing Submit is kept, later ones do not move it). */
export function afterSubmit(
  current: { submits: number; submitsUntilAllPass: number | null; firstAllPassAt: number | null },
  result: { outcome: string; passed: number; total: number },
  now: number,
): { submits: number; submitsUntilAllPass: number | null; firstAllPassAt: number | null } {
  const submits = current.submits + 1;
  if (current.submitsUntilAllPass !== null || !countsAsSolved(result)) return { ...current, submits };
  return { submits, submitsUntilAllPass: submits, firstAllPassAt: now };
}

/** Time from the attempt's first Start to its first all-passing Submit, ms; null when either is missing. */
export function timeToAllPassMs(a: Pick<AttemptSummary, 'startedAt' | 'firstAllPassAt'>): number | null {
  if (a.startedAt === null || a.firstAllPassAt === null) return null;
  return Math.max(0, a.firstAllPassAt - a.startedAt);
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * The better of two attempts: passing beats not passing; among passing ones, fewer Submits to pass, then
 * the faster; among the rest, the larger share of hidden tests on the last Submit.
 */
function better(a: AttemptSummary, b: AttemptSummary): AttemptSummary {
  if (a.submitsUntilAllPass !== null || b.submitsUntilAllPass !== null) {
    if (a.submitsUntilAllPass === null) return b;
    if (b.submitsUntilAllPass === null) return a;
    if (a.submitsUntilAllPass !== b.submitsUntilAllPass) return a.submitsUntilAllPass < b.submitsUntilAllPass ? a : b;
    const ta = timeToAllPassMs(a) ?? Infinity;
    const tb = timeToAllPassMs(b) ?? Infinity;
    return tb < ta ? b : a;
  }
  const share = (s: AttemptSummary) => (s.lastSubmit && s.lastSubmit.total > 0 ? s.lastSubmit.passed / s.lastSubmit.total : -1);
  return share(b) > share(a) ? b : a;
}

export function bestAttempt(attempts: readonly AttemptSummary[]): AttemptSummary | null {
  return attempts.reduce<AttemptSummary | null>((best, a) => (best ? better(best, a) : a), null);
}

/** "all hidden tests on the 1st Submit", "9/12 hidden tests", "nothing submitted yet". */
export function describeResult(a: AttemptSummary): string {
  if (a.submitsUntilAllPass !== null) return `all hidden tests on the ${ordinal(a.submitsUntilAllPass)} Submit`;
  if (a.lastSubmit) return `${a.lastSubmit.passed}/${a.lastSubmit.total} hidden tests`;
  return 'nothing submitted yet';
}

export interface PracticeHistoryLine {
  attempts: number;
  /** "3 attempts · best: all hidden tests on the 1st Submit" */
  text: string;
  lastAt: number | null;
}

/** The catalog card's line about a problem's attempts. */
export function describeHistory(attempts: readonly AttemptSummary[]): PracticeHistoryLine | null {
  if (attempts.length === 0) return null;
  const best = bestAttempt(attempts)!;
  const lastAt = attempts.reduce((m, a) => Math.max(m, a.lastAt), 0);
  const count = `${attempts.length} ${attempts.length === 1 ? 'attempt' : 'attempts'}`;
  return { attempts: attempts.length, text: `${count} · best: ${describeResult(best)}`, lastAt };
}

/**
 * A design problem's catalog line: attempts have no Submits, so the best is the finished session that met
 * the most items of the design checklist (as graded when it finished, core/plan/measureAttempt.ts).
 * "2 attempts · best: 4 of 6 design checklist items met".
 */
export function describeDesignHistory(
  attempts: readonly AttemptSummary[],
  graded: readonly { checklist: readonly { status: string }[] }[],
): PracticeHistoryLine | null {
  if (attempts.length === 0 && graded.length === 0) return null;
  const lastAt = attempts.reduce((m, a) => Math.max(m, a.lastAt), 0);
  const n = Math.max(attempts.length, 1);
  const count = `${n} ${n === 1 ? 'attempt' : 'attempts'}`;
  const scores = graded.map((g) => ({ met: g.checklist.filter((c) => c.status === 'met').length, total: g.checklist.length }));
  const best = scores.reduce<{ met: number; total: number } | null>((b, s) => (!b || s.met > b.met ? s : b), null);
  const text = best ? `best: ${best.met} of ${best.total} design checklist items met` : 'best: no session finished yet';
  return { attempts: n, text: `${count} · ${text}`, lastAt };
}

/** Problem ids ordered by when they were last practised, never-practised first, then the oldest. */
export function byLeastRecentlyPractised<T extends { id: string }>(
  items: readonly T[],
  lastPractisedAt: (id: string) => number | null,
): T[] {
  return items
    .map((item, index) => ({ item, index, at: lastPractisedAt(item.id) }))
    .sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity) || a.index - b.index)
    .map((x) => x.item);
}

/** Figures of one attempt that can be compared with another of the same problem. */
export interface AttemptFigures {
  number: number;
  timeToAllPassMs: number | null;
  /** Silence per 10 minutes of recorded audio, ms; null without audio. */
  silencePer10MinMs: number | null;
  submitsUntilAllPass: number | null;
}

const minutes = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/**
 * "2nd attempt: 12 min faster to all-passing, 40 s less silence per 10 min" — how an attempt compares with
 * the one before it. Only figures both attempts have are compared; null when there is nothing to say.
 */
export function compareAttempts(previous: AttemptFigures, current: AttemptFigures): string | null {
  const parts: string[] = [];
  if (current.timeToAllPassMs !== null && previous.timeToAllPassMs !== null) {
    const d = previous.timeToAllPassMs - current.timeToAllPassMs;
    if (Math.abs(d) >= 1000) parts.push(`${minutes(Math.abs(d))} ${d > 0 ? 'faster' : 'slower'} to all-passing`);
    else parts.push('as fast to all-passing');
  } else if (current.submitsUntilAllPass !== null && previous.submitsUntilAllPass === null) {
    parts.push('all hidden tests passed this time');
  } else if (current.submitsUntilAllPass === null && previous.submitsUntilAllPass !== null) {
    parts.push('did not reach all-passing this time');
  }
  if (current.silencePer10MinMs !== null && previous.silencePer10MinMs !== null) {
    const d = previous.silencePer10MinMs - current.silencePer10MinMs;
    if (Math.abs(d) >= 1000) parts.push(`${minutes(Math.abs(d))} ${d > 0 ? 'less' : 'more'} silence per 10 min`);
  }
  if (parts.length === 0) return null;
  return `${ordinal(current.number)} attempt: ${parts.join(', ')}`;
}

/** The current attempt as the practice record holds it. */
export interface CurrentAttemptRecord extends CurrentAttemptFields {
  submits: number;
  lastSubmit: SubmitSummary | null;
  updatedAt: number;
  clock: unknown;
}

/**
 * The current attempt's summary, or null when it holds nothing yet (never started, never submitted): a
 * problem only opened, or just reset by New attempt, is not an attempt.
 */
export function currentAttemptSummary(record: CurrentAttemptRecord): AttemptSummary | null {
  const started = record.attemptStartedAt != null || (record.sessionIds?.length ?? 0) > 0 || record.clock != null;
  if (!started && record.submits === 0) return null;
  return {
    number: record.attempt ?? 1,
    startedAt: record.attemptStartedAt ?? null,
    submits: record.submits,
    lastSubmit: record.lastSubmit,
    submitsUntilAllPass: record.submitsUntilAllPass ?? null,
    firstAllPassAt: record.firstAllPassAt ?? null,
    lastAt: record.updatedAt,
  };
}

/** Every attempt of a problem, oldest first: the finished ones from the history, then the current one. */
export function allAttempts(history: readonly AttemptRecord[], current: CurrentAttemptRecord | null | undefined): AttemptSummary[] {
  const finished = history.map((a) => ({ ...a, lastAt: a.endedAt }));
  const now = current ? currentAttemptSummary(current) : null;
  return now ? [...finished, now] : finished;
}

/** Silence and recorded audio of one session, for comparing attempts. */
export interface SessionTalk {
  silenceMs: number;
  audioMs: number;
}

/** An attempt's comparable figures from its record and the talk of its sessions. */
export function attemptFigures(
  attempt: AttemptSummary & { sessionIds?: readonly string[] },
  talkOf: (sessionId: string) => SessionTalk | null,
): AttemptFigures {
  const talks = (attempt.sessionIds ?? []).map(talkOf).filter((t): t is SessionTalk => t !== null && t.audioMs > 0);
  const audioMs = talks.reduce((sum, t) => sum + t.audioMs, 0);
  const silenceMs = talks.reduce((sum, t) => sum + t.silenceMs, 0);
  return {
    number: attempt.number,
    timeToAllPassMs: timeToAllPassMs(attempt),
    silencePer10MinMs: audioMs > 0 ? (silenceMs / audioMs) * 600_000 : null,
    submitsUntilAllPass: attempt.submitsUntilAllPass,
  };
}

/** Each attempt after the first compared with the one before it, oldest first (attempts with nothing to compare are left out). */
export function compareConsecutive(
  attempts: readonly (AttemptSummary & { sessionIds?: readonly string[] })[],
  talkOf: (sessionId: string) => SessionTalk | null,
): string[] {
  const figures = [...attempts].sort((a, b) => a.number - b.number).map((a) => attemptFigures(a, talkOf));
  return figures.slice(1).flatMap((current, i) => compareAttempts(figures[i]!, current) ?? []);
}
