/**
 * The candidate's files: typing into one (saved, logged, nudged, compiled ahead), switching between them,
 * and — where the problem allows — creating, renaming and deleting them. Every change of the file list
 * is saved (a codebase problem's file list draft) and logged (file-create, file-rename, file-delete), and
 * every switch is logged (file-open), so a replay shows which file was being edited when.
 */
import { newPathProblem, sortPaths } from '../../core/files/paths';
import { reservedPathProblem } from '../../core/files/reservedPaths';
import { isProjectProblem, logPathOf } from '../../core/practice/projectCode';
import { diffAsChange } from '../../core/session/textDiff';
import type { TextChange } from '../../core/session/types';
import { codeKeyOf, isPaused } from '../state';
import type { EngineCore } from './core';
import type { Drafts } from './drafts';
import type { Nudges } from './nudges';
import type { Runs } from './runs';

export class Files {
  private revealSeq = 0;

  constructor(
    private readonly core: EngineCore,
    private readonly drafts: Drafts,
    private readonly nudges: Nudges,
    private readonly runs: Runs,
  ) {}

  /**
   * The editor's text of the active file changed. `key` is the buffer the editor shows (`codeKey` when
   * it was given its text): a change from an editor of another problem, language or file, e.g. one still
   * on screen while the next page's draft loads, is dropped rather than saved over this file's draft.
   */
  setCode(code: string, key?: string): void {
    const { problem, activeFile, files, received: start, language } = this.core.state;
    if (key !== undefined && key !== this.core.state.codeKey) return;
    if (isPaused(this.core.state.clock)) return; // nothing is edited while paused
    if (!problem) {
      this.core.set({ code });
      return;
    }
    if (start?.readOnly.includes(activeFile)) {
      this.refuseReadOnlyEdit();
      return;
    }
    const before = files[activeFile] ?? '';
    this.core.set({ code, files: { ...files, [activeFile]: code } });
    this.drafts.saveFile(problem, language, activeFile, code);
    if (problem.kind === 'coding') this.nudges.codeEdited(activeFile, before, code, start?.files[activeFile] ?? '');
    this.runs.prepare();
  }

  /** One batch of Monaco changes to the active file, for the session log. */
  recordCodeEdit(changes: TextChange[]): void {
    const { problem, activeFile, received: start } = this.core.state;
    if (!problem || start?.readOnly.includes(activeFile)) return;
    this.core.recorder.edit(logPathOf(problem, activeFile), changes);
  }

  /** Someone typed in a file the problem asks them not to change: say so (the editor keeps it unchanged). */
  refuseReadOnlyEdit(): void {
    const { activeFile } = this.core.state;
    this.core.set({ fileNotice: `${activeFile} is read-only in this problem: it is part of the setup the tests rely on.` });
  }

  dismissFileNotice(): void {
    if (this.core.state.fileNotice) this.core.set({ fileNotice: null });
  }

  setNotes(notes: string): void {
    const { problem } = this.core.state;
    if (isPaused(this.core.state.clock)) return;
    const change = diffAsChange(this.core.state.notes, notes);
    this.core.set({ notes });
    if (change) this.core.recorder.log({ type: 'edit', file: 'notes.md', changes: [change] });
    if (problem) this.drafts.change('notes.md', notes);
    this.nudges.notesEdited(notes);
  }

  /** Shows `path` in the editor (a tab opens for it); with `at`, its caret goes to that line and column. */
  openFile(path: string, at?: { line: number; column?: number }): void {
    const { problem, files, activeFile, openFiles, language } = this.core.state;
    if (!problem || !(path in files)) return;
    const patch = {
      activeFile: path,
      code: files[path]!,
      codeKey: codeKeyOf(problem.id, language, path),
      openFiles: openFiles.includes(path) ? openFiles : [...openFiles, path],
      fileNotice: null,
      ...(at ? { reveal: { file: path, line: at.line, column: at.column ?? 1, seq: ++this.revealSeq } } : {}),
    };
    this.core.set(patch);
    if (path !== activeFile) this.core.recorder.log({ type: 'file-open', file: logPathOf(problem, path) });
  }

  /** Closes a tab; the editor shows the tab beside it (a file stays in the tree). The last tab stays open. */
  closeFile(path: string): void {
    const { openFiles, activeFile } = this.core.state;
    const at = openFiles.indexOf(path);
    if (at < 0 || openFiles.length === 1) return;
    const rest = openFiles.filter((p) => p !== path);
    this.core.set({ openFiles: rest });
    if (path === activeFile) this.openFile(rest[Math.min(at, rest.length - 1)]!);
  }

