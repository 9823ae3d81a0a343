/**
 * The recorder's facade: one engine per page (one session records at a time). The workspace drives it,
 * the recording UI reads its store.
 */
import { SessionEngine } from './sessionEngine';

export const recorder = new SessionEngine();

export type { MicState, RecorderPhase, RecorderState, UnstampedEvent } from './sessionEngine';
export { SessionEngine } from './sessionEngine';
