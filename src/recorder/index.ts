/**
 * The recorder's facade: one engine per page (one session records at a time). The workspace drives it,
 * the recording UI reads its store.
 */
import { createSessionEngine } from './createSessionEngine';

export const recorder = createSessionEngine();

export type { MicState, RecorderPhase, RecorderState, UnstampedEvent } from './sessionEngine';
