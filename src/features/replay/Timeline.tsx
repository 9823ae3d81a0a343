/**
 * Under the waveform, in session time: phase bands, silences, Run/Submit markers coloured by result,
 * nudges, follow-ups and clarifications. Every mark is a button that seeks to it; a click anywhere else
 * on the track seeks there.
 */
import type { MouseEvent, ReactNode } from 'react';
import type { RunMarker, RunVerdict, Timeline as TimelineData } from '../../core/replay/timeline';
import { formatClock } from '../../core/timer/phaseClock';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

const VERDICT_STYLE: Record<RunVerdict, string> = {
  passed: 'bg-emerald-500',
  failed: 'bg-rose-500',
  error: 'bg-amber-400',
};

const PHASE_STYLES = ['bg-sky-900/70', 'bg-indigo-900/70', 'bg-teal-900/70', 'bg-violet-900/70'];

function percent(ms: number, durationMs: number): string {
  return `${durationMs > 0 ? Math.min(100, Math.max(0, (ms / durationMs) * 100)) : 0}%`;
}

function Row({ label, height, children }: { label: string; height: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-20 shrink-0 text-right text-xs text-slate-400">{label}</span>
      <div className={`relative flex-1 ${height}`}>{children}</div>
    </div>
  );
}

function Mark({
  at,
  durationMs,
  label,
  className,
  onSeek,
  testId,
}: {
  at: number;
  durationMs: number;
  label: string;
  className: string;
  onSeek(ms: number): void;
  testId: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-at-ms={at}
      onClick={() => onSeek(at)}
      style={{ left: percent(at, durationMs) }}
      className={`absolute top-1/2 -translate-x-1/2 -translate-y-1/2 focus:outline-2 focus:outline-offset-1 focus:outline-sky-300 ${className}`}
    />
  );
}

function RunMark({ run, durationMs, onSeek }: { run: RunMarker; durationMs: number; onSeek(ms: number): void }) {
  // Submit is a diamond, Run a dot: told apart without colour too.
  const shape = run.mode === 'submit' ? 'h-3.5 w-3.5 rotate-45' : 'h-3 w-3 rounded-full';
  return (
    <Mark
      at={run.t}
      durationMs={durationMs}
      label={run.label}
      onSeek={onSeek}
      testId={`${run.mode}-marker`}
      className={`${shape} ${VERDICT_STYLE[run.verdict]} border border-slate-950`}
    />
  );
}

const REQUEST_STYLE = (status: number | null) =>
  status === null ? 'bg-amber-400' : status >= 500 ? 'bg-rose-500' : status >= 400 ? 'bg-amber-300' : 'bg-emerald-400';

/** An API scenario's Sends (squares coloured by status) and its service's restarts (bars). */
function RequestsRow({ timeline, onSeek }: { timeline: TimelineData; onSeek(ms: number): void }) {
  const { durationMs } = timeline;
  return (
    <Row label="Requests" height="h-4">
      {timeline.requests.map((r, i) => (
        <Mark
          key={`q${i}`}
          at={r.t}
          durationMs={durationMs}
          label={r.label}
          onSeek={onSeek}
          testId="request-marker"
          className={`h-2.5 w-2.5 border border-slate-950 ${REQUEST_STYLE(r.status)}`}
        />
      ))}
      {timeline.serviceRestarts.map((r, i) => (
        <Mark
          key={`s${i}`}
          at={r.t}
          durationMs={durationMs}
          label={r.label}
          onSeek={onSeek}
          testId="service-restart-marker"
          className="h-3.5 w-1 bg-slate-300"
        />
      ))}
    </Row>
  );
}

function Playhead({ controller, durationMs }: { controller: PlaybackController; durationMs: number }) {
  const at = usePlaybackState(controller, (s) => s.playheadMs);
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute inset-y-0 w-0.5 bg-slate-100"
      style={{ left: percent(at, durationMs) }}
    />
  );
}

