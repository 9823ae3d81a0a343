/**
 * The editor's event log as pure functions: apply Monaco's changes, merge keystrokes into fewer events
 * while recording, and rebuild a file's text at any moment of a replay.
 *
 * One rule holds for every edit event, recorded or merged: its `changes` are ONE batch in Monaco's terms —
 * every offset refers to the text before the event and no two changes overlap (see `EditEvent`).
 * Merging composes batches back into that form, so nothing downstream needs to know an event was merged.
 */
import type { EditEvent, SessionEvent, SessionFile, SnapshotEvent, TextChange } from './types';

// ─── Applying one batch ──────────────────────────────────────────────────────────────────────────────

/**
 * The text after one batch of changes whose offsets all refer to `text` (Monaco's
 * `onDidChangeModelContent`: a multi-cursor edit or a paste over a selection gives several).
 *
 * The classic way is to apply them one by one from the highest offset down — each change then only
 * moves text after the ones still to apply. We build the same result in one left-to-right pass over the
 * changes in document order instead, which stays linear in the text length for a 500-cursor edit.
 * Throws a RangeError on overlapping or out-of-range changes: a corrupt log must not replay silently wrong.
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = '';
  let copiedUpTo = 0;
  for (const change of inDocumentOrder(changes)) {
    const end = change.offset + change.deleteCount;
    if (change.offset < 0 || change.deleteCount < 0 || end > text.length) {
      throw new RangeError(`Change [${change.offset}, ${end}) is outside a text of ${text.length} code units`);
    }
    if (change.offset < copiedUpTo) throw new RangeError(`Overlapping changes at offset ${change.offset}`);
    result += text.slice(copiedUpTo, change.offset) + change.insert;
    copiedUpTo = end;
  }
  return result + text.slice(copiedUpTo);
}

/**
 * Sorted by start, then end (Monaco's own order): an insertion at 5 comes before a replacement of
 * [5, 8), so it lands in front of the replacement. Ties keep array order (the sort is stable), so two
 * insertions at one offset appear in the order they were given, as `model.applyEdits` does.
 */
function inDocumentOrder(changes: readonly TextChange[]): readonly TextChange[] {
  if (changes.length < 2) return changes;
  return [...changes].sort((a, b) => a.offset - b.offset || a.offset + a.deleteCount - (b.offset + b.deleteCount));
}

// ─── Composing batches (for merging events) ─────────────────────────────────────────────────────────

/**
 * The current text described against the text before the first batch: stretches kept from it
 * (`[from, to)`, the last one open-ended so no length is needed) and stretches typed since.
 */
type Piece = { kept: true; from: number; to: number } | { kept: false; text: string };

/**
 * One batch equivalent to applying `batches` one after another, every offset referring to the text
 * before the first. Text typed and deleted within the batches disappears: a merged event records where
 * the text ended up, not every keystroke on the way.
 */
export function composeBatches(batches: readonly (readonly TextChange[])[]): TextChange[] {
  let pieces: Piece[] = [{ kept: true, from: 0, to: Infinity }];
  for (const batch of batches) {
    // Highest offset first: each change leaves the offsets of those still to apply valid.
    const descending = [...inDocumentOrder(batch)].reverse();
    for (const change of descending) pieces = replaceRange(pieces, change);
  }
  return piecesToChanges(pieces);
}

function pieceLength(piece: Piece): number {
  return piece.kept ? piece.to - piece.from : piece.text.length;
}

function slicePiece(piece: Piece, start: number, end: number): Piece {
  return piece.kept
    ? { kept: true, from: piece.from + start, to: Math.min(piece.to, piece.from + end) }
    : { kept: false, text: piece.text.slice(start, end) };
}

function replaceRange(pieces: readonly Piece[], change: TextChange): Piece[] {
  const start = change.offset;
  const end = change.offset + change.deleteCount;
  const result: Piece[] = [];
  let inserted = change.insert === '';
  let pieceStart = 0;
  for (const piece of pieces) {
    const length = pieceLength(piece);
    const pieceEnd = pieceStart + length;
    if (pieceStart < start) result.push(slicePiece(piece, 0, Math.min(length, start - pieceStart)));
    if (!inserted && pieceEnd >= start) {
      result.push({ kept: false, text: change.insert });
      inserted = true;
    }
    if (pieceEnd > end) result.push(slicePiece(piece, Math.max(0, end - pieceStart), length));
    pieceStart = pieceEnd;
  }
  return result;
}

function piecesToChanges(pieces: readonly Piece[]): TextChange[] {
  const changes: TextChange[] = [];
  let originalOffset = 0;
  let typed = '';
  for (const piece of pieces) {
    if (!piece.kept) {
      typed += piece.text;
      continue;
    }
    if (piece.from > originalOffset || typed !== '') {
      changes.push({ offset: originalOffset, deleteCount: piece.from - originalOffset, insert: typed });
    }
    typed = '';
    originalOffset = piece.to;
  }
  return changes;
}

// ─── Merging keystrokes while recording ─────────────────────────────────────────────────────────────

interface PendingEdit {
  file: SessionFile;
  startT: number;
  t: number;
  batches: TextChange[][];
}

/**
 * Merges consecutive edit events of one file into one event per `windowMs` (measured from the first
 * keystroke of the group, so no merged event spans more than the window). A non-edit event, an edit of
 * the other file or `flush()` closes the group, so merged edits never move across anything else in the log.
 * Events must be pushed in time order.
 */
