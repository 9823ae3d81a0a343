/**
 * New attempt: the problem from scratch — every file as received (in every language: the other language's
 * draft is part of the attempt too), empty notes, no results, stages locked, no Submit (so no reference
 * comparison), the clock before Start. The attempt it replaces is kept in the history with its files (its
 * sessions keep their recordings). A session still recording is ended and saved first.
 */
import type { AttemptRecord } from '../../core/records/types';
import { attemptHasWork, draftNameOf, fileListDraftName, isProjectProblem, startingProject } from '../../core/practice/projectCode';
import { LANGUAGES, type Language } from '../../core/languages/registry';
import type { Problem } from '../../core/problems/types';
import { parseBoardDraft, serialiseBoardDraft } from '../../core/whiteboard/restoreBoard';
import type { PracticeRecord } from '../../storage/db';
import { type PracticeState } from '../state';
import { BOARD_DRAFT, type Board } from './board';
import type { EngineCore } from './core';
import type { Drafts } from './drafts';
import type { Nudges } from './nudges';
import type { Session } from './session';
import { projectView } from './projectView';
import { freshRequestDrafts } from './requests';

/**
 * The drafts that start every language's project afresh (its files' starter texts and its file list), and
 * a design problem's whiteboard empty.
 */
function freshDrafts(problem: Problem): { file: string; text: string }[] {
  const languages: Language[] = problem.kind === 'coding' ? LANGUAGES.filter((l) => problem.code[l]) : ['typescript'];
  const code = languages.flatMap((language) => {
    const start = startingProject(problem, language);
    const files = start.paths.map((path) => ({ file: draftNameOf(problem, language, path), text: start.files[path]! }));
    return isProjectProblem(problem) ? [...files, { file: fileListDraftName(language), text: JSON.stringify(start.paths) }] : files;
  });
  if (problem.design) return [...code, { file: BOARD_DRAFT, text: serialiseBoardDraft([]) }];
  return [...code, ...freshRequestDrafts(problem)];
}

export class Attempts {
  constructor(
    private readonly core: EngineCore,
    private readonly drafts: Drafts,
    private readonly nudges: Nudges,
    private readonly session: Session,
    private readonly board: Board,
    private readonly freshNotes: (problem: Problem) => string,
  ) {}

  /** Whether the current attempt has anything in it (the one rule: core/practice/projectCode.ts). */
  static hasWork(s: PracticeState, freshNotes: string): boolean {
    if (!s.received) return false;
    return attemptHasWork({
      files: s.files,
      start: s.received,
      notes: s.notes,
      freshNotes,
      submits: s.practice?.submits ?? 0,
      sessions: s.practice?.sessionIds?.length ?? 0,
      clockStarted: s.practice?.clock != null || s.clock !== null,
      boardElements: s.board.problemId === s.problem?.id ? s.board.elements.length : 0,
    });
  }

  /**
   * The board the finished attempt keeps, as its draft: the open board's elements, or the saved draft when
   * the Whiteboard region is not open; null when nothing is on it.
   */
  private async boardToKeep(problemId: string): Promise<string | null> {
    const view = this.core.state.board;
    if (view.problemId === problemId && view.loaded) return view.elements.length > 0 ? serialiseBoardDraft(view.elements) : null;
    const draft = await this.core.storage.loadDraft(problemId, BOARD_DRAFT).catch(() => undefined);
    const elements = draft ? (parseBoardDraft(draft.code)?.elements ?? []) : [];
    return elements.some((e) => !e.isDeleted) ? serialiseBoardDraft(elements.filter((e) => !e.isDeleted)) : null;
  }

  /** Starts the new attempt; false when it did not (nothing open, a run under way, the write failed). */
  async newAttempt(): Promise<boolean> {
    const { core } = this;
    const { problem } = core.state;
    if (!problem || core.state.running) return false;
    const phase = core.recorder.phase();
    if (phase === 'recording' || phase === 'interrupted') await this.session.end();
    await Promise.all([this.drafts.flush(), this.board.flush()]);
    const s = core.state;
    const { practice, files, notes, history, language } = s;
    const freshNotes = this.freshNotes(problem);
    const number = practice?.attempt ?? 1;
    const board = problem.design ? await this.boardToKeep(problem.id) : null;
    const now = core.now();
    const finished: AttemptRecord | null = Attempts.hasWork(s, freshNotes)
      ? {
          problemId: problem.id,
          number,
          startedAt: practice?.attemptStartedAt ?? null,
          endedAt: now,
          code: files[s.paths[0] ?? ''] ?? '',
          ...(s.received?.editableTree ? { files: { ...files } } : {}),
          ...(board ? { board } : {}),
          notes,
          submits: practice?.submits ?? 0,
          lastSubmit: practice?.lastSubmit ?? null,
          submitsUntilAllPass: practice?.submitsUntilAllPass ?? null,
          firstAllPassAt: practice?.firstAllPassAt ?? null,
          sessionIds: practice?.sessionIds ?? [],
          ...(language !== 'typescript' ? { language } : {}),
        }
      : null;
    const next: PracticeRecord = {
      problemId: problem.id,
      // "Solved" belongs to the problem: the catalog keeps showing it was solved once.
      status: practice?.status ?? 'in-progress',
      clock: null,
      lastSubmit: null,
      submits: 0,
      updatedAt: now,
      ...(practice?.protocolId ? { protocolId: practice.protocolId } : {}),
      ...(practice?.language ? { language: practice.language } : {}),
      ...(practice?.features ? { features: practice.features } : {}),
      attempt: finished ? number + 1 : number,
      attemptStartedAt: null,
      submitsUntilAllPass: null,
      firstAllPassAt: null,
      sessionIds: [],
    };
    try {
      await core.storage.startNewAttempt({ finished, next, drafts: [...freshDrafts(problem), { file: 'notes.md', text: freshNotes }] });
    } catch (e) {
      core.set({ saveError: `Could not start a new attempt: ${e instanceof Error ? e.message : String(e)}. Your code is as it was.` });
      return false;
    }
    if (core.state.problem?.id !== problem.id) return false;
    // Savers of the old attempt must not write its files (or its board) over the fresh ones later.
    this.drafts.replace(problem.id);
    this.board.reset(problem.id);
    await core.recorder.detach(); // the finished session's panel belongs to the previous attempt
    this.nudges.reset();
    const start = startingProject(problem, language);
    core.set({
      ...projectView(problem, language, start, { files: start.files, paths: start.paths }),
      notes: freshNotes,
      clock: null,
      practice: next,
      lastResult: null,
      console: [],
      draftQuestion: null,
      nudge: null,
      saveError: null,
      history: finished ? [...history, finished] : history,
    });
    return true;
  }
}