  /** Why the tree cannot change now, or null. */
  private treeLocked(): string | null {
    const { problem, received: start, running, loaded } = this.core.state;
    if (!problem || !loaded) return 'The project is still loading.';
    if (!start?.editableTree) {
      return isProjectProblem(problem)
        ? "This project's file list is fixed: edit its files, but files cannot be added, renamed or deleted."
        : 'This problem is one file: files cannot be added, renamed or deleted.';
    }
    if (running) return 'Wait for the run to finish.';
    if (isPaused(this.core.state.clock)) return 'The session is paused: resume it to change files.';
    return null;
  }

  /** Creates an empty file and opens it. Returns why not (nothing changes then), or null. */
  createFile(path: string): string | null {
    const refusal = this.treeLocked() ?? newPathProblem(path, this.core.state.paths) ?? reservedPathProblem(path, this.core.state.language);
    if (refusal) return this.refuse(refusal);
    const { problem, files, paths, language } = this.core.state;
    const nextPaths = sortPaths([...paths, path]);
    this.core.set({ files: { ...files, [path]: '' }, paths: nextPaths, fileNotice: null });
    this.drafts.saveFile(problem!, language, path, '');
    this.drafts.saveFileList(language, nextPaths);
    const logPath = logPathOf(problem!, path);
    this.core.recorder.log({ type: 'file-create', file: logPath });
    this.core.recorder.log({ type: 'snapshot', file: logPath, text: '' });
    this.openFile(path);
    this.runs.prepare();
    return null;
  }

  /** Renames a file (its text and tab go with it). Returns why not, or null. */
  renameFile(from: string, to: string): string | null {
    const { files, paths, received: start, language, problem } = this.core.state;
    const refusal =
      this.treeLocked() ??
      (from in files ? null : `There is no file “${from}”.`) ??
      (start?.readOnly.includes(from) ? `${from} is read-only in this problem.` : null) ??
      (from === to ? null : (newPathProblem(to, paths, { renaming: from }) ?? reservedPathProblem(to, language)));
    if (refusal) return this.refuse(refusal);
    if (from === to) return null;
    const text = files[from]!;
    const nextFiles = Object.fromEntries(Object.entries(files).map(([p, t]) => (p === from ? [to, t] : [p, t])));
    const nextPaths = sortPaths(paths.map((p) => (p === from ? to : p)));
    const s = this.core.state;
    this.core.set({
      files: nextFiles,
      paths: nextPaths,
      openFiles: s.openFiles.map((p) => (p === from ? to : p)),
      fileNotice: null,
      ...(s.activeFile === from ? { activeFile: to, codeKey: codeKeyOf(problem!.id, language, to) } : {}),
    });
    this.drafts.saveFile(problem!, language, to, text);
    this.drafts.saveFileList(language, nextPaths);
    this.core.recorder.log({ type: 'file-rename', from: logPathOf(problem!, from), to: logPathOf(problem!, to) });
    this.runs.prepare();
    return null;
  }

  /** Deletes a file (its text is gone from the project; a starter file comes back with New attempt). */
  deleteFile(path: string): string | null {
    const { files, paths, received: start, language, problem } = this.core.state;
    const refusal =
      this.treeLocked() ??
      (path in files ? null : `There is no file “${path}”.`) ??
      (start?.readOnly.includes(path) ? `${path} is read-only in this problem.` : null) ??
      (paths.length === 1 ? 'A project needs at least one file.' : null);
    if (refusal) return this.refuse(refusal);
    const nextFiles = { ...files };
    delete nextFiles[path];
    const nextPaths = paths.filter((p) => p !== path);
    const s = this.core.state;
    const openFiles = s.openFiles.filter((p) => p !== path);
    const nextOpen = openFiles.length > 0 ? openFiles : [nextPaths[0]!];
    this.core.set({ files: nextFiles, paths: nextPaths, openFiles: nextOpen, fileNotice: null });
    this.drafts.saveFileList(language, nextPaths);
    this.core.recorder.log({ type: 'file-delete', file: logPathOf(problem!, path) });
    if (s.activeFile === path) this.openFile(nextOpen[0]!);
    this.runs.prepare();
    return null;
  }

  private refuse(message: string): string {
    this.core.set({ fileNotice: message });
    return message;
  }
}