export class EditCoalescer {
  private pending: PendingEdit | null = null;

  constructor(private readonly windowMs = 500) {}

  /** The events that are now final, in log order (empty while an edit group is still open). */
  push(event: SessionEvent): SessionEvent[] {
    const pending = this.pending;
    if (event.type === 'edit' && pending !== null && pending.file === event.file && event.t - pending.startT <= this.windowMs) {
      pending.batches.push(event.changes);
      pending.t = event.t;
      return [];
    }
    const final = this.flush();
    if (event.type !== 'edit') return [...final, event];
    this.pending = { file: event.file, startT: event.startT ?? event.t, t: event.t, batches: [event.changes] };
    return final;
  }

  /** The open edit group as one event (the recorder calls this at least every second, so it gets stored). */
  flush(): SessionEvent[] {
    const pending = this.pending;
    if (pending === null) return [];
    this.pending = null;
    const merged: EditEvent = { t: pending.t, type: 'edit', file: pending.file, changes: composeBatches(pending.batches) };
    if (pending.startT !== pending.t) merged.startT = pending.startT;
    return [merged];
  }
}

// ─── Replaying ──────────────────────────────────────────────────────────────────────────────────────

type FileEvent = SnapshotEvent | EditEvent;

function isEventOf(event: SessionEvent, file: SessionFile): event is FileEvent {
  return (event.type === 'snapshot' || event.type === 'edit') && event.file === file;
}

function applyFileEvent(text: string, event: FileEvent): string {
  return event.type === 'snapshot' ? event.text : applyChanges(text, event.changes);
}

/**
 * The text of `file` at session time `atMs`: every event with `t <= atMs` applied in log order (`t` never
 * decreases in a log). Empty before the file's first snapshot. Linear in the log: for seeking, see `buildTextIndex`.
 */
export function replayText(events: readonly SessionEvent[], file: SessionFile, atMs: number): string {
  let text = '';
  for (const event of events) {
    if (event.t > atMs) break;
    if (isEventOf(event, file)) text = applyFileEvent(text, event);
  }
  return text;
}

export interface TextIndex {
  /** Same as `replayText(events, file, atMs)`, at most `everyN - 1` batches away from a stored checkpoint. */
  textAt(atMs: number): string;
  /** Index in `events` of the last edit of the file with `t <= atMs` (for highlighting it), or -1. */
  editIndexAt(atMs: number): number;
}

/**
 * Seeking for the replay: the text is kept after every `everyN` events of the file, so `textAt` finds the
 * last event before `atMs` by binary search and applies fewer than `everyN` events from the checkpoint
 * before it. Memory: one text per `everyN` events (a 20 000-edit session of 20 kB: 100 texts, 2 MB).
 */
export function buildTextIndex(events: readonly SessionEvent[], file: SessionFile, everyN = 200): TextIndex {
  const steps = events.flatMap((event, index) => (isEventOf(event, file) ? [index] : []));
  return indexTextSteps(events, steps, everyN);
}

/**
 * The same index over any one text's events, given as their indexes in `events` (log order, each a
 * snapshot or an edit): a file whose events name it by several paths, as a renamed one's do (fileSetIndex.ts).
 * The text starts empty.
 */
export function indexTextSteps(events: readonly SessionEvent[], stepIndexes: readonly number[], everyN = 200): TextIndex {
  if (!Number.isInteger(everyN) || everyN < 1) throw new RangeError(`everyN must be a positive integer, got ${everyN}`);
  const steps = stepIndexes.map((index) => {
    const event = events[index];
    if (event?.type !== 'snapshot' && event?.type !== 'edit') throw new RangeError(`Event ${index} is not a snapshot or an edit`);
    return { event, index };
  });
  const times = Float64Array.from(steps, (step) => step.event.t);
  const lastEditIndex = new Int32Array(steps.length);
  /** checkpoints[k]: the text after the first k * everyN steps. */
  const checkpoints: string[] = [''];
  let text = '';
  let lastEdit = -1;
  steps.forEach((step, i) => {
    text = applyFileEvent(text, step.event);
    if (step.event.type === 'edit') lastEdit = step.index;
    lastEditIndex[i] = lastEdit;
    if ((i + 1) % everyN === 0) checkpoints.push(text);
  });

  /** Number of steps with t <= atMs (upper bound). */
  const stepsUpTo = (atMs: number): number => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (times[mid]! <= atMs) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  // A replay that plays forward asks for nearby times over and over: resume from the last answer when it is
  // closer than the checkpoint.
  let cachedCount = 0;
  let cachedText = '';

  return {
    textAt(atMs) {
      const count = stepsUpTo(atMs);
      const checkpoint = Math.floor(count / everyN);
      let applied = checkpoint * everyN;
      let result = checkpoints[checkpoint]!;
      if (cachedCount <= count && cachedCount > applied) {
        applied = cachedCount;
        result = cachedText;
      }
      for (; applied < count; applied++) result = applyFileEvent(result, steps[applied]!.event);
      cachedCount = count;
      cachedText = result;
      return result;
    },
    editIndexAt(atMs) {
      const count = stepsUpTo(atMs);
      return count === 0 ? -1 : lastEditIndex[count - 1]!;
    },
  };
}
