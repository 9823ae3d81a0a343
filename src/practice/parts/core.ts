/**
 * What every part of the practice engine shares: the store, the ports, the clock, the practice record's
 * writer. A part reads and writes state only through this, so the parts can be tested together in Node.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PracticeRecord } from '../../storage/db';
import type { PracticeConnections, PracticeRecorder, PracticeStorage } from '../ports';
import { initialState, type PracticeState } from '../state';

export type StatePatch = Partial<PracticeState> | ((s: PracticeState) => Partial<PracticeState>);

export class EngineCore {
  readonly store: StoreApi<PracticeState>;
  private wired: PracticeConnections | null = null;
  /**
   * Grows at every open and language choice. A draft read resolves whenever IndexedDB answers: its result
   * is used only if nothing was opened or chosen since it was asked for; otherwise it belongs to a page or a
   * language the user has left, and is dropped.
   */
  generation = 0;

  constructor(
    readonly storage: PracticeStorage,
    readonly recorder: PracticeRecorder,
    readonly now: () => number,
  ) {
    this.store = createStore<PracticeState>()(() => initialState(storage.loadSettings()));
  }

  get state(): PracticeState {
    return this.store.getState();
  }

  set(patch: StatePatch): void {
    this.store.setState(patch);
  }

  connect(connections: PracticeConnections): void {
    this.wired = connections;
  }

  connections(): PracticeConnections | null {
    return this.wired;
  }

  requireConnections(): PracticeConnections {
    if (!this.wired) throw new Error('the workspace has not connected the runner yet');
    return this.wired;
  }

  /** Writes the practice record of the open problem with `patch` applied (creating it on first use). */
  persistPractice(patch: Partial<PracticeRecord>): void {
    const { problem, practice } = this.state;
    if (!problem) return;
    const base: PracticeRecord = practice ?? {
      problemId: problem.id,
      status: 'in-progress',
      clock: null,
      lastSubmit: null,
      submits: 0,
      updatedAt: 0,
    };
    const next: PracticeRecord = { ...base, ...patch, updatedAt: this.now() };
    this.set({ practice: next });
    this.storage.savePractice(next).catch((e: unknown) => this.set({ saveError: `Could not save your progress: ${String(e)}` }));
  }
}
