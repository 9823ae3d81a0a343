/**
 * The practice engine: everything that happens while a candidate practises one problem, without React.
 * It is made of parts with one job each (parts/): drafts, files, runs, the session (clock and recording),
 * attempts, nudges, a design problem's whiteboard, the interviewer's follow-ups and the custom protocols,
 * sharing one store and the ports (ports.ts) through `EngineCore`. This class opens and leaves problems,
 * switches languages, and is the one public face: the zustand hooks in the features are thin selectors
 * over `engine.store` with the engine's actions, and no feature store reaches the recorder or storage.
 *
 * Its dependencies come in as ports, so the unit tests drive it with fakes in Node.
 */
import { isPhaseClockState } from '../core/timer/phaseClock';
import { languageFor, startingProject } from '../core/practice/projectCode';
import type { Language } from '../core/languages/registry';
import type { FollowUp, Problem } from '../core/problems/types';
import type { CustomProtocolRecord } from '../core/records/types';
import type { SaverOptions } from '../core/saving/debouncedSaver';
import type { TextChange } from '../core/session/types';
import type { RunMode } from '../runner/types';
import type { InterviewSettings } from '../core/records/types';
import { Attempts } from './parts/attempts';
import { Board } from './parts/board';
import { EngineCore } from './parts/core';
import { Drafts } from './parts/drafts';
import { Files } from './parts/files';
import { Interviewer } from './parts/interviewer';
import { Nudges } from './parts/nudges';
import { projectView } from './parts/projectView';
import { Protocols } from './parts/protocols';
import { Requests } from './parts/requests';
import { Runs } from './parts/runs';
import { Session } from './parts/session';
import type { PracticeConnections, PracticeRecorder, PracticeStorage } from './ports';
import { emptyRequests, type PracticeState } from './state';
import type { RequestDraft } from '../core/api/parseRequest';

export interface PracticeEngineOptions {
  now?: () => number;
  saver?: Partial<SaverOptions>;
}

export class PracticeEngine {
  private readonly core: EngineCore;
  private readonly drafts: Drafts;
  private readonly nudges: Nudges;
  private readonly runs: Runs;
  private readonly session: Session;
  private readonly files: Files;
  private readonly attempts: Attempts;
  private readonly board: Board;
  private readonly interviewer: Interviewer;
  private readonly protocols: Protocols;
  private readonly requests: Requests;
  /** An interrupted session the user chose to continue (from the sessions list) before its problem opened. */
  private continueRequested: string | null = null;

  constructor(storage: PracticeStorage, recorder: PracticeRecorder, options: PracticeEngineOptions = {}) {
    const core = new EngineCore(storage, recorder, options.now ?? Date.now);
    this.core = core;
    this.drafts = new Drafts(core, options.saver ?? {});
    this.nudges = new Nudges(core);
    this.protocols = new Protocols(core);
    this.board = new Board(core, options.saver ?? {});
    this.interviewer = new Interviewer(core, this.nudges);
    this.runs = new Runs(core, this.nudges);
    this.requests = new Requests(core, this.drafts);
    this.session = new Session(core, this.nudges, this.protocols);
    this.files = new Files(core, this.drafts, this.nudges, this.runs);
    this.attempts = new Attempts(core, this.drafts, this.nudges, this.session, this.board, (p) => this.initialNotes(p));
  }

  get store() {
    return this.core.store;
  }

  get state(): PracticeState {
    return this.core.state;
  }

  /** The workspace supplies the runner and the design notes template. */
  connect(connections: PracticeConnections): void {
    this.core.connect(connections);
  }

  private initialNotes(problem: Problem): string {
    return problem.design ? (this.core.connections()?.initialNotes(problem) ?? '') : '';
  }

  /** Whether the current attempt has anything in it: New attempt is offered then. */
  hasWork(): boolean {
    const { problem } = this.state;
    return !!problem && this.state.loaded && Attempts.hasWork(this.state, this.initialNotes(problem));
  }

  // ─── opening and leaving ──────────────────────────────────────────────────────────────────────────

