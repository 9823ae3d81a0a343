import { describe, expect, it, vi } from 'vitest';
import { framesOnTimeline, type FrameRun } from '../core/audio/audioClock';
import type { LevelMessage } from '../core/audio/levelProtocol';
import { createLevelMeter } from '../core/audio/levels';
import { addClicks, keyPress, type ScriptPart, synthesiseSpeech, typingBurst } from '../core/audio/syntheticSpeech';
import type { SilenceInterval } from '../core/session/types';
import { prng } from '../core/testing/prng';
import { segmentSilences } from './finaliseSession';
import { SegmentLevels } from './segmentLevels';
import type { FrameDropPlan } from './audio/testFrameDrops';

const RATE = 48_000;
const FRAME_MS = 50;
const ORIGIN = 1_800_000_000_000; // the wall clock when the recording started
const SCRIPT: ScriptPart[] = [
  { speechMs: 3_000 },
  { silenceMs: 2_000 },
  { speechMs: 3_000 },
  { silenceMs: 14_000 },
  { speechMs: 3_000 },
  { silenceMs: 5_000 },
  { speechMs: 2_500 },
];

/**
 * The whole recorder path without a browser: the worklet's meter over 128-sample quanta stamped with the
 * context position (the context had been running before) and the wall clock, the page's
 * SegmentLevels, the runs as stored, and Finish's detection over them.
 */
function record(plan: FrameDropPlan | null, seed: number, options: { contextLosesMs?: { atMs: number; ms: number } } = {}) {
  const random = prng(seed);
  const signal = synthesiseSpeech(SCRIPT, { sampleRate: RATE, speechDb: -20, noiseDb: -48, random });
  addClicks(
    signal.samples,
    RATE,
    [...keyPress(9_000, -14), ...typingBurst(12_000, 2_000, -14, random), { atMs: 17_013, db: -10, lengthMs: 12 }],
    random,
  );
  const levels = new SegmentLevels({ sampleRate: RATE, frameMs: FRAME_MS, dropPlan: plan });
  const stored: FrameRun[] = [];
  const contextLead = 0; // the worklet's node is connected in the task that starts the recorder
  let contextPosition = 50_000; // the context had been running before the session
  const meter = createLevelMeter(RATE, FRAME_MS, (db, frame) => {
    const audioMs = ((frame.position - 50_000 - contextLead) / RATE) * 1000;
    const message: LevelMessage = {
      type: 'level',
      db,
      voiceDb: frame.voiceDb,
      periodicity: frame.periodicity,
      position: frame.position,
      samples: frame.samples,
      wallMs: 0,
    };
    // The wall clock when the frame was finished: its real end plus a few ms of processing.
    message.wallMs =
      ORIGIN +
      audioMs +
      FRAME_MS +
      random() * 15 +
      (options.contextLosesMs && audioMs >= options.contextLosesMs.atMs ? options.contextLosesMs.ms : 0);
    levels.push(message);
    if (random() < 0.2) stored.push(...levels.take()); // flushes at odd moments
  });
  const lead = new Float32Array(contextLead);
  const all = new Float32Array(lead.length + signal.samples.length);
  all.set(signal.samples, lead.length);
  let lostSamples = 0;
  for (let i = 0; i < all.length; i += 128) {
    const atMs = ((i - contextLead) / RATE) * 1000;
    const lose = options.contextLosesMs;
    // A stall: the context never renders these quanta (its clock does not move), the audio goes on.
    if (lose && atMs >= lose.atMs && atMs < lose.atMs + lose.ms) {
      lostSamples += 128;
      continue;
    }
    meter.push(all.subarray(i, i + 128), contextPosition);
    contextPosition += 128;
  }
  levels.end();
  stored.push(...levels.take());
  const durationMs = (signal.samples.length / RATE) * 1000;
  const voiceDb = framesOnTimeline(stored, Math.ceil(durationMs / FRAME_MS), (r) => r.voiceDb);
  return {
    truth: signal.silences,
    found: segmentSilences(voiceDb, durationMs, FRAME_MS),
    unknown: voiceDb.filter((x) => x === null).length,
    lostSamples,
  };
}

