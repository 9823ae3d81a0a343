import { recorder } from '../../recorder';
import { EndSessionButton } from './EndSessionButton';
import { FinishedSession } from './FinishedSession';
import { LevelMeter } from './LevelMeter';
import { LiveElapsed } from './LiveElapsed';
import { MicBanner } from './MicBanner';
import { ResumePrompt } from './ResumePrompt';
import { SilenceNudge, SilenceThresholdPicker } from './SilenceNudge';
import { StorageFullNotice } from './StorageFullNotice';
import { StorageUsage } from './StorageUsage';
import { useRecorder } from './useRecorder';

interface Props {
  /** The workspace's actions: they also move the phase clock, so they live in the workspace store. */
  onResume(): void;
  onEnd(): Promise<void> | void;
  /** What ending now leaves undone, for the End session question. */
  left: readonly string[];
}

function RecordingIndicator() {
  const session = useRecorder((s) => s.session);
  const mic = useRecorder((s) => s.mic);
  const paused = useRecorder((s) => s.paused);
  const audioOn = mic === 'on';
  const label = paused ? 'Paused' : audioOn ? 'Recording' : 'Recording (no audio)';
  return (
    <span className="flex items-center gap-2" data-testid="recording-indicator" data-mic={mic} data-paused={paused}>
      {/* Static on purpose: a CSS animation keeps the compositor producing frames, which delayed Monaco's
          keystroke rendering to the next vsync (+8 ms median in bench/recording.ts). */}
      <span aria-hidden className={`inline-block h-3 w-3 rounded-full ${audioOn ? 'bg-red-500' : 'bg-slate-500'}`} />
      <span className="font-mono tabular-nums" aria-label="Recording time">
        {label} {session && <LiveElapsed session={session} />}
      </span>
    </span>
  );
}

/** Everything about the session's recording, under the workspace header. */
export function RecordingBar({ onResume, onEnd, left }: Props) {
  const phase = useRecorder((s) => s.phase);
  const session = useRecorder((s) => s.session);
  const muted = useRecorder((s) => s.muted);
  const mic = useRecorder((s) => s.mic);
  const error = useRecorder((s) => s.error);

  if (phase === 'idle' || !session) return null;
  if (phase === 'interrupted') return <ResumePrompt session={session} onResume={onResume} onFinish={() => void onEnd()} />;
  if (phase === 'finishing') {
    return (
      <p role="status" className="border-b border-slate-800 px-4 py-2 text-sm">
        Saving the recording…
      </p>
    );
  }
  if (phase === 'finished') {
    return (
      <>
        {error && (
          <p role="alert" className="bg-rose-900 px-4 py-1 text-sm">
            {error}
          </p>
        )}
        <FinishedSession session={session} />
      </>
    );
  }
  return (
    <>
      <div className="flex flex-wrap items-center gap-4 border-b border-slate-800 px-4 py-1 text-sm" aria-label="Recording" role="region">
        <RecordingIndicator />
        {mic === 'on' && <LevelMeter />}
        {mic === 'on' && (
          <button type="button" className="btn" aria-pressed={muted} onClick={() => recorder.setMuted(!muted)}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
        )}
        <SilenceThresholdPicker />
        <StorageUsage />
        <EndSessionButton onEnd={onEnd} left={left} />
      </div>
      {error && (
        <p role="alert" className="bg-rose-900 px-4 py-1 text-sm">
          {error}
        </p>
      )}
      <MicBanner />
      <SilenceNudge />
      <StorageFullNotice />
    </>
  );
}
