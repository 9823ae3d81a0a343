/**
 * The user's custom protocols as the UI reads them: the practice engine loads them when a problem opens
 * and saves or deletes them through storage (parts/protocols.ts). A selector hook over the engine's store,
 * and the engine's actions under the names the components use.
 */
import { useStore } from 'zustand';
import type { CustomProtocolRecord } from '../../../core/records/types';
import { practice, type ProtocolsView } from '../../../practice';

const actions = {
  load: () => practice.loadCustomProtocols(),
  /** Saves (adds or replaces) a custom protocol; throws with a readable message when storage refuses. */
  save: (record: CustomProtocolRecord) => practice.saveCustomProtocol(record),
  remove: (id: string) => practice.deleteCustomProtocol(id),
};

export function useProtocols<T>(selector: (s: ProtocolsView) => T): T {
  return useStore(practice.store, (s) => selector(s.protocols));
}

/** The protocols now with the actions, for event handlers (no subscription). */
useProtocols.getState = (): ProtocolsView & typeof actions => ({ ...practice.state.protocols, ...actions });
