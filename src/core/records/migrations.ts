/**
 * Migrations of stored records, each a pure transform named after the version it upgrades from. The
 * contract of each (and of every database and bundle version) is written down in MIGRATIONS.md.
 */
import type { PhasePlan } from '../timer/protocols';
import { findProtocol } from '../timer/protocols';

/**
 * Session records before database version 3 did not carry their phases: they were the built-in protocol's
 * named by `protocolId` (custom protocols did not exist then). Unknown protocol: no phases.
 */
export function phasesOfOldSessionRecord(protocolId: unknown): PhasePlan[] {
  if (typeof protocolId !== 'string') return [];
  return findProtocol(protocolId)?.phases.map((p) => ({ ...p })) ?? [];
}
