import { recorder } from '../../recorder';
import { useRecorder } from './useRecorder';

/** The gentle reminder to keep talking, shown after a silence longer than the chosen threshold. */
export function SilenceNudge() {
  const nudge = useRecorder((s) => s.nudge);
  const silenceMs = useRecorder((s) => s.silenceMs);
  if (!nudge) return null;
  return (
    <div role="status" className="flex items-center gap-3 bg-sky-950 px-4 py-1 text-sm" data-testid="silence-nudge">
      <span>Quiet for {Math.round(silenceMs / 1000)} s — say what you are thinking.</span>
      <button type="button" className="btn" onClick={() => recorder.dismissNudge()}>
        Dismiss
      </button>
    </div>
  );
}

const CHOICES_S = [10, 20, 30, 45, 60, 120];

/** The silence threshold, chosen by the user (default 30 s), remembered on this device. */
export function SilenceThresholdPicker() {
  const thresholdMs = useRecorder((s) => s.silenceThresholdMs);
  const nudgeOn = useRecorder((s) => s.silenceNudgeOn);
  if (!nudgeOn) return <span className="text-xs text-slate-400">Silence nudge off (turn it on in Interview settings)</span>;
  const seconds = Math.round(thresholdMs / 1000);
  const choices = CHOICES_S.includes(seconds) ? CHOICES_S : [...CHOICES_S, seconds].sort((a, b) => a - b);
  return (
    <label className="flex items-center gap-1 text-xs text-slate-400">
      Nudge after
      <select
        className="input py-0 text-xs"
        value={seconds}
        onChange={(e) => recorder.setSilenceThreshold(Number(e.target.value) * 1000)}
        aria-label="Silence before a nudge"
      >
        {choices.map((s) => (
          <option key={s} value={s}>
            {s} s
          </option>
        ))}
      </select>
      of silence
    </label>
  );
}
