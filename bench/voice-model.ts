/**
 * npx tsx bench/voice-model.ts — the silence detectors side by side, on signals with a known truth:
 *   - the e2e fixture WAVs (espeak phrases; the same under pink noise 28 dB down; a 14 s silence with
 *     clicks, key pairs and a 2 s typing burst), and synthetic speech with typing and a fan;
 *   - detectors: frame RMS (before issue 13), the voice level (held 40 of 50 ms) with periodicity (what
 *     the app uses), and
 *     the Silero VAD v5 model of @ricky0123/vad-web on onnxruntime-web (wasm, one thread), 16 kHz.
 * Prints, per signal and detector: silences found / true, worst boundary error, total error; and the CPU
 * time per second of audio. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { meterFrames } from '../src/core/audio/levels.ts';
import { createDownsampler, createSileroStream, SILERO_WINDOW_MS, type OrtLike, type OrtSessionLike } from './voice/sileroVad.ts';
import { silencesFromSpeechProbability } from '../src/core/audio/speechProbability.ts';
import { addClicks, keyPress, synthesiseSpeech, typingBurst, type ScriptPart } from '../src/core/audio/syntheticSpeech.ts';
import { detectSilences } from '../src/core/audio/voiceActivity.ts';
import type { SilenceInterval } from '../src/core/session/types.ts';
import { prng } from '../src/core/testing/prng.ts';
import { FIXTURE_DIR, makeSpeechFixture } from '../e2e/fixtures/speech.ts';

const RATE = 48_000;

interface Signal {
  name: string;
  samples: Float32Array;
  truth: SilenceInterval[];
}

function fixture(name: string): Signal {
  const raw = execFileSync('sox', [`${FIXTURE_DIR}/${name}.wav`, '-t', 'f32', '-r', String(RATE), '-c', '1', '-'], { maxBuffer: 1 << 30 });
  const samples = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  return {
    name,
    samples,
    truth: (JSON.parse(readFileSync(`${FIXTURE_DIR}/${name}.json`, 'utf8')) as { silences: SilenceInterval[] }).silences,
  };
}

function synthetic(noiseDb: number, seed: number, echoMs = 0): Signal {
  const script: ScriptPart[] = [{ speechMs: 4_000 }, { silenceMs: 30_000 }, { speechMs: 4_000 }, { silenceMs: 3_000 }, { speechMs: 3_000 }];
  const random = prng(seed);
  const signal = synthesiseSpeech(script, { sampleRate: RATE, speechDb: -20, noiseDb, random });
  addClicks(
    signal.samples,
    RATE,
    [
      { atMs: 6_000, db: -14, lengthMs: 12 },
      ...keyPress(9_025, -14),
      ...typingBurst(14_000, 2_000, -14, random),
      ...typingBurst(25_000, 2_000, -14, random),
    ],
    random,
    echoMs,
  );
  return {
    name: `synthetic, typing${echoMs ? `, clicks ringing ${echoMs} ms` : ''}, noise ${noiseDb} dBFS`,
    samples: signal.samples,
    truth: signal.silences,
  };
}

function score(found: SilenceInterval[], truth: SilenceInterval[]): string {
  const total = (xs: SilenceInterval[]) => xs.reduce((s, x) => s + x.endMs - x.startMs, 0);
  const matched = found.length === truth.length;
  const worst = matched
    ? Math.max(...truth.flatMap((t, i) => [Math.abs(found[i]!.startMs - t.startMs), Math.abs(found[i]!.endMs - t.endMs)]))
    : NaN;
  return `${found.length}/${truth.length} silences, worst boundary ${matched ? `${Math.round(worst)} ms` : 'n/a (split or phantom)'}, total ${Math.round(total(found) - total(truth))} ms`;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';
const model = readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx');
const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });

async function silero(samples: Float32Array): Promise<{ silences: SilenceInterval[]; cpuMs: number }> {
  const t0 = process.cpuUsage();
  const stream = createSileroStream(ort as unknown as OrtLike, session as unknown as OrtSessionLike);
  const down = createDownsampler(RATE);
  const probabilities: number[] = [];
  for (let i = 0; i < samples.length; i += 4_800) probabilities.push(...(await stream.push(down(samples.subarray(i, i + 4_800)))));
  return { silences: silencesFromSpeechProbability(probabilities, { windowMs: SILERO_WINDOW_MS }), cpuMs: cpuMs(t0) };
}

makeSpeechFixture();
const signals = [
  fixture('speech-with-silences'),
  fixture('speech-under-noise'),
  fixture('speech-and-typing'),
  synthetic(-60, 1),
  synthetic(-48, 2),
  synthetic(-55, 3, 20),
];
const cost = { rms: 0, voice: 0, silero: 0, audioS: 0 };
console.log('Silence detectors on signals with a known truth (found/true, worst boundary error, total error)');
for (const signal of signals) {
  const t0 = process.cpuUsage();
  const frames = meterFrames(signal.samples, RATE, 50);
  const rms = detectSilences(
    frames.map((f) => f.db),
    50,
  );
  const held = detectSilences(
    frames.map((f) => f.voiceDb),
    50,
  );
  const voice = detectSilences(
    frames.map((f) => f.voiceDb),
    50,
    {},
    frames.map((f) => f.periodicity),
  );
  const levelCpu = cpuMs(t0);
  const model = await silero(signal.samples);
  cost.voice += levelCpu;
  cost.rms += levelCpu;
  cost.silero += model.cpuMs;
  cost.audioS += signal.samples.length / RATE;
  console.log(`  ${signal.name} (${(signal.samples.length / RATE).toFixed(1)} s)`);
  console.log(`    frame RMS     ${score(rms, signal.truth)}`);
  console.log(`    held level    ${score(held, signal.truth)}`);
  console.log(`    + periodicity ${score(voice, signal.truth)}   (the app)`);
  console.log(`    Silero v5     ${score(model.silences, signal.truth)}`);
}
const share = (ms: number) => `${((ms / (cost.audioS * 1000)) * 100).toFixed(2)} % of one core`;
console.log(
  `CPU over ${cost.audioS.toFixed(0)} s of audio: meter + detectors ${cost.voice.toFixed(0)} ms (${share(cost.voice)}); Silero v5 (resampling + model) ${cost.silero.toFixed(0)} ms (${share(cost.silero)})`,
);
console.log(`  Silero over a 45-minute recording at that rate: ${(((cost.silero / cost.audioS) * 2_700) / 1000).toFixed(1)} s`);