  async open(problem: Problem): Promise<void> {
    const { core } = this;
    const generation = ++core.generation;
    // Nothing is typed into or switched on the page being left from here on (a language choice waits for it).
    core.set({ loaded: false });
    await this.drafts.flush();
    if (generation !== core.generation) return; // another page opened while the drafts were written
    this.drafts.replace(problem.id);
    const language0 = languageFor(problem, undefined);
    const start0 = startingProject(problem, language0);
    core.set({
      problem,
      loaded: false,
      ...projectView(problem, language0, start0, { files: start0.files, paths: start0.paths }),
      codeKey: null,
      notes: '',
      clock: null,
      practice: null,
      lastResult: null,
      console: [],
      saveError: null,
      draftQuestion: null,
      history: [],
      nudge: null,
      language: language0,
      preparing: null,
      requests: emptyRequests(),
    });
    // One round of reads: the project of each language the problem has (which one is shown depends on the
    // practice record read beside them), so the code shows without a second wait on IndexedDB.
    const languages = (Object.keys(problem.code) as Language[]).filter((l) => problem.kind === 'coding' && problem.code[l]);
    const candidates = languages.length > 0 ? languages : [language0];
    const [practice, notesDraft, history, , ...projects] = await Promise.all([
      core.storage.loadPractice(problem.id),
      core.storage.loadDraft(problem.id, 'notes.md'),
      core.storage.listAttempts(problem.id).catch(() => []),
      // Custom protocols, so Start can use one chosen for this problem.
      this.protocols.load(),
      ...candidates.map((l) => this.drafts.load(problem, l)),
    ]);
    if (generation !== core.generation) return; // the user navigated away (or came back) meanwhile
    const language = languageFor(problem, practice?.language);
    const project = projects[Math.max(0, candidates.indexOf(language))]!;
    const start = startingProject(problem, language);
    const clock = practice && isPhaseClockState(practice.clock) ? practice.clock : null;
    const notes = notesDraft?.code ?? this.initialNotes(problem);
    core.set({
      ...projectView(problem, language, start, project),
      notes,
      practice: practice ?? null,
      clock,
      history,
      language,
      loaded: true,
    });
    this.runs.prepare();
    await this.requests.load(problem, language);
    if (core.state.problem?.id !== problem.id) return;
    await core.recorder.attach(problem.id, { clockFinished: clock?.finishedAt != null });
    if (core.state.problem?.id !== problem.id) return;
    const requested = this.continueRequested;
    this.continueRequested = null;
    if (requested !== null && core.recorder.phase() === 'interrupted' && core.recorder.sessionId() === requested) {
      await this.session.continueInterrupted();
      return;
    }
    // A draft someone left mid-way: ask before they carry on with it or lose track of it. Not while a
    // recording is going on or waits to be resumed (its own prompt asks), nor after a finished session.
    const changed =
      project.paths.length !== start.paths.length ||
      project.paths.some((p) => project.files[p] !== start.files[p]) ||
      notes !== this.initialNotes(problem);
    if (changed && clock?.finishedAt == null && core.recorder.phase() === 'idle') {
      core.set({ draftQuestion: { savedAt: Math.max(project.savedAt, notesDraft?.updatedAt ?? 0) } });
    }
  }

  /**
   * The workspace closes (navigation inside the app). Drafts are written now. The recording goes on
   * when the user chose to keep it; otherwise it stops like a closed tab and is offered for resuming.
   */
  async close(options: { keepRecording: boolean }): Promise<void> {
    this.core.recorder.flush();
    await this.drafts.flush();
    if (!options.keepRecording || this.core.recorder.phase() !== 'recording') await this.core.recorder.detach();
  }

  /** Continue this interrupted session as soon as its problem opens (the sessions list's Continue). */
  requestContinue(sessionId: string): void {
    this.continueRequested = sessionId;
  }

  /** The answer "continue the draft" to the question asked on opening. */
  continueDraft(): void {
    this.core.set({ draftQuestion: null });
  }

  /**
   * Switches the editor to the problem's other language: its own drafts (or starter) come back, results
   * and console clear, and the choice is remembered for this problem. Not while a session records: a
   * session is in one language.
   */
  async chooseLanguage(language: Language): Promise<void> {
    const { core } = this;
    const { problem, running } = core.state;
    if (!problem || running || !core.state.loaded || problem.kind !== 'coding' || language === core.state.language) return;
    if (!problem.code[language]) return;
    const phase = core.recorder.phase();
    if (phase === 'recording' || phase === 'interrupted') return;
    const generation = ++core.generation;
    await this.drafts.flush();
    const project = await this.drafts.load(problem, language);
    if (generation !== core.generation || core.state.problem?.id !== problem.id) return;
    core.set({
      language,
      ...projectView(problem, language, startingProject(problem, language), project),
      lastResult: null,
      console: [],
      preparing: null,
    });
    core.persistPractice({ language });
    this.runs.prepare();
    await this.requests.load(problem, language);
  }

