/**
 * Places level frames on the timeline of the recorded audio. The AudioContext that meters the microphone
 * is not a trustworthy clock: under heavy load Chromium skips render callbacks, so its `currentFrame` (and
 * any count of frames) falls behind real time while MediaRecorder's audio stays on time. A frame's place is
 * therefore taken from two stamps the worklet puts on it: its sample position on the context's clock, and
 * the wall-clock time when the worklet finished it.
 *
 * `wall − position` (the offset) is the context's lag plus a processing delay that is never negative and
 * jitters. Time the context lost shows as a step up of the offset that stays; a late callback shows as a
 * bump that goes away. The offset of a frame is taken as the lowest offset over it and the next
 * `lookAheadFrames` frames: it follows a lost stretch from the first frame after it, and ignores a bump
 * shorter than the look-ahead. A lost frame (one that never arrives) leaves its slot empty: it cannot
 * shift any frame after it, because no frame's place depends on how many came before.
 *
 * The first frame is slot 0: the worklet's node is created and connected in the same task that starts MediaRecorder,
 * so its first samples are the recording's first. (Its wall stamp is not: it also holds the ~100 ms the
 * audio waits in buffers before the worklet sees it, the same for every frame; only changes of the offset
 * count.)
 */

export interface StampedFrame {
  /** Position of the frame's first sample on the context's clock (AudioWorkletGlobalScope `currentFrame`). */
  position: number;
  /** Samples in the frame. */
  samples: number;
  /** Wall-clock time (epoch ms) when the worklet finished the frame. */
  wallMs: number;
  db: number;
  voiceDb: number;
  periodicity: number;
}

export interface PlacedFrame {
  /** Index of the frame on the audio timeline: it covers [slot × frameMs, (slot + 1) × frameMs) of the segment's audio. */
  slot: number;
  db: number;
  voiceDb: number;
  periodicity: number;
}

export interface FrameClockOptions {
  sampleRate: number;
  frameMs: number;
  /** 8 frames (400 ms at 50 ms): rides out late callbacks, and keeps the stored levels under a second behind. */
  lookAheadFrames?: number;
}

export interface FrameClock {
  /** Frames in the order the worklet produced them (a lost one simply never comes). */
  push(frame: StampedFrame): void;
  /** Places every frame still held for look-ahead (at the end of a segment). */
  flush(): void;
}

export const DEFAULT_LOOK_AHEAD_FRAMES = 8;

export function createFrameClock(options: FrameClockOptions, onPlaced: (frame: PlacedFrame) => void): FrameClock {
  const lookAhead = Math.max(0, Math.floor(options.lookAheadFrames ?? DEFAULT_LOOK_AHEAD_FRAMES));
  const msPerSample = 1000 / options.sampleRate;
  const held: { frame: StampedFrame; offset: number }[] = [];
  let lastSlot = -1;
  let lastOffset = Infinity;
  /** Where slot 0 begins, on the "position + offset" scale (ms): set by the first frame. */
  let originMs: number | null = null;

  const place = () => {
    const first = held.shift()!;
    let offset = first.offset;
    for (const h of held) offset = Math.min(offset, h.offset);
    // Flushing, with less than the look-ahead left: a step up cannot be told from a late callback there,
    // so the offset in use stays.
    if (held.length < lookAhead) offset = Math.min(offset, lastOffset);
    lastOffset = offset;
    const atMs = first.frame.position * msPerSample + offset;
    originMs ??= atMs;
    const slot = Math.round((atMs - originMs) / options.frameMs);
    // On a slot already filled (the context's clock ran a little fast against the wall clock): dropped.
    if (slot <= lastSlot) return;
    lastSlot = slot;
    onPlaced({ slot, db: first.frame.db, voiceDb: first.frame.voiceDb, periodicity: first.frame.periodicity });
  };

  return {
    push(frame) {
      if (!Number.isFinite(frame.position) || !Number.isFinite(frame.wallMs)) return;
      const endMs = (frame.position + frame.samples) * msPerSample;
      held.push({ frame, offset: frame.wallMs - endMs });
      while (held.length > lookAhead) place();
    },
    flush() {
      while (held.length > 0) place();
    },
  };
}

/**
 * Placed frames (slots in increasing order) as batches of consecutive slots: a gap (frames lost, or audio
 * the context never saw) starts a new batch, so the stored levels leave it unknown instead of closing it up.
 */
export interface FrameRun {
  startSlot: number;
  db: number[];
  voiceDb: number[];
  periodicity: number[];
}

export function appendToRuns(runs: FrameRun[], frame: PlacedFrame): void {
  const last = runs[runs.length - 1];
  if (last && last.startSlot + last.db.length === frame.slot) {
    last.db.push(frame.db);
    last.voiceDb.push(frame.voiceDb);
    last.periodicity.push(frame.periodicity);
  } else {
    runs.push({ startSlot: frame.slot, db: [frame.db], voiceDb: [frame.voiceDb], periodicity: [frame.periodicity] });
  }
}

/** Runs laid out on the timeline, `null` where nothing is known (`length` slots, runs past it cut off). */
export function framesOnTimeline(runs: readonly FrameRun[], length: number, pick: (run: FrameRun) => readonly number[]): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(Math.max(0, length)).fill(null);
  for (const run of runs) {
    const values = pick(run);
    for (let i = 0; i < values.length && run.startSlot + i < out.length; i++) {
      if (run.startSlot + i >= 0) out[run.startSlot + i] = values[i]!;
    }
  }
  return out;
}
