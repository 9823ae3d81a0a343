/**
 * A plan laid over the calendar and what it asks for today: its items of today, the items of earlier
 * days that no session completed (they roll over to today), and the problems due for a re-do. Pure: the
 * Plan page passes today's local date, the problems and their schedules.
 */
import type { ProblemKind } from '../problems/types';
import { addDays, daysBetween, describePastDay, type LocalDate } from './localDate';
import { isDue, type ProblemSchedule } from './due';
import type { PlanItemSpec, PlanTemplate } from './templates';
import type { PlanItemDone, PlanRecord } from './types';

export interface PlanProblem {
  id: string;
  kind: ProblemKind;
}

export interface TodayItem {
  /** Stable within a day: the plan item's id, or `due:<problemId>`. */
  key: string;
  itemId: string | null;
  problemId: string;
  protocolId: string | null;
  reason: string;
  source: 'plan' | 'rolled' | 'due';
  fresh: boolean;
}

export interface PlanDay {
  date: LocalDate;
  note: string;
  items: { id: string; spec: PlanItemSpec; done: PlanItemDone | null }[];
}

export const itemId = (day: number, index: number) => `d${day}i${index}`;

/**
 * A plan from a template for an interview on `interviewDate`, starting today. A template longer than the
 * days left loses its first days (the mocks near the end matter most before an interview).
 */
export function planFromTemplate(template: PlanTemplate, today: LocalDate, interviewDate: LocalDate, now: number): PlanRecord {
  const available = Math.max(1, daysBetween(today, interviewDate));
  const skip = Math.max(0, template.days.length - available);
  return {
    id: 'current',
    title: template.title,
    templateId: template.id,
    startDate: today,
    interviewDate,
    days: template.days.slice(skip),
    dayNotes: template.dayNotes.slice(skip),
    done: [],
    started: null,
    createdAt: now,
  };
}

/** A custom plan: the chosen problems one a day in the chosen protocol, and a full mock on the last day. */
export function customPlan(
  input: { problemIds: string[]; protocolId: string; mockProtocolId: string | null; mockKind: ProblemKind },
  today: LocalDate,
  interviewDate: LocalDate,
  now: number,
): PlanRecord {
  const available = Math.max(1, daysBetween(today, interviewDate));
  const studyDays = input.mockProtocolId ? Math.max(1, available - 1) : available;
  const days: PlanItemSpec[][] = Array.from({ length: studyDays }, () => []);
  input.problemIds.forEach((problemId, i) =>
    days[i % studyDays]!.push({ kind: 'problem', problemId, protocolId: input.protocolId, why: 'plan: your choice' }),
  );
  if (input.mockProtocolId && available > 1) {
    days.push([
      { kind: 'any', problemKind: input.mockKind, protocolId: input.mockProtocolId, why: 'plan: full mock interview', mock: true },
    ]);
  }
  return {
    id: 'current',
    title: 'Your own plan',
    templateId: null,
    startDate: today,
    interviewDate,
    days,
    dayNotes: days.map(() => ''),
    done: [],
    started: null,
    createdAt: now,
  };
}

export function planDays(plan: PlanRecord): PlanDay[] {
  return plan.days.map((specs, day) => ({
    date: addDays(plan.startDate, day),
    note: plan.dayNotes[day] ?? '',
    items: specs.map((spec, i) => ({ id: itemId(day, i), spec, done: plan.done.find((d) => d.itemId === itemId(day, i)) ?? null })),
  }));
}

/** Days from today to the interview (0 on the day itself, negative after it). */
export const daysLeft = (plan: PlanRecord, today: LocalDate) => daysBetween(today, plan.interviewDate);

