/**
 * The protocol between the level-metering AudioWorklet (`src/recorder/audio/levelProcessor.ts`) and the
 * page. Kept here, free of any browser API, so both sides import one definition; the page must import only
 * from this file, never the processor's (importing that would run `registerProcessor` on the main thread).
 */

/** The name passed to `new AudioWorkletNode(context, LEVEL_PROCESSOR_NAME, …)`. */
export const LEVEL_PROCESSOR_NAME = 'rehearse-level-meter';

/** `processorOptions` of that node. */
export interface LevelProcessorOptions {
  /** Length of one level frame, ms (default 50, as `SessionRecord.levelFrameMs`). */
  frameMs?: number;
}

/**
 * Posted on the node's `port` once per frame: the levels of that frame of the (mono) input, and the two
 * stamps that place it on the recording's timeline (`core/audio/audioClock.ts`).
 */
export interface LevelMessage {
  type: 'level';
  /** RMS, dBFS. */
  db: number;
  /** The voice level (loudest level held 40 of 50 ms), dBFS: what the silence detector judges. */
  voiceDb: number;
  /** How periodic the frame is, 0–1 (a voice's pitch): what tells speech from clicks. */
  periodicity: number;
  /** The frame's first sample on the context's clock (`currentFrame`). */
  position: number;
  samples: number;
  /** `Date.now()` in the worklet when the frame was complete. */
  wallMs: number;
}

export const DEFAULT_LEVEL_FRAME_MS = 50;
