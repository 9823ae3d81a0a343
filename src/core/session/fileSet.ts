/**
 * A session's files at any moment, from its log: every file's text (core/session/editLog.ts rules for
 * snapshots and edits), with the file events applied — a created file is there (empty until its snapshot),
 * a renamed one keeps its text under the new path, a deleted one is gone. The bundle writes the final set
 * (format 5), and the replay shows the set at the playhead. Pure; one pass over the log.
 */
import { applyChanges } from './editLog';
import type { SessionEvent, SessionFile } from './types';

/** The plan notes: logged like a file, but not one of the project's files (a bundle keeps them in notes.md). */
export const NOTES_FILE: SessionFile = 'notes.md';

/**
 * Every file's text after the events with `t <= atMs`, by path. An edit of a file the set does not hold
 * applies to an empty text (as `replayText` does), so a log from before file events reads the same.
 * Built with Object.fromEntries, so any valid path is a key of its own ('__proto__' and 'constructor' too).
 * Throws a RangeError when an edit falls outside its file's text, as `applyChanges` does.
 */
export function filesAt(events: readonly SessionEvent[], atMs: number): Record<SessionFile, string> {
  const files = new Map<SessionFile, string>();
  for (const event of events) {
    if (event.t > atMs) break;
    switch (event.type) {
      case 'snapshot':
        files.set(event.file, event.text);
        break;
      case 'edit':
        files.set(event.file, applyChanges(files.get(event.file) ?? '', event.changes));
        break;
      case 'file-create':
        if (!files.has(event.file)) files.set(event.file, '');
        break;
      case 'file-rename': {
        const text = files.get(event.from);
        if (text === undefined) break;
        files.delete(event.from);
        files.set(event.to, text);
        break;
      }
      case 'file-delete':
        files.delete(event.file);
        break;
    }
  }
  return Object.fromEntries(files);
}

/** Every file's text at the end of the session, by path. */
export function finalFiles(events: readonly SessionEvent[]): Record<SessionFile, string> {
  return filesAt(events, Infinity);
}

/** The project's files of a set: everything but the plan notes. */
export function projectFiles(files: Readonly<Record<SessionFile, string>>): Record<SessionFile, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => path !== NOTES_FILE));
}
