/**
 * The phase clock and the recording: Start (a recorded session of the current attempt), Pause/Resume,
 * Next phase, End, continuing an interrupted session; and what a session's log keeps besides code (the
 * chosen features, clarifications revealed, the reference opened). The recorder's first call comes before
 * the clock's, so the clock's first phase lands in the new session's log.
 */
import { clockChange } from '../../core/practice/clockEvents';
import { logPathOf } from '../../core/practice/projectCode';
import { advancePhase, pauseClock, resumeClock, startClock, type PhaseClockState } from '../../core/timer/phaseClock';
import { isPlanPhase, resolveProtocol } from '../../core/timer/protocols';
import { isPaused, isRunning } from '../state';
import type { EngineCore } from './core';
import type { Nudges } from './nudges';
import type { Protocols } from './protocols';

export class Session {
  constructor(
    private readonly core: EngineCore,
    private readonly nudges: Nudges,
    private readonly protocols: Protocols,
  ) {}

  /** Every file as the session log names it, with its text, and the plan notes. */
  texts(): Record<string, string> {
    const { problem, files, notes } = this.core.state;
    const texts: Record<string, string> = {};
    if (problem) for (const [path, text] of Object.entries(files)) texts[logPathOf(problem, path)] = text;
    texts['notes.md'] = notes;
    return texts;
  }

  setClock(clock: PhaseClockState): void {
    const { core } = this;
    const previous = core.state.clock;
    core.set({ clock });
    // A design problem has no Submit: finishing its session is what leaves it no longer "In progress".
    const designDone = core.state.problem?.kind === 'design' && clock.finishedAt !== null;
    core.persistPractice(designDone ? { clock, status: 'solved' } : { clock });
    const change = clockChange(previous, clock);
    core.recorder.setTimerRunning(change.timerRunning);
    for (const event of change.events) core.recorder.log(event);
    if (change.newSession) this.nudges.reset();
    const nudge = core.state.nudge;
    if (nudge && (clock.finishedAt !== null || (change.phaseChanged && nudge.kind === 'plan-coding'))) core.set({ nudge: null });
    if (change.phaseChanged && clock.finishedAt === null && isPlanPhase(clock.phases[clock.phaseIndex]!)) {
      core.set((s) => ({ planFocusRequest: s.planFocusRequest + 1 }));
    }
    if (change.finishedNow) void core.recorder.finish();
  }

  /** Start a recorded session of the current attempt (with the features chosen for it, if the problem has any). */
  start(): void {
    const { core } = this;
    const { problem, practice } = core.state;
    if (!problem) return;
    const protocol = resolveProtocol(practice?.protocolId, problem.protocol, this.protocols.customs());
    const features = problem.features ? (practice?.features ?? []) : undefined;
    core.recorder.start({
      problemId: problem.id,
      language: problem.kind === 'coding' ? core.state.language : 'typescript',
      protocolId: protocol.id,
      phases: protocol.phases,
      texts: this.texts(),
      timerRunning: true,
      ...(features ? { features } : {}),
    });
    if (problem.format === 'codebase') core.recorder.log({ type: 'file-open', file: core.state.activeFile });
    const now = core.now();
    const sessionId = core.recorder.sessionId();
    const sessionIds = practice?.sessionIds ?? [];
    core.persistPractice({
      attempt: practice?.attempt ?? 1,
      attemptStartedAt: practice?.attemptStartedAt ?? now,
      sessionIds: sessionId && !sessionIds.includes(sessionId) ? [...sessionIds, sessionId] : sessionIds,
    });
    core.set({ draftQuestion: null });
    this.setClock(startClock(protocol.id, protocol.phases, now));
  }

  /** Pauses the session: the timer, the recording (the microphone goes off) and editing, Run and Submit. */
  pause(): void {
    const { clock } = this.core.state;
    if (!clock || isPaused(clock) || clock.finishedAt !== null) return;
    this.setClock(pauseClock(clock, this.core.now()));
    this.core.recorder.setPaused(true);
  }

  resume(): void {
    const { clock } = this.core.state;
    if (!clock || !isPaused(clock)) return;
    this.core.recorder.setPaused(false);
    this.setClock(resumeClock(clock, this.core.now()));
  }

  nextPhase(): void {
    const { clock } = this.core.state;
    if (clock) this.setClock(advancePhase(clock, this.core.now()));
  }

  /** Ends the session now: finishes the phase clock and the recording, then shows the review. */
  async end(): Promise<void> {
    let { clock } = this.core.state;
    if (clock && clock.finishedAt === null) {
      const now = this.core.now();
      while (clock.finishedAt === null) clock = advancePhase(clock, now);
      this.setClock(clock); // finishing the clock finishes the recording
    }
    await this.core.recorder.finish();
  }

  /** Continues a session the previous page left unfinished (audio goes on in a new segment). */
  async continueInterrupted(): Promise<void> {
    await this.core.recorder.resumeInterrupted({ texts: this.texts(), timerRunning: isRunning(this.core.state.clock) });
    // A session left while paused comes back paused: its microphone stays off until Resume.
    if (isPaused(this.core.state.clock)) this.core.recorder.setPaused(true);
  }

  /** The protocol the next session of this problem uses (kept in the practice record). */
  chooseProtocol(protocolId: string): void {
    this.core.persistPractice({ protocolId });
  }

  /**
   * The Requirement-2 features the candidate means to attempt (a codebase problem), kept in the practice
   * record for the next Start; unknown ids are dropped. Not while a session records: it started with its own.
   */
  chooseFeatures(ids: readonly string[]): void {
    const known = this.core.state.problem?.features?.map((f) => f.id) ?? [];
    if (known.length === 0 || this.core.recorder.phase() === 'recording') return;
    this.core.persistPractice({ features: known.filter((id) => ids.includes(id)) });
  }

  /**
   * The interviewer answers a clarifying question (a design or a coding problem's): the answer stays shown for
   * the attempt (the practice record keeps it; New attempt starts without), asked once however often clicked.
   */
  revealClarification(question: string): void {
    const { problem, practice } = this.core.state;
    if (!problem?.clarifications.some((c) => c.question === question)) return;
    const revealed = practice?.revealed ?? [];
    if (revealed.some((r) => r.question === question)) return;
    this.core.persistPractice({ revealed: [...revealed, { question, at: this.core.now() }] });
    // During a session the log keeps it too, so the review shows what was asked before designing or coding.
    this.core.recorder.log({ type: 'clarification', question });
  }

  /** The reference solution was opened in the workspace: a recorded session logs when (its verdicts say so). */
  referenceOpened(): void {
    this.core.recorder.log({ type: 'reference-opened' });
  }
}
