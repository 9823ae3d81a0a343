/**
 * The background level of a room, estimated as a low percentile of the most recent frame levels.
 * Speech always has dips (between words, between phrases) that reach the background, so a low percentile
 * over a window of several seconds sits at the background even while someone talks. It follows a quieter
 * room within `percentile × window` and a louder one only after most of the window has passed: a noise
 * floor should fall fast and rise slowly, or speech would raise it.
 */
export interface NoiseFloorTracker {
  push(levelDb: number): void;
  /** The current estimate, dB; the level of the only frame after one push; NaN before any. */
  floorDb(): number;
}

export function createNoiseFloorTracker(windowFrames: number, percentile: number): NoiseFloorTracker {
  if (!Number.isInteger(windowFrames) || windowFrames < 1) throw new RangeError(`windowFrames must be a positive integer`);
  if (!(percentile >= 0 && percentile <= 1)) throw new RangeError(`percentile must be within [0, 1]`);
  const recent = new Float64Array(windowFrames);
  let count = 0;
  let oldest = 0;
  // Kept sorted, updated by binary search: O(window) per frame, so re-analysing a two-hour recording
  // (144 000 frames) stays well under a second.
  const sorted: number[] = [];
  return {
    push(levelDb) {
      if (count === windowFrames) sorted.splice(lowerBound(sorted, recent[oldest]!), 1);
      else count++;
      recent[oldest] = levelDb;
      oldest = (oldest + 1) % windowFrames;
      sorted.splice(lowerBound(sorted, levelDb), 0, levelDb);
    },
    floorDb() {
      return sorted.length === 0 ? NaN : sorted[Math.floor(percentile * (sorted.length - 1))]!;
    },
  };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
