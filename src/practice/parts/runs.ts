/**
 * Run and Submit: the whole project goes to the runner, results and console come back, a Submit updates
 * the practice record (and the stages it unlocks) before the results are shown, and the session log keeps
 * the run. Also: compiling ahead while the person pauses, and starting a slow language early.
 */
import { practiceAfterSubmit } from '../../core/practice/submitRecord';
import { projectRun } from '../../core/practice/projectCode';
import type { Language } from '../../core/languages/registry';
import type { RunMode, RunProgress, RunRequest, RunResult } from '../../runner/types';
import { runEventOf } from '../runEvent';
import { scratchpadRunEventOf } from '../scratchpadRunEvent';
import { isPaused, RUNNING_SHOWN_AFTER_MS } from '../state';
import type { EngineCore } from './core';
import type { Nudges } from './nudges';

export class Runs {
  constructor(
    private readonly core: EngineCore,
    private readonly nudges: Nudges,
  ) {}

  /** The runner request for a Run or Submit of the project as it stands. */
  private request(mode: RunMode): RunRequest | null {
    const { problem, language, files } = this.core.state;
    return problem ? projectRun(problem, language, mode, files) : null;
  }

  async run(mode: RunMode): Promise<void> {
    const { problem, running } = this.core.state;
    if (!problem || running || isPaused(this.core.state.clock)) return;
    if (problem.design && mode === 'submit') return; // a design problem has no hidden tests
    const request = this.request(mode)!;
    // An empty console stays the same array: no component re-renders at the click.
    this.core.set(this.core.state.console.length > 0 ? { running: mode, console: [] } : { running: mode });
    const shown = setTimeout(() => {
      if (this.core.state.running === mode) this.core.set({ runningShown: mode });
    }, RUNNING_SHOWN_AFTER_MS);
    try {
      await this.runAndRecord(problem.id, request);
    } finally {
      clearTimeout(shown);
      if (this.core.state.runningShown) this.core.set({ runningShown: null });
    }
  }

  private async runAndRecord(problemId: string, request: RunRequest): Promise<void> {
    const { core } = this;
    let result: RunResult;
    try {
      const runner = await core.requireConnections().runner();
      result = await runner.run(request, (progress) => {
        if (progress.type === 'console') core.set((s) => ({ console: [...s.console, progress.line], preparing: null }));
        else if (progress.type === 'preparing') core.set({ preparing: progress.message });
        else if (core.state.preparing) core.set({ preparing: null });
      });
    } catch (e) {
      core.set({
        running: null,
        preparing: null,
        console: [
          { level: 'error', text: `The code runner failed: ${e instanceof Error ? e.message : String(e)}. Try again; your code is saved.` },
        ],
      });
      return;
    }
    const problem = core.state.problem;
    if (problem?.id !== problemId) return;
    // Record first, so a stage this Submit unlocks is shown together with its results.
    if (request.mode === 'submit')
      core.persistPractice(practiceAfterSubmit(core.state.practice, problem.stages.length, result, core.now()));
    // A scratchpad run is an estimate, not a test run: the log keeps what it printed.
    core.recorder.log(problem.design ? scratchpadRunEventOf(result) : runEventOf(result));
    this.nudges.ran();
    core.set((s) => ({
      running: null,
      runningShown: null,
      preparing: null,
      lastResult: result,
      console: result.console,
      runCount: s.runCount + 1,
    }));
  }

  /**
   * Has the runner compile the project as it stands for both Run and Submit while the person pauses, so
   * the click does not wait for the compiler (~15–50 ms a change, ~250 ms for the first compile of a page).
   * Called on every edit (the runner waits for the text to rest) and once the runner has loaded.
   */
  prepare(): void {
    const { problem } = this.core.state;
    if (!problem || problem.design) return;
    const runner = this.core.connections()?.loadedRunner?.();
    if (runner?.prepare) runner.prepare([this.request('submit')!, this.request('run')!]);
  }

  /**
   * Starts a language whose runtime is slow to start (Python's download) when it is chosen, or about to be
   * (the pointer is on the Language control), so the first Run does not wait for it.
   */
  async warmUpLanguage(about?: Language): Promise<void> {
    const language = about ?? this.core.state.language;
    if (!this.core.state.problem?.code[language]) return;
    const runner = await this.core.requireConnections().runner();
    await runner.warmUpLanguage?.(language, (progress: RunProgress) => {
      if (progress.type === 'preparing' && !this.core.state.running && this.core.state.language === language)
        this.core.set({ preparing: progress.message });
    });
    if (!this.core.state.running) this.core.set({ preparing: null });
  }
}
