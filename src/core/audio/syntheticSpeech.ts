/**
 * Speech-like test signals with a known truth, for the silence detector's tests (not used by the app).
 * A "word" is a voiced sound — harmonics of a 100–220 Hz pitch, amplitude-modulated at a syllable rate of
 * 3–6 Hz, 20 ms attack and 80 ms fade, its level ±6 dB around the speaker's — lasting 150–500 ms; words are
 * separated by 200–400 ms pauses, which must never count as silences. Optional white background noise runs
 * through everything.
 */
import type { SilenceInterval } from '../session/types';

export type ScriptPart = { speechMs: number; gainDb?: number } | { silenceMs: number };

export interface SpeechSignalOptions {
  sampleRate: number;
  /** RMS of a word, dBFS (before a part's `gainDb`). */
  speechDb: number;
  /** RMS of the white background noise, dBFS; null for digital silence between words. */
  noiseDb: number | null;
  /** Applied to everything (voice and noise) from `atMs` on: a microphone gain change. */
  gainChange?: { atMs: number; gainDb: number };
  random: () => number;
}

export interface SpeechSignal {
  samples: Float32Array;
  /** The script's silence parts, ms. */
  silences: SilenceInterval[];
}

const fromDb = (db: number) => 10 ** (db / 20);

export function synthesiseSpeech(script: readonly ScriptPart[], options: SpeechSignalOptions): SpeechSignal {
  const { sampleRate, random } = options;
  const totalMs = script.reduce((sum, part) => sum + ('speechMs' in part ? part.speechMs : part.silenceMs), 0);
  const samples = new Float32Array(Math.round((totalMs / 1000) * sampleRate));
  const silences: SilenceInterval[] = [];
  let atMs = 0;
  for (const part of script) {
    if ('silenceMs' in part) {
      silences.push({ startMs: atMs, endMs: atMs + part.silenceMs });
      atMs += part.silenceMs;
      continue;
    }
    for (const word of wordsFilling(part.speechMs, random)) {
      addWord(samples, sampleRate, atMs + word.startMs, word.lengthMs, options.speechDb + (part.gainDb ?? 0), random);
    }
    atMs += part.speechMs;
  }
  if (options.noiseDb !== null) addWhiteNoise(samples, fromDb(options.noiseDb), random);
  if (options.gainChange) {
    const from = Math.round((options.gainChange.atMs / 1000) * sampleRate);
    const gain = fromDb(options.gainChange.gainDb);
    for (let i = from; i < samples.length; i++) samples[i]! *= gain;
  }
  return { samples, silences };
}

/** Words and 200–400 ms pauses filling `lengthMs`, starting and ending with a word. */
function wordsFilling(lengthMs: number, random: () => number): { startMs: number; lengthMs: number }[] {
  const words: { startMs: number; lengthMs: number }[] = [];
  let atMs = 0;
  while (atMs < lengthMs) {
    const wordMs = Math.min(150 + random() * 350, lengthMs - atMs);
    words.push({ startMs: atMs, lengthMs: wordMs });
    atMs += wordMs + 200 + random() * 200;
    if (lengthMs - atMs < 150) {
      // Too little room for another word: stretch the last one to the end, so the part's edges are exact.
      words[words.length - 1]!.lengthMs = lengthMs - words[words.length - 1]!.startMs;
      break;
    }
  }
  return words;
}

function addWord(samples: Float32Array, sampleRate: number, startMs: number, lengthMs: number, db: number, random: () => number) {
  const start = Math.round((startMs / 1000) * sampleRate);
  const length = Math.round((lengthMs / 1000) * sampleRate);
  const pitch = 100 + random() * 120;
  const syllableHz = 3 + random() * 3;
  const attack = Math.round(0.02 * sampleRate);
  const fade = Math.round(0.08 * sampleRate);
  const wordDb = db - 6 + random() * 12;
  const word = new Float32Array(length);
  let sumOfSquares = 0;
  for (let i = 0; i < length; i++) {
    const time = i / sampleRate;
    let voice = 0;
    for (let harmonic = 1; harmonic <= 8; harmonic++) voice += Math.sin(2 * Math.PI * pitch * harmonic * time) / harmonic;
    const syllables = 0.6 + 0.4 * Math.sin(2 * Math.PI * syllableHz * time);
    const softEdges = Math.min(1, i / attack, ((length - 1 - i) / fade) ** 2);
    word[i] = voice * syllables * softEdges;
    sumOfSquares += word[i]! * word[i]!;
  }
  const scale = fromDb(wordDb) / Math.sqrt(sumOfSquares / Math.max(1, length));
  for (let i = 0; i < length && start + i < samples.length; i++) samples[start + i]! += word[i]! * scale;
}

function addWhiteNoise(samples: Float32Array, rms: number, random: () => number) {
  for (let i = 0; i < samples.length; i++) {
    // Box–Muller: Gaussian noise, like a microphone's hiss.
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    samples[i]! += gaussian * rms;
  }
}

/** A key click: a burst of noise `lengthMs` long (a few ms) with a fast exponential decay, RMS `db` over its length. */
export interface Click {
  atMs: number;
  db: number;
  lengthMs?: number;
}

/**
 * Adds clicks to a signal (in place): typing noise that must never count as speech. `echoMs`: each click
 * then rings on as noise decaying by 1/e every `echoMs` (a desk's resonance, or a microphone's processing
 * smearing the transient), so it stays loud for tens of ms.
 */
export function addClicks(samples: Float32Array, sampleRate: number, clicks: readonly Click[], random: () => number, echoMs = 0): void {
  for (const click of clicks) {
    const start = Math.round((click.atMs / 1000) * sampleRate);
    const clickLength = Math.max(1, Math.round(((click.lengthMs ?? 4) / 1000) * sampleRate));
    const echoLength = Math.round(((echoMs * 5) / 1000) * sampleRate);
    const length = clickLength + echoLength;
    const burst = new Float32Array(length);
    let sumOfSquares = 0;
    for (let i = 0; i < clickLength; i++) {
      burst[i] = (random() * 2 - 1) * Math.exp((-4 * i) / clickLength);
      sumOfSquares += burst[i]! * burst[i]!;
    }
    for (let i = 0; i < echoLength; i++) burst[clickLength + i] = 0.5 * (random() * 2 - 1) * Math.exp(-i / ((echoMs / 1000) * sampleRate));
    const scale = fromDb(click.db) / Math.sqrt(sumOfSquares / clickLength);
    for (let i = 0; i < length && start + i < samples.length; i++) samples[start + i]! += burst[i]! * scale;
  }
}

/** A key pressed and released: two clicks `apartMs` apart (70 ms: a typical key-down to key-up). */
export function keyPress(atMs: number, db: number, apartMs = 70): Click[] {
  return [
    { atMs, db },
    { atMs: atMs + apartMs, db: db - 4 },
  ];
}

/** Typing for `lengthMs` from `atMs`: 6–10 keys a second, each a key-down/key-up pair 50–90 ms apart. */
export function typingBurst(atMs: number, lengthMs: number, db: number, random: () => number): Click[] {
  const clicks: Click[] = [];
  let t = atMs;
  while (t < atMs + lengthMs) {
    clicks.push(...keyPress(t, db - 3 + random() * 6, 50 + random() * 40));
    t += 100 + random() * 67;
  }
  return clicks;
}
