/**
 * Drafts: every file the candidate edits is saved through a debounced saver of its own (retried until
 * written), named as core/practice/projectCode.ts says. A codebase problem also keeps its file list. A
 * flush writes everything pending and waits for it; replacing the savers (a new problem, a New attempt)
 * drops whatever the old ones still held, so an old attempt's text can never land on the new one.
 */
import { draftNameOf, fileListDraftName, isProjectProblem, parseFileList, startingProject } from '../../core/practice/projectCode';
import type { Language } from '../../core/languages/registry';
import type { Problem } from '../../core/problems/types';
import { DebouncedSaver, type SaverOptions } from '../../core/saving/debouncedSaver';
import type { EngineCore } from './core';

interface DraftValue {
  problemId: string;
  text: string;
}

/** A project as its drafts hold it: the files' texts and order, and when any of them was last saved. */
export interface StoredProject {
  files: Record<string, string>;
  paths: string[];
  savedAt: number;
}

export class Drafts {
  private savers = new Map<string, DebouncedSaver<DraftValue>>();
  private problemId: string | null = null;
  /** Draft writes on their way, so a flush (or a New attempt) can wait for them. */
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly core: EngineCore,
    private readonly options: Partial<SaverOptions>,
  ) {}

  /** Starts afresh for `problemId`: the savers of before are disposed (what they held is not written). */
  replace(problemId: string): void {
    for (const saver of this.savers.values()) saver.dispose();
    this.savers = new Map();
    this.problemId = problemId;
  }

  /** The draft `name` of the open problem changed: saved once typing rests. */
  change(name: string, text: string): void {
    if (this.problemId) this.saverOf(name).change({ problemId: this.problemId, text });
  }

  /** Writes every pending draft now and waits for the writes. */
  async flush(): Promise<void> {
    for (const saver of this.savers.values()) saver.flush();
    await Promise.allSettled([...this.inflight]);
  }

  private saverOf(name: string): DebouncedSaver<DraftValue> {
    let saver = this.savers.get(name);
    if (saver) return saver;
    const problemId = this.problemId;
    saver = new DebouncedSaver<DraftValue>(
      (value) => this.write(value, name),
      (status) => {
        if (this.core.state.problem?.id !== problemId) return;
        if (status.kind === 'failed') {
          this.core.set({
            saveError: `Could not save your ${name}: ${status.message}. Retrying; copy your work somewhere safe until this goes away.`,
          });
        } else if (status.kind === 'saved' && this.core.state.saveError) this.core.set({ saveError: null });
      },
      this.options,
    );
    this.savers.set(name, saver);
    return saver;
  }

  private write(value: DraftValue, name: string): Promise<void> {
    const write = this.core.storage.saveDraft(value.problemId, value.text, name).then(() => {
      // The first keystroke of a problem creates its practice record, so the catalog shows it in progress.
      if (!this.core.state.practice && this.core.state.problem?.id === value.problemId) this.core.persistPractice({});
    });
    this.inflight.add(write);
    void write.finally(() => this.inflight.delete(write)).catch(() => undefined);
    return write;
  }

  /** Saves a file's text (debounced). */
  saveFile(problem: Problem, language: Language, path: string, text: string): void {
    this.change(draftNameOf(problem, language, path), text);
  }

  /** Saves a codebase problem's file list (debounced like a file). */
  saveFileList(language: Language, paths: readonly string[]): void {
    this.change(fileListDraftName(language), JSON.stringify(paths));
  }

  /**
   * The project as the drafts hold it: the stored file list (or the starter's), each file's draft (or its
   * starter text). One round of reads.
   */
  async load(problem: Problem, language: Language): Promise<StoredProject> {
    const start = startingProject(problem, language);
    const id = problem.id;
    let paths = start.paths;
    let savedAt = 0;
    if (isProjectProblem(problem)) {
      const list = await this.core.storage.loadDraft(id, fileListDraftName(language));
      const stored = list ? parseFileList(list.code) : null;
      if (stored && stored.length > 0) {
        paths = stored;
        savedAt = list!.updatedAt;
      }
    }
    const drafts = await Promise.all(paths.map((p) => this.core.storage.loadDraft(id, draftNameOf(problem, language, p))));
    const files: Record<string, string> = {};
    paths.forEach((path, i) => {
      const draft = drafts[i];
      files[path] = draft?.code ?? start.files[path] ?? '';
      savedAt = Math.max(savedAt, draft?.updatedAt ?? 0);
    });
    return { files, paths: [...paths], savedAt };
  }
}
