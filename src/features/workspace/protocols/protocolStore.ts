/**
 * The user's custom protocols, loaded from IndexedDB when a workspace opens and kept in memory so Start
 * can resolve the chosen protocol synchronously. Saving and deleting write through to storage first.
 */
import { create } from 'zustand';
import type { CustomProtocolRecord } from '../../../storage/db';
import { deleteCustomProtocol, listCustomProtocols, saveCustomProtocol } from '../../../storage/protocols';

interface ProtocolsState {
  customs: CustomProtocolRecord[];
  loadError: string | null;
  load(): Promise<void>;
  /** Saves (adds or replaces) a custom protocol; throws with a readable message when storage refuses. */
  save(record: CustomProtocolRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

const byName = (a: CustomProtocolRecord, b: CustomProtocolRecord) => a.name.localeCompare(b.name);

export const useProtocols = create<ProtocolsState>()((set, get) => ({
  customs: [],
  loadError: null,

  async load() {
    try {
      set({ customs: await listCustomProtocols(), loadError: null });
    } catch (e) {
      set({ loadError: `Could not read your saved protocols: ${String(e)}` });
    }
  },

  async save(record) {
    try {
      await saveCustomProtocol(record);
    } catch (e) {
      throw new Error(`Could not save the protocol: ${String(e)}`, { cause: e });
    }
    set({ customs: [...get().customs.filter((p) => p.id !== record.id), record].sort(byName) });
  },

  async remove(id) {
    try {
      await deleteCustomProtocol(id);
    } catch (e) {
      throw new Error(`Could not delete the protocol: ${String(e)}`, { cause: e });
    }
    set({ customs: get().customs.filter((p) => p.id !== id) });
  },
}));
