/**
 * What the engine's parts share (as tldraw's managers share their editor): the ports, the store, the write
 * chain, and which problem's workspace the recorder belongs to.
 */
import type { RecorderPorts } from './ports';
import { createRecorderStore, initialRecorderState, type RecorderState, type RecorderStore } from './recorderState';
import { WriteChain } from './writeChain';

export class RecorderContext {
  readonly store: RecorderStore;
  readonly writes: WriteChain;
  /** The problem whose workspace is attached, or whose session records while other pages show. */
  problemId: string | null = null;

  constructor(
    readonly ports: RecorderPorts,
    onWriteError: (e: unknown) => void,
  ) {
    this.store = createRecorderStore(ports.storage);
    this.writes = new WriteChain(onWriteError);
  }

  get state(): RecorderState {
    return this.store.getState();
  }

  set(patch: Partial<RecorderState>): void {
    this.store.setState(patch);
  }

  /** The idle state, with the settings as they are now. */
  initialState(): RecorderState {
    return initialRecorderState(this.ports.storage);
  }

  /** Saves the session record as it is now, after every write before it. */
  persistRecord(): void {
    const session = this.state.session;
    if (session) this.writes.enqueue(() => this.ports.storage.saveSession(session));
  }
}
