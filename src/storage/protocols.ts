/**
 * The user's custom protocols (DB v3 `protocols` store). Records read back are checked field by field:
 * one that does not have the expected shape is left out rather than breaking the picker.
 */
import type { PhasePlan } from '../core/timer/protocols';
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

export function isCustomProtocolRecord(value: unknown): value is CustomProtocolRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    v.id !== '' &&
    typeof v.name === 'string' &&
    v.name.trim() !== '' &&
    Array.isArray(v.phases) &&
    v.phases.length > 0 &&
    v.phases.every(isPhasePlan) &&
    (v.basedOn === null || typeof v.basedOn === 'string') &&
    typeof v.updatedAt === 'number'
  );
}

function isPhasePlan(value: unknown): value is PhasePlan {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.goal === 'string' && typeof v.minutes === 'number' && Number.isFinite(v.minutes) && v.minutes > 0;
}
