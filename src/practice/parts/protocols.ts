/**
 * The user's custom protocols: read through the storage port when a problem opens and kept in the store,
 * so Start resolves the chosen protocol synchronously. Saving and deleting write through to storage first;
 * the list changes only once storage has taken the change.
 */
import type { CustomProtocolRecord } from '../../core/records/types';
import type { ProtocolsView } from '../state';
import type { EngineCore } from './core';

const byName = (a: CustomProtocolRecord, b: CustomProtocolRecord) => a.name.localeCompare(b.name);

export class Protocols {
  constructor(private readonly core: EngineCore) {}

  private get view(): ProtocolsView {
    return this.core.state.protocols;
  }

  private setView(patch: Partial<ProtocolsView>): void {
    this.core.set((s) => ({ protocols: { ...s.protocols, ...patch } }));
  }

  /** The custom protocols as stored (a failed read is said, and leaves the list as it was). */
  async load(): Promise<void> {
    try {
      this.setView({ customs: await this.core.storage.listCustomProtocols(), loadError: null });
    } catch (e) {
      this.setView({ loadError: `Could not read your saved protocols: ${String(e)}` });
    }
  }

  /** The protocols Start may use besides the built-in ones. */
  customs(): readonly CustomProtocolRecord[] {
    return this.view.customs;
  }

  /** Saves (adds or replaces) a custom protocol; throws with a readable message when storage refuses. */
  async save(record: CustomProtocolRecord): Promise<void> {
    try {
      await this.core.storage.saveCustomProtocol(record);
    } catch (e) {
      throw new Error(`Could not save the protocol: ${String(e)}`, { cause: e });
    }
    this.setView({ customs: [...this.view.customs.filter((p) => p.id !== record.id), record].sort(byName) });
  }

  /** Deletes a custom protocol; throws with a readable message when storage refuses. */
  async remove(id: string): Promise<void> {
    try {
      await this.core.storage.deleteCustomProtocol(id);
    } catch (e) {
      throw new Error(`Could not delete the protocol: ${String(e)}`, { cause: e });
    }
    this.setView({ customs: this.view.customs.filter((p) => p.id !== id) });
  }
}
