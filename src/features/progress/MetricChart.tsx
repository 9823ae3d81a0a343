/**
 * One progress chart, drawn by uPlot on a canvas from data already in memory (read from IndexedDB), so
 * it needs no network. This module is loaded lazily by the progress page: uPlot stays out of the entry
 * chunk. The chart is decoration for sighted users; the table under the charts holds the same numbers.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSpec } from './chartSpecs';

const HEIGHT = 170;
const AXIS = { stroke: '#94a3b8', grid: { stroke: '#1e293b', width: 1 }, ticks: { stroke: '#334155', width: 1 } };

function chartOptions(spec: ChartSpec, width: number): uPlot.Options {
  const n = spec.xLabels.length;
  const yTicks = spec.yTicks;
  return {
    width,
    height: HEIGHT,
    // The legend is drawn by the page (ChartCard), in HTML: uPlot's live legend shows cursor values we do not use.
    legend: { show: false },
    cursor: { show: false },
    scales: {
      // x is the session's position (1…n), so sessions a day apart and a month apart are equally spaced.
      x: { time: false, range: [0.5, n + 0.5] },
      y: { range: spec.yRange ? [...spec.yRange] : (_u, _min, max) => [0, Math.max(1, Math.ceil((max ?? 1) * 1.15))] },
    },
    axes: [
      {
        ...AXIS,
        splits: () => spec.xLabels.map((_, i) => i + 1),
        values: (_u, splits) => splits.map((v) => spec.xLabels[v - 1] ?? ''),
      },
      {
        ...AXIS,
        // Room for word ticks ("passed") as well as numbers.
        size: yTicks ? 64 : 50,
        label: spec.unit || undefined,
        ...(yTicks
          ? {
              splits: () => yTicks.map((t) => t.value),
              values: (_u: uPlot, splits: number[]) => splits.map((v) => yTicks.find((t) => t.value === v)?.label ?? ''),
            }
          : {}),
      },
    ],
    series: [
      { label: 'Session' },
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        // Points only: no path joins a yes to a no.
        ...(s.pointsOnly ? { paths: () => null } : {}),
        spanGaps: true,
        points: { show: true, size: s.pointsOnly ? 10 : 7, fill: s.color, stroke: s.color },
      })),
    ],
  };
}

export default function MetricChart({ spec }: { spec: ChartSpec }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const data: uPlot.AlignedData = [spec.xLabels.map((_, i) => i + 1), ...spec.series.map((s) => s.values)];
    const plot = new uPlot(chartOptions(spec, Math.max(240, el.clientWidth)), data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec]);

  return <div ref={host} aria-hidden="true" data-testid={`chart-${spec.metric}`} />;
}
