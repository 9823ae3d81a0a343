/**
 * #/plan: the plan towards an interview. Without a plan, the chooser; with one, Today (the plan's items,
 * rolled-over ones and due re-dos, each with why), the days left and what the plan still holds, every
 * graded problem's next re-do, readiness by kind, and backing up everything.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { describePastDay, localDateAt } from '../../core/plan/localDate';
import { daysLeft, planCounts, remainingDays, todayItems, type TodayItem } from '../../core/plan/plan';
import { schedulesOf } from '../../core/plan/schedule';
import type { PlanRecord } from '../../core/records/types';
import { CATALOG } from '../../problems/catalog';
import { AppNav } from '../../shared/AppNav';
import { useNow } from '../../shared/useNow';
import { deletePlan, markPlanItemStarted, savePlan } from '../../storage/plan';
import { choosePracticeProtocol } from '../../storage/practice';
import type { ReactNode } from 'react';
import { PlanChooser } from './PlanChooser';
import { PlanOverview } from './PlanOverview';
import { ReadinessPanel } from './ReadinessPanel';
import { ReDoList } from './ReDoList';
import { TodayList } from './TodayList';
import { usePlanData } from './usePlanData';

const PROBLEMS = CATALOG.map((p) => ({ id: p.id, kind: p.kind }));

function PlanSummary({ plan, today, onDrop }: { plan: PlanRecord; today: string; onDrop: () => void }) {
  const left = daysLeft(plan, today);
  const { done, total } = planCounts(plan);
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="plan-title" className="mb-6 rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="plan-title" className="text-lg font-semibold">
        {plan.title}
      </h2>
      <p data-testid="days-left" className="text-slate-200">
        {left > 1
          ? `${left} days left until the interview on ${plan.interviewDate}.`
          : left === 1
            ? `The interview is tomorrow (${plan.interviewDate}).`
            : left === 0
              ? 'The interview is today. Good luck!'
              : `The interview was ${describePastDay(plan.interviewDate, today)}.`}
      </p>
      <p className="text-sm text-slate-400" data-testid="plan-progress">
        {done} of {total} planned sessions done.
      </p>
      {confirming ? (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          End this plan? Its progress goes; your sessions and re-dos stay.
          <button type="button" className="btn" onClick={onDrop}>
            End the plan
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </p>
      ) : (
        <button type="button" className="btn mt-2" onClick={() => setConfirming(true)}>
          Choose another plan
        </button>
      )}
    </section>
  );
}

/**
 * `footer`: what the app shows under the plan (the backup panel, from the bundle feature), given a way to
 * read the plan again (after a restore).
 */
export function PlanPage({ footer }: { footer?: (reload: () => void) => ReactNode }) {
  const { data, reload } = usePlanData();
  const [, navigate] = useLocation();
  // Today comes from the local clock, re-read each minute, so the page turns over at midnight.
  const today = localDateAt(useNow(60_000));
  const ready = data.status === 'ready' ? data : null;
  const schedules = useMemo(() => (ready ? schedulesOf(ready.cards, ready.reviews) : new Map()), [ready]);

  useEffect(() => {
    document.title = 'Plan · Rehearse';
  }, []);

  async function start(item: TodayItem) {
    if (item.itemId) await markPlanItemStarted({ itemId: item.itemId, problemId: item.problemId });
    if (item.protocolId) await choosePracticeProtocol(item.problemId, item.protocolId);
    navigate(`/problems/${item.problemId}`);
  }

  return (
    <main className="mx-auto max-w-5xl p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Plan</h1>
        <AppNav />
      </div>
      {data.status === 'loading' && <p className="text-slate-400">Loading your plan…</p>}
      {data.status === 'error' && <p className="text-red-300">Your plan could not be read: {data.message}</p>}
      {ready && !ready.plan && <PlanChooser today={today} onChoose={(plan) => void savePlan(plan).then(reload)} />}
      {ready?.plan && (
        <>
          <PlanSummary plan={ready.plan} today={today} onDrop={() => void deletePlan().then(reload)} />
          <TodayList items={todayItems(ready.plan, today, PROBLEMS, schedules)} onStart={(item) => void start(item)} />
          <PlanOverview days={remainingDays(ready.plan, today)} />
        </>
      )}
      {ready && !ready.plan && schedules.size > 0 && (
        <TodayList items={todayItems(null, today, PROBLEMS, schedules)} onStart={(item) => void start(item)} />
      )}
      {ready && <ReDoList schedules={[...schedules.values()]} today={today} />}
      {ready && <ReadinessPanel cards={ready.cards} />}
      {footer?.(reload)}
    </main>
  );
}