export function Timeline({
  timeline,
  controller,
  audioRow,
}: {
  timeline: TimelineData;
  controller: PlaybackController;
  audioRow: ReactNode;
}) {
  const { durationMs } = timeline;
  const onSeek = (ms: number) => controller.seek(ms);

  // A click on the track itself (not a mark, not the waveform, which seeks on its own) seeks to that point.
  const onTrackClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('button, [data-testid="waveform"]')) return;
    const track = e.currentTarget.querySelector<HTMLElement>('[data-track]');
    if (!track) return;
    const rect = track.getBoundingClientRect();
    if (e.clientX < rect.left || e.clientX > rect.right || rect.width === 0) return;
    controller.seek(((e.clientX - rect.left) / rect.width) * durationMs);
  };

  return (
    <div>
      <div role="group" aria-label="Session timeline" className="relative space-y-1" onClick={onTrackClick} data-testid="timeline">
        <Row label="Audio" height="h-14">
          <div data-track className="absolute inset-0" />
          {audioRow}
        </Row>
        <Row label="Phases" height="h-6">
          {timeline.phases.map((p) => (
            <button
              key={`${p.phaseIndex}-${p.startMs}`}
              type="button"
              data-testid="phase-band"
              aria-label={`${p.name} phase from ${formatClock(p.startMs)} to ${formatClock(p.endMs)}`}
              title={`${p.name}: ${formatClock(p.startMs)}–${formatClock(p.endMs)}${p.plannedMs !== null ? ` (planned ${formatClock(p.plannedMs)})` : ''}`}
              onClick={() => onSeek(p.startMs)}
              style={{ left: percent(p.startMs, durationMs), width: percent(p.endMs - p.startMs, durationMs) }}
              className={`absolute inset-y-0 overflow-hidden border-r border-slate-950 px-1 text-left text-xs whitespace-nowrap text-slate-200 focus:outline-2 focus:outline-sky-300 ${PHASE_STYLES[p.phaseIndex % PHASE_STYLES.length]}`}
            >
              {p.name}
            </button>
          ))}
        </Row>
        <Row label="Silences" height="h-3">
          {timeline.silences.map((s) => (
            <button
              key={s.startMs}
              type="button"
              data-testid="silence-region"
              aria-label={s.label}
              title={s.label}
              onClick={() => onSeek(s.startMs)}
              style={{ left: percent(s.startMs, durationMs), width: percent(s.endMs - s.startMs, durationMs) }}
              className="absolute inset-y-0 min-w-1 rounded-sm bg-slate-500 focus:outline-2 focus:outline-sky-300"
            />
          ))}
        </Row>
        <Row label="Run / Submit" height="h-5">
          {timeline.runs.map((r) => (
            <RunMark key={r.t} run={r} durationMs={durationMs} onSeek={onSeek} />
          ))}
        </Row>
        <Row label="Moments" height="h-4">
          {timeline.nudges.map((n) => (
            <Mark
              key={`n${n.t}`}
              at={n.t}
              durationMs={durationMs}
              label={n.label}
              onSeek={onSeek}
              testId="nudge-marker"
              className="h-0 w-0 border-x-[6px] border-b-[10px] border-x-transparent border-b-amber-300"
            />
          ))}
          {timeline.followUps.map((f) => (
            <Mark
              key={`f${f.t}`}
              at={f.t}
              durationMs={durationMs}
              label={f.label}
              onSeek={onSeek}
              testId="followup-marker"
              className="h-3 w-1.5 bg-sky-300"
            />
          ))}
          {timeline.clarifications.map((c) => (
            <Mark
              key={`c${c.t}`}
              at={c.t}
              durationMs={durationMs}
              label={c.label}
              onSeek={onSeek}
              testId="clarification-marker"
              className="h-3 w-1.5 bg-violet-300"
            />
          ))}
          {timeline.referenceOpenings.map((r) => (
            <Mark
              key={`r${r.t}`}
              at={r.t}
              durationMs={durationMs}
              label={r.label}
              onSeek={onSeek}
              testId="reference-opened-marker"
              className="h-3 w-1.5 bg-orange-400"
            />
          ))}
        </Row>
        {(timeline.requests.length > 0 || timeline.serviceRestarts.length > 0) && <RequestsRow timeline={timeline} onSeek={onSeek} />}
        <div className="pointer-events-none absolute inset-y-0 right-0 left-22">
          <Playhead controller={controller} durationMs={durationMs} />
        </div>
      </div>
      <p className="mt-1 pl-22 text-xs text-slate-500">
        ● Run · ◆ Submit — <span className="text-emerald-400">all passed</span>, <span className="text-rose-400">some failed</span>,{' '}
        <span className="text-amber-300">did not complete</span> · grey bars: silences · ▲ nudges · blue: follow-ups · violet:
        clarifications · orange: reference opened
      </p>
    </div>
  );
}
