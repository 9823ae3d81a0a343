/**
 * One audio segment while it records: its microphone, the numbers of its next audio chunk and level batch
 * (a resumed segment goes on after what is stored), its level frames on the audio timeline, and what the
 * silence nudge and the meter remember about it.
 */
import type { AudioChunkRecord, LevelBatch } from '../storage/db';
import type { Microphone } from './audio/microphone';
import { storedLevel } from './liveSilence';
import type { SegmentLevels } from './segmentLevels';

export class LiveSegment {
  readonly mic: Microphone;
  readonly index: number;
  /** Frames placed on the segment's audio timeline, the live silence detector, and what is not yet written (null: no worklet). */
  readonly levels: SegmentLevels | null;
  /** The nudge showed during the current silence (it shows once per silence). */
  nudgedThisSilence = false;
  /** When the meter was last updated (monotonic ms). */
  lastMeterUpdate = 0;
  private nextChunkSeq: number;
  private nextLevelSeq: number;

  constructor(init: { mic: Microphone; index: number; nextChunkSeq: number; nextLevelSeq: number; levels: SegmentLevels | null }) {
    this.mic = init.mic;
    this.index = init.index;
    this.levels = init.levels;
    this.nextChunkSeq = init.nextChunkSeq;
    this.nextLevelSeq = init.nextLevelSeq;
  }

  /** The next audio chunk's record; `t`: session time of its arrival. */
  chunk(sessionId: string, t: number, blob: Blob): AudioChunkRecord {
    return { sessionId, segment: this.index, seq: this.nextChunkSeq++, t, blob };
  }

  /** The frames placed since the last call, one batch per run of consecutive slots, levels as stored. */
  takeLevelBatches(sessionId: string): LevelBatch[] {
    return (this.levels?.take() ?? []).map((run) => ({
      sessionId,
      segment: this.index,
      seq: this.nextLevelSeq++,
      startFrame: run.startSlot,
      db: run.db.map(storedLevel),
      voiceDb: run.voiceDb.map(storedLevel),
      periodicity: run.periodicity.map((p) => Math.round(p * 100) / 100),
    }));
  }
}
