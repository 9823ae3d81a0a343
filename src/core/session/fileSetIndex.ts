/**
 * A session's files at any moment, indexed for seeking: the same set as `filesAt` (fileSet.ts) — snapshots
 * and `file-create` add a file, `file-rename` moves its text (later edits name the new path), `file-delete`
 * removes it — plus which file the candidate was in. Built in one pass over the log; every answer is then a
 * binary search, and a file's text comes from a checkpointed index (`indexTextSteps`, editLog.ts) that
 * follows the file across its renames, so seeking a multi-file session costs what seeking one file did.
 */
import { sortPaths } from '../files/paths';
import { indexTextSteps, type TextIndex } from './editLog';
import { NOTES_FILE } from './fileSet';
import type { SessionEvent, SessionFile } from './types';

/** A file of the candidate's code: every path but the plan notes. */
export function isCodeFile(path: SessionFile): boolean {
  return path !== NOTES_FILE;
}

export interface FileSetIndex {
  /** Every path that held a file at some moment, in tree order. */
  readonly everyPath: readonly SessionFile[];
  /** The paths holding a file after the events with `t <= atMs`, in tree order (the plan notes included). */
  pathsAt(atMs: number): readonly SessionFile[];
  /** The text at `path` then, or null when no file is there then. */
  textAt(path: SessionFile, atMs: number): string | null;
  /** Index in the log of the last edit of the file at `path` then (made under any of its names), or -1. */
  editIndexAt(path: SessionFile, atMs: number): number;
  /**
   * How many events by `atMs` changed what `path` holds (its snapshots and edits, its creation, deletion
   * and renames to or from it): what the path shows changes only when this does.
   */
  versionAt(path: SessionFile, atMs: number): number;
  /**
   * The code file the candidate was in: the last `file-open`, or the file of the last code edit if that
   * came later; it follows a rename, and is null before either and after that file's deletion.
   */
  activeFileAt(atMs: number): SessionFile | null;
}

/** Values that change over time, appended in time order; `at` is the value after the last change with t <= atMs. */
class Series<T> {
  private readonly times: number[] = [];
  private readonly values: T[] = [];

  push(t: number, value: T): void {
    this.times.push(t);
    this.values.push(value);
  }

  count(atMs: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! <= atMs) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  at(atMs: number, before: T): T {
    const count = this.count(atMs);
    return count === 0 ? before : this.values[count - 1]!;
  }
}

/** What one pass over the log finds: each file (by id, kept across renames) and each series. */
class FileSetScan {
  /** The log indexes of each file's snapshots and edits, by file id. */
  readonly steps: number[][] = [];
  /** Which file id each path holds over time (null: none). */
  readonly holders = new Map<SessionFile, Series<number | null>>();
  readonly touches = new Map<SessionFile, Series<null>>();
  readonly sets = new Series<readonly SessionFile[]>();
  readonly active = new Series<SessionFile | null>();
  private readonly now = new Map<SessionFile, number>();
  private activeNow: SessionFile | null = null;
  private setChanged = false;

  constructor(events: readonly SessionEvent[]) {
    events.forEach((event, index) => this.apply(event, index));
  }

  private seriesOf<T>(map: Map<SessionFile, Series<T>>, path: SessionFile): Series<T> {
    let series = map.get(path);
    if (!series) map.set(path, (series = new Series<T>()));
    return series;
  }

  private hold(path: SessionFile, id: number | null, t: number): void {
    if (id === null) this.now.delete(path);
    else this.now.set(path, id);
    this.seriesOf(this.holders, path).push(t, id);
    this.setChanged = true;
  }

  private touch(path: SessionFile, t: number): void {
    this.seriesOf(this.touches, path).push(t, null);
  }

  private newFile(path: SessionFile, t: number): number {
    this.steps.push([]);
    const id = this.steps.length - 1;
    this.hold(path, id, t);
    return id;
  }

  private setActive(path: SessionFile | null, t: number): void {
    if (path === this.activeNow) return;
    this.activeNow = path;
    this.active.push(t, path);
  }

  private apply(event: SessionEvent, index: number): void {
    switch (event.type) {
      case 'snapshot':
      case 'edit': {
        // An edit of a file the set does not hold starts it empty, as `filesAt` and `replayText` do.
        const id = this.now.get(event.file) ?? this.newFile(event.file, event.t);
        this.steps[id]!.push(index);
        this.touch(event.file, event.t);
        if (event.type === 'edit' && isCodeFile(event.file)) this.setActive(event.file, event.t);
        break;
      }
      case 'file-create':
        if (this.now.has(event.file)) break;
        this.newFile(event.file, event.t);
        this.touch(event.file, event.t);
        break;
      case 'file-rename': {
        const id = this.now.get(event.from);
        if (id === undefined) break;
        this.hold(event.from, null, event.t);
        this.hold(event.to, id, event.t);
        this.touch(event.from, event.t);
        this.touch(event.to, event.t);
        if (this.activeNow === event.from) this.setActive(event.to, event.t);
        break;
      }
      case 'file-delete':
        if (!this.now.has(event.file)) break;
        this.hold(event.file, null, event.t);
        this.touch(event.file, event.t);
        if (this.activeNow === event.file) this.setActive(null, event.t);
        break;
      case 'file-open':
        this.setActive(event.file, event.t);
        break;
      default:
        return;
    }
    if (this.setChanged) {
      this.sets.push(event.t, sortPaths([...this.now.keys()]));
      this.setChanged = false;
    }
  }
}

/** `everyN`: a file's text is kept after every `everyN` of its events (see `buildTextIndex`). */
export function buildFileSetIndex(events: readonly SessionEvent[], everyN = 200): FileSetIndex {
  const scan = new FileSetScan(events);
  const texts: TextIndex[] = scan.steps.map((steps) => indexTextSteps(events, steps, everyN));
  const holderAt = (path: SessionFile, atMs: number): number | null => scan.holders.get(path)?.at(atMs, null) ?? null;
  const none: readonly SessionFile[] = [];

  return {
    everyPath: sortPaths([...scan.holders.keys()]),
    pathsAt: (atMs) => scan.sets.at(atMs, none),
    textAt(path, atMs) {
      const id = holderAt(path, atMs);
      return id === null ? null : texts[id]!.textAt(atMs);
    },
    editIndexAt(path, atMs) {
      const id = holderAt(path, atMs);
      return id === null ? -1 : texts[id]!.editIndexAt(atMs);
    },
    versionAt: (path, atMs) => scan.touches.get(path)?.count(atMs) ?? 0,
    activeFileAt: (atMs) => scan.active.at(atMs, null),
  };
}
