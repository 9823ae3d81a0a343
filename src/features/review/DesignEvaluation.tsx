import type { RubricLevel, RubricPart } from '../../core/problems/parseDesign';
import { designWeightedTotal, LEVEL_LABELS } from '../../core/review/rubrics';
import type { DesignGrade } from '../../core/review/types';
import { Markdown } from '../../shared/Markdown';

const LEVELS: readonly RubricLevel[] = ['excellent', 'good', 'needsWork'];

interface Props {
  rubric: readonly RubricPart[];
  grades: readonly DesignGrade[];
  onChange(part: string, patch: { level?: RubricLevel | null; note?: string }): void;
}

/** A design problem's four-part evaluation: one level per part, from the problem's own rubric, and the weighted total. */
export function DesignEvaluation({ rubric, grades, onChange }: Props) {
  const total = designWeightedTotal(grades);
  return (
    <section aria-labelledby="design-eval-heading" className="space-y-3">
      <h3 id="design-eval-heading" className="text-base font-semibold">
        Design evaluation
      </h3>
      {rubric.map((part, index) => {
        const grade = grades.find((g) => g.part === part.part);
        const name = `design-level-${index}`;
        return (
          <fieldset key={part.part} className="space-y-2 rounded border border-slate-800 p-2">
            <legend className="px-1 text-sm font-medium">
              {part.part} ({part.weight} %)
            </legend>
            {LEVELS.map((level) => (
              <label key={level} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  className="mt-1"
                  name={name}
                  value={level}
                  checked={grade?.level === level}
                  onChange={() => onChange(part.part, { level })}
                  aria-label={`${part.part}: ${LEVEL_LABELS[level]}`}
                />
                <span>
                  <span className="font-medium">{LEVEL_LABELS[level]}</span>
                  <Markdown source={part.levels[level]} className="text-slate-300" />
                </span>
              </label>
            ))}
            <label className="block text-sm">
              <span className="sr-only">{part.part} note</span>
              <textarea
                className="input w-full text-sm"
                rows={2}
                placeholder="Note: what you did well or missed"
                value={grade?.note ?? ''}
                onChange={(e) => onChange(part.part, { note: e.target.value })}
              />
            </label>
          </fieldset>
        );
      })}
      <p className="text-sm" data-testid="design-total">
        {total === null ? 'Weighted total: grade every part to see it.' : `Weighted total: ${total} %`}
      </p>
    </section>
  );
}