function worstError(found: readonly SilenceInterval[], truth: readonly SilenceInterval[]): number {
  expect(found.length, JSON.stringify(found)).toBe(truth.length);
  return Math.max(...truth.flatMap((t, i) => [Math.abs(found[i]!.startMs - t.startMs), Math.abs(found[i]!.endMs - t.endMs)]));
}

// Each test meters tens of seconds of synthetic audio: seconds of CPU on a machine shared by many jobs.
vi.setConfig({ testTimeout: 60_000 });

describe('a segment’s silences, from the worklet’s frames to Finish', () => {
  it('match the audio with no frame lost, typing and clicks in the 14 s silence', () => {
    const { truth, found, unknown } = record(null, 1);
    expect(unknown).toBeLessThanOrEqual(1);
    expect(worstError(found, truth)).toBeLessThanOrEqual(100);
  });

  it('match the audio with every 20th frame lost and a 2 s stall of the context clock', () => {
    const { truth, found, unknown } = record({ every: 20, stallFromMs: 11_000, stallMs: 2_000 }, 2);
    expect(unknown).toBeGreaterThan(60);
    expect(worstError(found, truth)).toBeLessThanOrEqual(100);
  });

  it('match the audio when the context truly loses 1.5 s of samples (its clock stands still, the wall clock does not)', () => {
    const { truth, found, lostSamples } = record(null, 3, { contextLosesMs: { atMs: 20_000, ms: 1_500 } });
    expect(lostSamples).toBeGreaterThan(70_000);
    expect(worstError(found, truth)).toBeLessThanOrEqual(100);
  });
});

describe('segmentSilences', () => {
  it('cuts frames past the audio’s end and closes a trailing silence at the end of the audio', () => {
    const speech = Array<number | null>(40).fill(-20);
    const quiet = Array<number | null>(60).fill(-60);
    const levels = [...quiet, ...speech, ...quiet, ...Array<number | null>(40).fill(-20)];
    // The audio ends 10 frames into the last loud stretch minus one: the worklet's extra frames are not the audio.
    expect(segmentSilences(levels, 7_975, 50)).toEqual([
      { startMs: 0, endMs: 3_000 },
      { startMs: 5_000, endMs: 7_975 },
    ]);
    // Frames missing at the end (a crash lost the last batch) go on with what came before.
    expect(segmentSilences([...quiet, ...speech, ...quiet.slice(0, 20)], 9_000, 50)).toEqual([
      { startMs: 0, endMs: 3_000 },
      { startMs: 5_000, endMs: 9_000 },
    ]);
  });
});

describe('the live silence detector', () => {
  it('counts the silence in progress on the audio timeline, lost frames and a stall included', () => {
    const levels = new SegmentLevels({ sampleRate: RATE, frameMs: FRAME_MS, dropPlan: { every: 20, stallFromMs: 5_000, stallMs: 2_000 } });
    for (let k = 0; k < 260; k++) {
      const speaking = k >= 40 && k < 60; // 2 s of quiet (the room's floor), 1 s of voice, then 10 s of quiet
      const level = speaking ? -20 : -60;
      levels.push({
        type: 'level',
        db: level,
        voiceDb: level,
        periodicity: 0.8,
        position: 7_777 + k * 2_400,
        samples: 2_400,
        wallMs: ORIGIN + (k + 1) * FRAME_MS + 5,
      });
    }
    levels.end();
    expect(levels.silence.isSpeaking()).toBe(false);
    // From the voice's end (slot 60) to the last frame that arrived (slot 258: the 260th is lost).
    expect(levels.silence.currentSilenceMs()).toBe(9_950);
  });
});
