/**
 * A switch for tests only: it loses level frames on purpose between the worklet and the analysis, the way
 * a starved audio thread does, so a journey can check that the silences still match the audio.
 *
 * Off unless localStorage holds `rehearse.test.dropLevelFrames` (set by e2e/record-a-session.spec.ts;
 * nothing in the app writes it), e.g. `{"every":20,"stallFromMs":8000,"stallMs":2000}`:
 *   - `every`: every n-th frame never arrives (a lost message);
 *   - `stallFromMs`/`stallMs`: a burst of frames the context never rendered: they never arrive and every
 *     later frame's sample position is that much earlier (the context's clock stood still), while the
 *     wall-clock stamps go on: exactly what a busy machine did to the old frame-counting timeline.
 */
import type { LevelMessage } from '../../core/audio/levelProtocol';

export const DROP_FRAMES_KEY = 'rehearse.test.dropLevelFrames';

export interface FrameDropPlan {
  every?: number;
  stallFromMs?: number;
  stallMs?: number;
}

export type FrameFilter = (message: LevelMessage) => LevelMessage | null;

export function createFrameDropper(plan: FrameDropPlan, sampleRate: number): FrameFilter {
  let count = 0;
  let firstPosition: number | null = null;
  const every = plan.every !== undefined && plan.every >= 2 ? Math.floor(plan.every) : null;
  const stallFrom = plan.stallFromMs ?? Infinity;
  const stallMs = Math.max(0, plan.stallMs ?? 0);
  return (message) => {
    count++;
    firstPosition ??= message.position;
    const atMs = ((message.position - firstPosition) / sampleRate) * 1000;
    if (atMs >= stallFrom && atMs < stallFrom + stallMs) return null;
    if (every !== null && count % every === 0) return null;
    if (atMs >= stallFrom + stallMs) return { ...message, position: message.position - Math.round((stallMs / 1000) * sampleRate) };
    return message;
  };
}

/** The plan stored under DROP_FRAMES_KEY, or null (the normal case: no storage, no key, or not a plan). */
export function readFrameDropPlan(storage: Pick<Storage, 'getItem'> | undefined): FrameDropPlan | null {
  try {
    const raw = storage?.getItem(DROP_FRAMES_KEY);
    if (!raw) return null;
    const plan = JSON.parse(raw) as unknown;
    if (typeof plan !== 'object' || plan === null) return null;
    const { every, stallFromMs, stallMs } = plan as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return { every: num(every), stallFromMs: num(stallFromMs), stallMs: num(stallMs) };
  } catch {
    return null;
  }
}
