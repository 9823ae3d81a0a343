/**
 * A session ready to replay: its timeline and, for any moment, what the screen shows then — the text of
 * each file, the edit that produced it (to highlight), and the last Run/Submit. Building it indexes the
 * log once (checkpoints, see `buildTextIndex`); `frameAt` is the seek path the replay page and the seek
 * benchmark (bench/seek.ts) both use.
 */
import { languageOr, languageSpec } from '../languages/registry';
import { buildTextIndex, type TextIndex } from '../session/editLog';
import { NOTES_FILE } from '../session/fileSet';
import type { SessionEvent, SessionFile, SessionRecord } from '../session/types';
import { editedRanges, type TextRange } from './editHighlight';
import { countAtOrBefore, lastAtOrBefore } from './navigation';
import { buildTimeline, type RunMarker, type Timeline } from './timeline';

export interface CurrentEdit {
  t: number;
  /** Where its changes landed in the text shown. */
  ranges: TextRange[];
}

export interface ReplayFrame {
  atMs: number;
  file: SessionFile;
  text: string;
  /** The last edit of the file at or before `atMs`, or null before the first one. */
  currentEdit: CurrentEdit | null;
  lastRun: RunMarker | null;
}

export interface Replay {
  timeline: Timeline;
  /**
   * The files the log holds text for: the code files in the order they first appear (the language's
   * solution file when the log has none), then 'notes.md' when there are plan notes.
   */
  files: SessionFile[];
  /** The session's main code file: the language's solution file when logged (else the first code file). */
  codeFile: SessionFile;
  frameAt(atMs: number, file: SessionFile): ReplayFrame;
  /**
   * How many of the file's events (snapshots and edits) happened by `atMs`: the text and the current edit
   * change only when this does, so a view can redraw the code on that and not on every frame.
   */
  versionAt(atMs: number, file: SessionFile): number;
  /** The file's text at the end of the session. */
  finalText(file: SessionFile): string;
}

export function createReplay(session: SessionRecord, events: readonly SessionEvent[], checkpointEvery = 200): Replay {
  const timeline = buildTimeline(session, events);
  const logged = new Set<SessionFile>();
  for (const e of events) if (e.type === 'snapshot' || e.type === 'edit') logged.add(e.file);
  const solutionFile = languageSpec(languageOr(session.language)).solutionFile;
  const codeFiles = [...logged].filter((f) => f !== NOTES_FILE);
  const codeFile = logged.has(solutionFile) || codeFiles.length === 0 ? solutionFile : codeFiles[0]!;
  const files: SessionFile[] = [...(codeFiles.length > 0 ? codeFiles : [solutionFile]), ...(logged.has(NOTES_FILE) ? [NOTES_FILE] : [])];
  const indexes = new Map<SessionFile, TextIndex>(files.map((f) => [f, buildTextIndex(events, f, checkpointEvery)]));
  const indexOf = (file: SessionFile): TextIndex | null => indexes.get(file) ?? null;
  const eventTimes = new Map<SessionFile, number[]>(
    files.map((f) => [f, events.filter((e) => (e.type === 'snapshot' || e.type === 'edit') && e.file === f).map((e) => e.t)]),
  );

  const firstSnapshotTimes = new Map<SessionFile, number>(
    files.map((f) => {
      const first = events.find((e) => (e.type === 'snapshot' || e.type === 'edit') && e.file === f);
      return [f, first?.type === 'snapshot' ? first.t : -Infinity];
    }),
  );
  const firstSnapshotT = (file: SessionFile) => firstSnapshotTimes.get(file) ?? -Infinity;

  return {
    timeline,
    files,
    codeFile,
    frameAt(atMs, file) {
      const index = indexOf(file);
      const editIndex = index ? index.editIndexAt(atMs) : -1;
      const edit = editIndex >= 0 ? events[editIndex] : undefined;
      return {
        atMs,
        file,
        // Before the file's first snapshot (stamped a few ms into the session) the editor already held that
        // text: show it rather than an empty file.
        text: index ? index.textAt(Math.max(atMs, firstSnapshotT(file))) : '',
        currentEdit: edit?.type === 'edit' ? { t: edit.t, ranges: editedRanges(edit.changes) } : null,
        lastRun: lastAtOrBefore(timeline.runs, atMs),
      };
    },
    versionAt(atMs, file) {
      const times = eventTimes.get(file);
      return times ? countAtOrBefore(times, atMs) : 0;
    },
    finalText(file) {
      return indexOf(file)?.textAt(Infinity) ?? '';
    },
  };
}
