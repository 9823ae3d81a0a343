/**
 * Small per-device preferences, kept in localStorage (synchronous, so the UI has them on first paint).
 * Read back defensively: anything unexpected means the default.
 */
const SILENCE_THRESHOLD_KEY = 'rehearse.silenceThresholdMs';
export const DEFAULT_SILENCE_THRESHOLD_MS = 30_000;

export function loadSilenceThreshold(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(SILENCE_THRESHOLD_KEY));
    return Number.isFinite(value) && value >= 1000 ? value : DEFAULT_SILENCE_THRESHOLD_MS;
  } catch {
    return DEFAULT_SILENCE_THRESHOLD_MS;
  }
}

export function saveSilenceThreshold(ms: number): void {
  try {
    globalThis.localStorage?.setItem(SILENCE_THRESHOLD_KEY, String(ms));
  } catch {
    // Private mode or a full disk: the choice lasts for this page only.
  }
}
