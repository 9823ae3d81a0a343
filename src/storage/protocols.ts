/**
 * The user's custom protocols (DB v3 `protocols` store). Records read back are checked field by field:
 * one that does not have the expected shape is left out rather than breaking the picker.
 */
import { isCustomProtocolRecord } from '../core/records/restoreProtocol';
import { openRehearseDB, type CustomProtocolRecord } from './db';

export async function listCustomProtocols(): Promise<CustomProtocolRecord[]> {
  const all = await (await openRehearseDB()).getAll('protocols');
  return all.filter(isCustomProtocolRecord).sort((a, b) => a.name.localeCompare(b.name));
}

export async function saveCustomProtocol(record: CustomProtocolRecord): Promise<void> {
  if (!isCustomProtocolRecord(record)) throw new Error('A protocol needs a name and phases with positive minutes');
  await (await openRehearseDB()).put('protocols', record);
}

export async function deleteCustomProtocol(id: string): Promise<void> {
  await (await openRehearseDB()).delete('protocols', id);
}
