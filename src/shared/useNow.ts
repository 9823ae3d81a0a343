import { useEffect, useState, useSyncExternalStore } from 'react';

/** Re-renders every `intervalMs` with the current time; the timer derives everything from it. */
export function useNow(intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** The shared clock's tick: the recording bar's old rate, often enough for a seconds display. */
const SHARED_TICK_MS = 500;
let sharedNow = Date.now();
let ticker: ReturnType<typeof setInterval> | null = null;
const tickListeners = new Set<() => void>();

function subscribeToTicks(listener: () => void): () => void {
  tickListeners.add(listener);
  ticker ??= setInterval(() => {
    sharedNow = Date.now();
    tickListeners.forEach((l) => l());
  }, SHARED_TICK_MS);
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
  };
}

function sharedSnapshot(): number {
  // Nobody listened for a while: catch up once (the same value on React's repeated reads of one render).
  if (ticker === null && Date.now() - sharedNow >= SHARED_TICK_MS) sharedNow = Date.now();
  return sharedNow;
}

/**
 * One `now` for every live time on screen: each component that reads it re-renders on the same tick with
 * the same value, so two places showing one session's time (the recording bar and a dialog over it) never
 * show different seconds, as two separate `useNow` timers could.
 */
export function useSharedNow(): number {
  return useSyncExternalStore(subscribeToTicks, sharedSnapshot);
}
