/**
 * Moving around a replay: the next or previous Run/Submit, the next silence, and the last run at or
 * before the playhead (what the results panel shows). Markers are sorted by time (the log is), so
 * lookups are binary searches: a two-hour session's playhead moves sixty times a second.
 */

/** Number of items with time `<= atMs` in a list sorted by time. */
export function countAtOrBefore<T>(items: readonly T[], atMs: number, time: (item: T) => number = (item) => Number(item)): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (time(items[mid]!) <= atMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last marker at or before `atMs` (a run logged at the playhead has finished, so it shows), or null. */
export function lastAtOrBefore<T extends { t: number }>(markers: readonly T[], atMs: number): T | null {
  const count = countAtOrBefore(markers, atMs, (m) => m.t);
  return count === 0 ? null : markers[count - 1]!;
}

/** The first marker strictly after `atMs`, or null (so pressing "next" at a marker moves on). */
export function nextAfter<T extends { t: number }>(markers: readonly T[], atMs: number): T | null {
  return markers[countAtOrBefore(markers, atMs, (m) => m.t)] ?? null;
}

/** The last marker strictly before `atMs`, or null (so pressing "previous" at a marker moves back). */
export function previousBefore<T extends { t: number }>(markers: readonly T[], atMs: number): T | null {
  const count = countAtOrBefore(markers, atMs - 1e-6, (m) => m.t);
  return count === 0 ? null : markers[count - 1]!;
}

/** The first silence that starts strictly after `atMs`, or null. */
export function nextSilenceAfter<T extends { startMs: number }>(silences: readonly T[], atMs: number): T | null {
  return silences[countAtOrBefore(silences, atMs, (s) => s.startMs)] ?? null;
}

/** `ms` moved by `deltaMs` and kept inside the session. */
export function stepBy(ms: number, deltaMs: number, durationMs: number): number {
  return Math.min(durationMs, Math.max(0, ms + deltaMs));
}
