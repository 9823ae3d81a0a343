/** Choosing a plan: the interview date, then one of the guides' schedules or a custom one. */
import { useState } from 'react';
import { addDays, daysBetween, type LocalDate } from '../../core/plan/localDate';
import { customPlan, planFromTemplate } from '../../core/plan/plan';
import { PLAN_TEMPLATES, type PlanTemplate } from '../../core/plan/templates';
import type { PlanRecord } from '../../core/records/types';
import { PROTOCOLS } from '../../core/timer/protocols';
import { CATALOG } from '../../problems/catalog';

const CUSTOM = 'custom';

function templateLength(t: PlanTemplate): string {
  return `${t.days.length} days`;
}

export function PlanChooser({ today, onChoose }: { today: LocalDate; onChoose: (plan: PlanRecord) => void }) {
  const [interviewDate, setInterviewDate] = useState<LocalDate>(addDays(today, 5));
  const [choice, setChoice] = useState<string>(PLAN_TEMPLATES[0]!.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [protocolId, setProtocolId] = useState('coding-45');
  const [withMock, setWithMock] = useState(true);
  const daysAhead = daysBetween(today, interviewDate);
  const valid = daysAhead >= 1 && (choice !== CUSTOM || picked.length > 0);

  function choose() {
    const template = PLAN_TEMPLATES.find((t) => t.id === choice);
    const kind = CATALOG.find((p) => p.id === picked[0])?.kind ?? 'coding';
    const mockProtocolId = withMock ? (kind === 'design' ? 'design-45' : 'coding-75') : null;
    onChoose(
      template
        ? planFromTemplate(template, today, interviewDate, Date.now())
        : customPlan({ problemIds: picked, protocolId, mockProtocolId, mockKind: kind }, today, interviewDate, Date.now()),
    );
  }

  return (
    <section aria-labelledby="choose-plan" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="choose-plan" className="mb-3 text-lg font-semibold">
        Choose a plan
      </h2>
      <label className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        Interview date
        <input
          type="date"
          className="input"
          min={addDays(today, 1)}
          value={interviewDate}
          onChange={(e) => e.target.value && setInterviewDate(e.target.value)}
        />
        <span className="text-slate-400">{daysAhead >= 1 ? `${daysAhead} days from today` : 'Pick a day after today.'}</span>
      </label>
      <fieldset className="mb-4">
        <legend className="mb-2 text-sm text-slate-300">Plan</legend>
        {PLAN_TEMPLATES.map((t) => (
          <label key={t.id} className="mb-2 flex gap-2 text-sm">
            <input type="radio" name="plan" value={t.id} checked={choice === t.id} onChange={() => setChoice(t.id)} />
            <span>
              <span className="font-medium">{t.title}</span> <span className="text-slate-500">({templateLength(t)})</span>
              <span className="block text-slate-400">{t.summary}</span>
              {t.days.length > daysAhead && daysAhead >= 1 && (
                <span className="block text-amber-300">
                  Only {daysAhead} days are left: its first {t.days.length - daysAhead} days will be left out.
                </span>
              )}
            </span>
          </label>
        ))}
        <label className="flex gap-2 text-sm">
          <input type="radio" name="plan" value={CUSTOM} checked={choice === CUSTOM} onChange={() => setChoice(CUSTOM)} />
          <span>
            <span className="font-medium">Custom</span>
            <span className="block text-slate-400">The problems you pick, one a day in one protocol, and a full mock on the last day.</span>
          </span>
        </label>
      </fieldset>
      {choice === CUSTOM && (
        <div className="mb-4 grid gap-2 text-sm">
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {CATALOG.map((p) => (
              <label key={p.id} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={picked.includes(p.id)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, p.id] : picked.filter((id) => id !== p.id))}
                />
                {p.title}
              </label>
            ))}
          </div>
          <label className="flex items-center gap-2">
            Protocol
            <select className="input" value={protocolId} onChange={(e) => setProtocolId(e.target.value)}>
              {PROTOCOLS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={withMock} onChange={(e) => setWithMock(e.target.checked)} />A full mock interview on the last
            day
          </label>
        </div>
      )}
      <button type="button" className="btn btn-primary" disabled={!valid} onClick={choose}>
        Start this plan
      </button>
    </section>
  );
}
