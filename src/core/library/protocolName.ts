/**
 * The name of the protocol a session ran with: a built-in one by id, else the user's custom protocol,
 * else a description from the phases the session kept (the protocol may have been deleted since).
 */
import { findProtocol, type Protocol } from '../timer/protocols';
import type { SessionRecord } from '../session/types';

export function protocolName(
  session: Pick<SessionRecord, 'protocolId' | 'phases'>,
  customs: readonly Pick<Protocol, 'id' | 'name'>[],
): string {
  const known = findProtocol(session.protocolId) ?? customs.find((p) => p.id === session.protocolId);
  if (known) return known.name;
  if (session.phases.length > 0) {
    const minutes = session.phases.reduce((sum, p) => sum + p.minutes, 0);
    return `${session.protocolId || 'Custom'} (${session.phases.length} phases, ${minutes} min)`;
  }
  return session.protocolId || 'Unknown protocol';
}
