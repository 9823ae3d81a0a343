import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AudioSpan } from '../../core/replay/audioSpans';
import { PlaybackController, type PlaybackState } from './playbackController';

/** One controller per replayed session, disposed with the page. */
export function usePlaybackController(durationMs: number, spans: readonly AudioSpan[]): PlaybackController {
  const [controller] = useState(() => new PlaybackController(durationMs, spans));
  useEffect(() => () => controller.dispose(), [controller]);
  return controller;
}

/**
 * A value derived from the playback state. The selector must return a primitive or an object that already
 * exists (a timeline marker), never a new one: a fresh object each time re-renders forever.
 */
export function usePlaybackState<T>(controller: PlaybackController, select: (s: PlaybackState) => T): T {
  return useStore(controller.store, select);
}
