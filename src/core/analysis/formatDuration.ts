/**
 * Durations in words for the review ("7.2 s", "4 min 10 s", "1 h 5 min"): short enough for a table
 * cell, precise where precision matters (a tenth of a second below ten seconds, where the readiness
 * threshold for silence lies).
 */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  if (safe < 10_000) return `${(Math.round(safe / 100) / 10).toFixed(1)} s`;
  const totalSeconds = Math.round(safe / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** A signed difference against a plan: "+2 min 5 s" over, "−30 s" under, "on time" within a second. */
export function formatDifference(actualMs: number, plannedMs: number): string {
  const diff = actualMs - plannedMs;
  if (Math.abs(diff) < 1000) return 'on time';
  return `${diff > 0 ? '+' : '−'}${formatDuration(Math.abs(diff))}`;
}

/** "93 %" for a share between 0 and 1. */
export function formatShare(share: number): string {
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)} %`;
}
