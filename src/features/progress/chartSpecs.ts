/**
 * What each progress chart shows, as plain data: the page builds these from the series and the lazily
 * loaded chart component (MetricChart, the only importer of uPlot) draws them. One small chart per metric
 * reads more clearly than one chart with five scales.
 */
import { latestTrend, selfReviewOnScale, type MetricId, type ProgressPoint, type Trend } from '../../core/progress/series';
import { formatSelfReviewTotal, SELF_SCORE_MAX } from '../../core/review/rubrics';

export interface ChartSeries {
  label: string;
  /** One value per session (x = the session's position, oldest first); null leaves a gap. */
  values: (number | null)[];
  color: string;
  /** Draw points without joining lines (a yes/no figure has nothing between its values). */
  pointsOnly?: boolean;
}

export interface ChartSpec {
  metric: MetricId;
  title: string;
  /** The y axis label. */
  unit: string;
  series: ChartSeries[];
  /** Fixed y range (scores have a known scale); otherwise from the data, starting at zero. */
  yRange?: [number, number];
  /** Labels for y ticks; when set, only these values get a tick. */
  yTicks?: { value: number; label: string }[];
  /** Short date per session, for the x axis. */
  xLabels: string[];
  trend: Trend;
  /** Why the chart is empty, when no session has this figure. */
  emptyReason: string | null;
  /** A line under the title saying how to read the y axis, when the unit alone would not. */
  note?: string;
}

// Date and time: two sessions on one day must not share a label.
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const allNull = (values: readonly (number | null)[]) => values.every((v) => v === null);

/**
 * How the self-review chart reads, with the latest scored session as the example: its total as every page
 * words it, and the point drawn for it ("16 of 20 (2 of 6 items scored) is drawn at 8.0 of 10").
 */
function selfReviewNote(points: readonly ProgressPoint[]): string | undefined {
  const latest = [...points].reverse().find((p) => selfReviewOnScale(p) !== null);
  if (!latest) return undefined;
  const total = formatSelfReviewTotal({ total: latest.selfReview!, scored: latest.selfReviewScored });
  const onScale = selfReviewOnScale(latest)!;
  return `Each point is the average of the items scored, out of ${SELF_SCORE_MAX}: the latest, ${total}, is drawn at ${onScale.toFixed(1)}.`;
}

export function buildChartSpecs(points: readonly ProgressPoint[]): ChartSpec[] {
  const xLabels = points.map((p) => shortDate.format(new Date(p.startedAt)));
  const spec = (
    metric: MetricId,
    rest: Omit<ChartSpec, 'metric' | 'xLabels' | 'trend' | 'emptyReason'>,
    emptyReason: string,
    note?: string,
  ): ChartSpec => ({
    metric,
    xLabels,
    trend: latestTrend(points, metric),
    ...rest,
    emptyReason: rest.series.every((s) => allNull(s.values)) ? emptyReason : null,
    ...(note ? { note } : {}),
  });
  return [
    spec(
      'silence',
      {
        title: 'Silence per 10 minutes',
        unit: 'seconds per 10 min',
        series: [{ label: 'Silence (s per 10 min of audio)', values: points.map((p) => p.silencePer10MinS), color: '#38bdf8' }],
      },
      'None of these sessions recorded audio, so there is no silence to measure. Allow the microphone next time.',
    ),
    spec(
      'firstSubmit',
      {
        title: 'First Submit passed every hidden test',
        unit: '',
        // Two series so colour agrees with the verdict: a failed first Submit is a red dot, never a green one.
        series: [
          { label: 'Passed', values: points.map((p) => (p.firstSubmitPassed === true ? 1 : null)), color: '#34d399', pointsOnly: true },
          { label: 'Failed', values: points.map((p) => (p.firstSubmitPassed === false ? 0 : null)), color: '#f43f5e', pointsOnly: true },
        ],
        yRange: [-0.25, 1.25],
        yTicks: [
          { value: 0, label: 'failed' },
          { value: 1, label: 'passed' },
        ],
      },
      'None of these sessions has a Submit yet.',
    ),
    spec(
      'runs',
      {
        title: 'Runs per session',
        unit: 'runs',
        series: [
          { label: 'Runs and Submits', values: points.map((p) => p.runs + p.submits), color: '#a78bfa' },
          { label: 'In the coding phase', values: points.map((p) => p.runsInCodePhase), color: '#fbbf24' },
        ],
      },
      'No runs yet.',
    ),
    spec(
      'selfReview',
      {
        title: 'Self-review',
        unit: `average per item, of ${SELF_SCORE_MAX}`,
        series: [
          { label: `Self-review (average per item scored, of ${SELF_SCORE_MAX})`, values: points.map(selfReviewOnScale), color: '#f472b6' },
        ],
        yRange: [0, SELF_SCORE_MAX],
      },
      'No session here has a self-review yet. Open a session from Sessions and score it beside the replay.',
      selfReviewNote(points),
    ),
    spec(
      'design',
      {
        title: 'Design evaluation',
        unit: 'percent',
        series: [{ label: 'Design (%)', values: points.map((p) => p.designPercent), color: '#fb923c' }],
        yRange: [0, 100],
      },
      'No design evaluation here yet: grade all four parts of a design session’s rubric to see it.',
    ),
  ];
}