  flushDrafts = (): Promise<void> => this.drafts.flush();

  // ─── files ────────────────────────────────────────────────────────────────────────────────────────

  setCode = (code: string, key?: string): void => this.files.setCode(code, key);
  recordCodeEdit = (changes: TextChange[]): void => this.files.recordCodeEdit(changes);
  setNotes = (notes: string): void => this.files.setNotes(notes);
  openFile = (path: string, at?: { line: number; column?: number }): void => this.files.openFile(path, at);
  closeFile = (path: string): void => this.files.closeFile(path);
  createFile = (path: string): string | null => this.files.createFile(path);
  renameFile = (from: string, to: string): string | null => this.files.renameFile(from, to);
  deleteFile = (path: string): string | null => this.files.deleteFile(path);
  refuseReadOnlyEdit = (): void => this.files.refuseReadOnlyEdit();
  dismissFileNotice = (): void => this.files.dismissFileNotice();

  // ─── the session ──────────────────────────────────────────────────────────────────────────────────

  start = (): void => this.session.start();
  pause = (): void => this.session.pause();
  resume = (): void => this.session.resume();
  nextPhase = (): void => this.session.nextPhase();
  endSession = (): Promise<void> => this.session.end();
  continueSession = (): Promise<void> => this.session.continueInterrupted();
  chooseProtocol = (protocolId: string): void => this.session.chooseProtocol(protocolId);
  chooseFeatures = (ids: readonly string[]): void => this.session.chooseFeatures(ids);
  revealClarification = (question: string): void => this.session.revealClarification(question);
  askQuestion = (text: string): string | null => this.session.askQuestion(text);
  referenceOpened = (): void => this.session.referenceOpened();

  // ─── runs, attempts, nudges ───────────────────────────────────────────────────────────────────────

  run = (mode: RunMode): Promise<void> => this.runs.run(mode);
  prepareRuns = (): void => this.runs.prepare();
  warmUpLanguage = (about?: Language): Promise<void> => this.runs.warmUpLanguage(about);
  newAttempt = async (): Promise<void> => {
    const problem = this.state.problem;
    if ((await this.attempts.newAttempt()) && problem) await this.requests.newAttempt(problem);
  };
  dismissNudge = (): void => this.nudges.dismiss();
  updateSettings = (patch: Partial<InterviewSettings>): void => this.nudges.updateSettings(patch);

  // ─── an API scenario's Requests pane ──────────────────────────────────────────────────────────────

  setRequestDraft = (patch: Partial<RequestDraft>): void => this.requests.setDraft(patch);
  sendRequest = (): Promise<void> => this.requests.send();
  resendRequest = (index: number): Promise<void> => this.requests.resend(index);
  clearRequestHistory = (): void => this.requests.clearHistory();
  restartService = (): Promise<void> => this.requests.restart();

  // ─── the whiteboard, the interviewer, custom protocols ────────────────────────────────────────────

  openBoard = (problemId: string): Promise<void> => this.board.open(problemId);
  changeBoard = (elements: readonly unknown[], generation?: number): void => this.board.change(elements, generation);
  flushBoard = (): Promise<void> => this.board.flush();
  closeBoard = (): Promise<void> => this.board.close();
  beginFollowUps = (sessionKey: number, followUps: readonly FollowUp[]): void => this.interviewer.begin(sessionKey, followUps);
  nextFollowUp = (followUps: readonly FollowUp[]): void => this.interviewer.next(followUps);
  speakQuestions = (on: boolean): void => this.interviewer.speakQuestions(on);
  loadCustomProtocols = (): Promise<void> => this.protocols.load();
  saveCustomProtocol = (record: CustomProtocolRecord): Promise<void> => this.protocols.save(record);
  deleteCustomProtocol = (id: string): Promise<void> => this.protocols.remove(id);
}
