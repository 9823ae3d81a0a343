/**
 * How much space a recorded session takes. Audio is counted exactly (blob sizes, measured in storage);
 * the record, the event log, the levels and the review are estimated by the length of their JSON text:
 * IndexedDB's own encoding is close to it for this mostly-ASCII data, and the browser gives no figure per
 * record.
 */
import type { ReviewRecord } from '../review/types';
import type { SessionEvent, SessionRecord } from '../session/types';

export interface SessionStorageSize {
  audioBytes: number;
  /** Event log, levels, the session record and its review (estimated). */
  dataBytes: number;
  totalBytes: number;
}

/** Characters of JSON: a close stand-in for bytes with this data. */
export function jsonBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

export function estimateSessionSize(input: {
  session: SessionRecord;
  events: readonly SessionEvent[];
  review: ReviewRecord | undefined;
  /** Measured in storage: the audio blobs' bytes and the stored levels' JSON length. */
  audioBytes: number;
  levelsBytes: number;
}): SessionStorageSize {
  const dataBytes = jsonBytes(input.session) + jsonBytes(input.events) + (input.review ? jsonBytes(input.review) : 0) + input.levelsBytes;
  return { audioBytes: input.audioBytes, dataBytes, totalBytes: input.audioBytes + dataBytes };
}
