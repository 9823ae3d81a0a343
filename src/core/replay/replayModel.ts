/**
 * A session ready to replay: its timeline and, for any moment, what the screen shows then — the files that
 * exist and which one was being edited, the text of each, the edit that produced it (to highlight), and the
 * last Run/Submit. Building it indexes the log once (core/session/fileSetIndex.ts, checkpointed per file);
 * `frameAt` is the seek path the replay page and the seek benchmark (bench/seek.ts) both use.
 */
import { languageOr, languageSpec } from '../languages/registry';
import { NOTES_FILE } from '../session/fileSet';
import { buildFileSetIndex, isCodeFile } from '../session/fileSetIndex';
import type { SessionEvent, SessionFile, SessionRecord } from '../session/types';
import { editedRanges, type TextRange } from './editHighlight';
import { lastAtOrBefore } from './navigation';
import { buildTimeline, type RunMarker, type Timeline } from './timeline';

export interface CurrentEdit {
  t: number;
  /** Where its changes landed in the text shown. */
  ranges: TextRange[];
}

export interface ReplayFrame {
  atMs: number;
  file: SessionFile;
  /** Whether a file is at that path then (a file created later, renamed away or deleted is not). */
  exists: boolean;
  /** Its text then ('' when it does not exist). */
  text: string;
  /** The last edit of the file at or before `atMs`, or null before the first one. */
  currentEdit: CurrentEdit | null;
  lastRun: RunMarker | null;
}

export interface Replay {
  timeline: Timeline;
  /** Every file the log holds at some moment: the code files in tree order, then 'notes.md' when it has notes. */
  files: SessionFile[];
  /**
   * The code files the log holds at some moment, in tree order: one for a single-file session ('solution.ts',
   * 'solution.py'; a design session's scratchpad is 'solution.ts'), the project's for a codebase session.
   */
  codeFiles: SessionFile[];
  /** The session's main code file: the language's solution file when the log has it, else the first code file. */
  codeFile: SessionFile;
  /** The session's code was more than one file at some moment (a codebase problem). */
  multiFile: boolean;
  /** The code files that exist at `atMs`, in tree order (the same array while the set does not change). */
  codeFilesAt(atMs: number): readonly SessionFile[];
  /** The code file being edited at `atMs` (last opened, or last edited if later), or null before any. */
  activeFileAt(atMs: number): SessionFile | null;
  frameAt(atMs: number, file: SessionFile): ReplayFrame;
  /**
   * How many events changed what `file` holds by `atMs`: the text and the current edit change only when
   * this does, so a view can redraw the code on that and not on every frame.
   */
  versionAt(atMs: number, file: SessionFile): number;
  /** The file's text at the end of the session ('' when it is gone). */
  finalText(file: SessionFile): string;
  /** Every code file's text at `atMs` (path → text), for comparing with the reference. */
  codeAt(atMs: number): Record<SessionFile, string>;
}

/**
 * When the opening snapshots were all stamped: the last snapshot before anything else changed a file or
 * ran. Before it the editor already held that text (a log's first snapshots may be stamped a few ms into
 * the session), so a frame before it shows it rather than no file.
 */
function openingMs(events: readonly SessionEvent[]): number {
  let opening = -Infinity;
  for (const e of events) {
    if (e.type === 'snapshot') opening = e.t;
    else if (e.type === 'edit' || e.type === 'run' || e.type.startsWith('file-')) break;
  }
  return opening;
}

export function createReplay(session: SessionRecord, events: readonly SessionEvent[], checkpointEvery = 200): Replay {
  const timeline = buildTimeline(session, events);
  const index = buildFileSetIndex(events, checkpointEvery);
  const loggedCode = index.everyPath.filter(isCodeFile);
  // A log with no code at all still shows an (empty) editor for the session's one file.
  const solutionFile = languageSpec(languageOr(session.language)).solutionFile;
  const codeFiles = loggedCode.length > 0 ? loggedCode : [solutionFile];
  const files = index.everyPath.includes(NOTES_FILE) ? [...codeFiles, NOTES_FILE] : codeFiles;
  const opening = openingMs(events);
  const clamp = (atMs: number) => Math.max(atMs, opening);
  // One array per file set, so a view that selects the files at the play head re-renders only when they change.
  const codeOnly = new WeakMap<readonly SessionFile[], readonly SessionFile[]>();
  const codeFilesOf = (paths: readonly SessionFile[]) => {
    let code = codeOnly.get(paths);
    if (!code) codeOnly.set(paths, (code = paths.filter(isCodeFile)));
    return code;
  };

  return {
    timeline,
    files,
    codeFiles,
    codeFile: codeFiles.includes(solutionFile) ? solutionFile : codeFiles[0]!,
    multiFile: codeFiles.length > 1,
    codeFilesAt: (atMs) => codeFilesOf(index.pathsAt(clamp(atMs))),
    activeFileAt: (atMs) => index.activeFileAt(clamp(atMs)),
    frameAt(atMs, file) {
      const at = clamp(atMs);
      const text = index.textAt(file, at);
      const edit = events[index.editIndexAt(file, at)];
      return {
        atMs,
        file,
        exists: text !== null,
        text: text ?? '',
        currentEdit: edit?.type === 'edit' && text !== null ? { t: edit.t, ranges: editedRanges(edit.changes) } : null,
        lastRun: lastAtOrBefore(timeline.runs, atMs),
      };
    },
    versionAt: (atMs, file) => index.versionAt(file, clamp(atMs)),
    finalText: (file) => index.textAt(file, Infinity) ?? '',
    codeAt(atMs) {
      const at = clamp(atMs);
      return Object.fromEntries(index.pathsAt(at).flatMap((path) => (isCodeFile(path) ? [[path, index.textAt(path, at) ?? '']] : [])));
    },
  };
}
