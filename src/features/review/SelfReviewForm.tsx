import { selfReviewFact } from '../../core/analysis/describeFacts';
import type { SessionFacts } from '../../core/analysis/types';
import { formatSelfReviewTotal, SELF_REVIEW_ITEMS, selfReviewTotal } from '../../core/review/rubrics';
import type { SelfReviewItemId, SelfScore } from '../../core/review/types';

const SCORES = Array.from({ length: 10 }, (_, i) => i + 1);

interface Props {
  facts: SessionFacts;
  scores: Record<SelfReviewItemId, SelfScore>;
  onChange(item: SelfReviewItemId, patch: Partial<SelfScore>): void;
}

/** The six self-review items: a 1–10 score and a note each, with the measured fact that bears on it. */
export function SelfReviewForm({ facts, scores, onChange }: Props) {
  const total = selfReviewTotal(scores);
  return (
    <section aria-labelledby="self-review-heading" className="space-y-3">
      <h3 id="self-review-heading" className="text-base font-semibold">
        Self-review
      </h3>
      <p className="text-xs text-slate-400">Score each item from 1 (not yet) to 10 (interview-ready) while you watch the replay.</p>
      {SELF_REVIEW_ITEMS.map((item) => {
        const value = scores[item.id];
        const scoreId = `self-score-${item.id}`;
        const noteId = `self-note-${item.id}`;
        return (
          <fieldset key={item.id} className="space-y-1 rounded border border-slate-800 p-2">
            <legend className="px-1 text-sm font-medium">{item.label}</legend>
            <p className="text-xs text-slate-400">{item.prompt}</p>
            <p className="text-xs text-sky-300">
              <span className="text-slate-400">Measured: </span>
              {selfReviewFact(item.id, facts)}
            </p>
            <div className="flex items-center gap-2">
              <label htmlFor={scoreId} className="text-sm">
                Score
              </label>
              <select
                id={scoreId}
                className="input text-sm"
                aria-label={`${item.label} score`}
                value={value.score ?? ''}
                onChange={(e) => onChange(item.id, { score: e.target.value === '' ? null : Number(e.target.value) })}
              >
                <option value="">Not scored</option>
                {SCORES.map((n) => (
                  <option key={n} value={n}>
                    {n} / 10
                  </option>
                ))}
              </select>
            </div>
            <label htmlFor={noteId} className="sr-only">
              {item.label} note
            </label>
            <textarea
              id={noteId}
              className="input w-full text-sm"
              rows={2}
              placeholder="Note: what you saw in the replay"
              value={value.note}
              onChange={(e) => onChange(item.id, { note: e.target.value })}
            />
          </fieldset>
        );
      })}
      <p className="text-sm" data-testid="self-review-total">
        {total ? `Total: ${formatSelfReviewTotal(total)}` : 'Total: score an item to see it.'}
      </p>
    </section>
  );
}
