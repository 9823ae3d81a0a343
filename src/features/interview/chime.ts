/**
 * A soft two-tone chime made with WebAudio (two sine oscillators under short gain envelopes): no audio
 * files to ship or precache. It never throws: without an AudioContext (or with audio blocked) the
 * banner alone marks the boundary.
 */
type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const g = globalThis as unknown as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  const Ctor = g.AudioContext ?? g.webkitAudioContext;
  if (!Ctor) return null;
  context = new Ctor();
  return context;
}

function tone(ctx: AudioContext, frequency: number, start: number, duration: number): void {
  const oscillator = ctx.createOscillator();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  const gain = ctx.createGain();
  // A quick rise and a slow exponential fall: a bell, not a beep (exponential ramps cannot reach 0).
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.12, start + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.05);
}

/** Plays the chime; true when it was scheduled, false when this browser cannot play it. */
export function playChime(): boolean {
  try {
    const ctx = audioContext();
    if (!ctx) return false;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const t0 = ctx.currentTime + 0.02;
    tone(ctx, 660, t0, 0.4); // E5
    tone(ctx, 880, t0 + 0.2, 0.6); // A5, a fourth above: an open, calm interval
    return true;
  } catch {
    return false;
  }
}
