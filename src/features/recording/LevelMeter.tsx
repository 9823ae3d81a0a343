import { useRecorder } from './useRecorder';

/** dBFS mapped to 0–100 %: -60 dB and below is empty, 0 dB is full. */
export function meterPercent(db: number): number {
  if (!Number.isFinite(db)) return 0;
  return Math.round(Math.min(1, Math.max(0, (db + 60) / 60)) * 100);
}

/** Shows the candidate they are being heard. */
export function LevelMeter() {
  const db = useRecorder((s) => s.levelDb);
  const muted = useRecorder((s) => s.muted);
  const percent = muted ? 0 : meterPercent(db);
  return (
    <div
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-24 overflow-hidden rounded bg-slate-800"
    >
      <div className={`h-full ${percent > 85 ? 'bg-amber-400' : 'bg-emerald-500'}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