/** The open items of days before today, then today's, then every problem due and not already planned. */
export function todayItems(
  plan: PlanRecord | null,
  today: LocalDate,
  problems: readonly PlanProblem[],
  schedules: ReadonlyMap<string, ProblemSchedule>,
): TodayItem[] {
  const items: TodayItem[] = [];
  const taken = new Set<string>();
  for (const day of plan ? planDays(plan) : []) {
    if (day.date > today) break;
    for (const { id, spec, done } of day.items) {
      if (done) continue;
      const problemId = resolve(spec, problems, schedules, taken, today);
      if (!problemId) continue;
      taken.add(problemId);
      const rolled = day.date < today;
      const schedule = schedules.get(problemId);
      // A planned problem that is also due says so: the plan item is its re-do.
      const alsoDue = schedule && isDue(schedule, today) ? `; ${dueReason(schedule, today)}` : '';
      items.push({
        key: id,
        itemId: id,
        problemId,
        protocolId: spec.protocolId,
        reason: (rolled ? `missed ${describePastDay(day.date, today)}: ${spec.why}` : spec.why) + alsoDue,
        source: rolled ? 'rolled' : 'plan',
        fresh: spec.kind === 'problem' ? !!spec.fresh : !!spec.mock,
      });
    }
  }
  const due = [...schedules.values()].filter((s) => isDue(s, today) && !taken.has(s.problemId));
  for (const s of due.sort((a, b) => (a.due < b.due ? -1 : 1))) {
    items.push({
      key: `due:${s.problemId}`,
      itemId: null,
      problemId: s.problemId,
      protocolId: s.last.protocolId,
      reason: dueReason(s, today),
      source: 'due',
      fresh: true,
    });
  }
  return items;
}

const dueReason = (s: ProblemSchedule, today: LocalDate) => `due: ${s.last.summary} ${describePastDay(s.last.day, today)}`;

/** An "any problem of a kind" item becomes the most overdue one of that kind, else the least practised. */
function resolve(
  spec: PlanItemSpec,
  problems: readonly PlanProblem[],
  schedules: ReadonlyMap<string, ProblemSchedule>,
  taken: ReadonlySet<string>,
  today: LocalDate,
): string | null {
  if (spec.kind === 'problem') return spec.problemId;
  const ofKind = problems.filter((p) => p.kind === spec.problemKind);
  // Every problem of the kind already planned today: repeat one rather than drop the item.
  const fresh = ofKind.filter((p) => !taken.has(p.id));
  const candidates = fresh.length ? fresh : ofKind;
  const due = candidates
    .filter((p) => schedules.has(p.id) && isDue(schedules.get(p.id)!, today))
    .sort((a, b) => (schedules.get(a.id)!.due < schedules.get(b.id)!.due ? -1 : 1));
  if (due[0]) return due[0].id;
  const attempts = (p: PlanProblem) => schedules.get(p.id)?.attempts ?? 0;
  return [...candidates].sort((a, b) => attempts(a) - attempts(b))[0]?.id ?? null;
}

/**
 * A session of `problemId` ended on `today`: the item it completes, if any — the item started from the
 * Plan page for this problem, else the first open item up to today naming this problem, else the first
 * open one asking for any problem of its kind. A session the plan did not ask for completes nothing.
 */
export function completeItem(
  plan: PlanRecord,
  session: { id: string; problemId: string },
  kind: ProblemKind,
  today: LocalDate,
): PlanRecord {
  if (plan.done.some((d) => d.sessionId === session.id)) return plan;
  const open = planDays(plan)
    .filter((d) => d.date <= today)
    .flatMap((d) => d.items)
    .filter((i) => !i.done);
  const started = plan.started?.problemId === session.problemId ? open.find((i) => i.id === plan.started!.itemId) : undefined;
  const item =
    started ??
    open.find((i) => i.spec.kind === 'problem' && i.spec.problemId === session.problemId) ??
    open.find((i) => i.spec.kind === 'any' && i.spec.problemKind === kind);
  if (!item) return plan;
  return {
    ...plan,
    done: [...plan.done, { itemId: item.id, sessionId: session.id, problemId: session.problemId, on: today }],
    started: plan.started?.itemId === item.id ? null : plan.started,
  };
}

/** What the plan still holds after today: items not done on the days to come. */
export function remainingDays(plan: PlanRecord, today: LocalDate): PlanDay[] {
  return planDays(plan).filter((d) => d.date > today);
}

export function planCounts(plan: PlanRecord): { done: number; total: number } {
  return { done: plan.done.length, total: plan.days.reduce((n, d) => n + d.length, 0) };
}
