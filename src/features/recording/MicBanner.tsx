import type { MicState } from '../../recorder';
import { useRecorder } from './useRecorder';

const MESSAGES: Partial<Record<MicState, string>> = {
  denied:
    'Audio is off: the microphone was blocked. Your code and actions are still recorded. To record your voice, allow the microphone for this site (the camera/microphone icon in the address bar, or Site settings → Microphone → Allow), then reload the page and continue the session.',
  'no-device':
    'Audio is off: no microphone was found (or it stopped). Your code and actions are still recorded. Plug in or enable a microphone, check it is not used by another app, then reload the page and continue the session.',
  unsupported:
    'Audio is off: this browser cannot record audio here (MediaRecorder with Opus is needed). Your code and actions are still recorded. Use a current Chrome, Edge or Firefox to record your voice.',
};

/** Says why the session runs without audio and how to turn it on. */
export function MicBanner() {
  const mic = useRecorder((s) => s.mic);
  const phase = useRecorder((s) => s.phase);
  if (phase !== 'recording') return null;
  if (mic === 'requesting') {
    return (
      <p role="status" className="bg-slate-800 px-4 py-1 text-sm" data-testid="mic-requesting">
        Waiting for the microphone: allow it in the browser's prompt to record your voice.
      </p>
    );
  }
  const message = MESSAGES[mic];
  if (!message) return null;
  return (
    <p role="alert" aria-label="Audio is off" className="bg-amber-900/70 px-4 py-1 text-sm" data-testid="audio-off-banner">
      {message}
    </p>
  );
}
