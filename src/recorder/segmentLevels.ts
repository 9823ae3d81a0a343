/**
 * The level frames of one audio segment while it records: each frame from the worklet is placed on the
 * segment's audio timeline by its stamps (core/audio/audioClock.ts), gathered in runs of consecutive slots
 * for storage (a gap stays a gap), and fed to the live silence detector in timeline order, a gap as
 * unknown frames. The nudge, the stored levels and the silences computed at Finish thus share one timeline:
 * the recorded audio's.
 */
import { appendToRuns, createFrameClock, type FrameClock, type FrameRun, type PlacedFrame } from '../core/audio/audioClock';
import type { LevelMessage } from '../core/audio/levelProtocol';
import { createFrameDropper, type FrameDropPlan, type FrameFilter } from './audio/testFrameDrops';
import { createLiveSilence, type LiveSilence } from './liveSilence';

export interface SegmentLevelsOptions {
  sampleRate: number;
  frameMs: number;
  /** Tests only (see testFrameDrops.ts). */
  dropPlan?: FrameDropPlan | null;
  now?: () => number;
}

export class SegmentLevels {
  readonly silence: LiveSilence = createLiveSilence();
  private readonly clock: FrameClock;
  private readonly drop: FrameFilter | null;
  private readonly now: () => number;
  private pending: FrameRun[] = [];
  private nextSlot = 0;

  constructor(options: SegmentLevelsOptions) {
    this.now = options.now ?? Date.now;
    this.drop = options.dropPlan ? createFrameDropper(options.dropPlan, options.sampleRate) : null;
    this.clock = createFrameClock({ sampleRate: options.sampleRate, frameMs: options.frameMs }, (f) => this.onPlaced(f));
  }

  push(message: LevelMessage): void {
    const kept = this.drop ? this.drop(message) : message;
    if (!kept) return;
    // A worklet without a wall clock (none known, but cheap to allow): the arrival time is the next best stamp.
    const wallMs = Number.isFinite(kept.wallMs) ? kept.wallMs : this.now();
    // A worklet from an older build (a page open across an update) has no periodicity: it does not gate.
    const periodicity = typeof kept.periodicity === 'number' ? kept.periodicity : 1;
    this.clock.push({ position: kept.position, samples: kept.samples, wallMs, db: kept.db, voiceDb: kept.voiceDb, periodicity });
  }

  /** The segment ends: place the frames held for look-ahead. */
  end(): void {
    this.clock.flush();
  }

  /** Runs placed since the last call, to be written. */
  take(): FrameRun[] {
    const runs = this.pending;
    this.pending = [];
    return runs;
  }

  private onPlaced(frame: PlacedFrame): void {
    for (; this.nextSlot < frame.slot; this.nextSlot++) this.silence.push(null);
    this.silence.push(frame.voiceDb, frame.periodicity);
    this.nextSlot = frame.slot + 1;
    appendToRuns(this.pending, frame);
  }
}
