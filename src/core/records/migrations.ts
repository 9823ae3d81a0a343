/**
 * Migrations of stored records, each a pure transform named after the version it upgrades from. The
 * contract of each (and of every database and bundle version) is written down in MIGRATIONS.md.
 */
import { languageSpec, type Language } from '../languages/registry';
import type { SessionEvent } from '../session/types';
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

/** Where logs kept the code before projects (and before bundle format 5), whatever the session's language. */
const OLD_CODE_SLOT = 'solution.ts';

/**
 * Before bundle format 5 the log kept a Python session's code in its 'solution.ts' slot (the editor had one
 * code file, named by the language only when shown). Read now, a Python session's log names its code file
 * as the language does: snapshots and edits of 'solution.ts' become 'solution.py'. Idempotent, so it runs on
 * every read of a stored log (storage/sessionLog.ts) and on every format 1–4 bundle: a log that creates or
 * renames a file to 'solution.ts' is a project's, whose 'solution.ts' is a file of its own, and is left alone.
 * Returns `events` itself when nothing is renamed.
 */
export function pythonCodeOfOldLog(session: { language?: Language }, events: SessionEvent[]): SessionEvent[] {
  if (session.language !== 'python') return events;
  const ownsSlot = events.some(
    (e) => (e.type === 'file-create' && e.file === OLD_CODE_SLOT) || (e.type === 'file-rename' && e.to === OLD_CODE_SLOT),
  );
  const inSlot = (e: SessionEvent) => (e.type === 'snapshot' || e.type === 'edit') && e.file === OLD_CODE_SLOT;
  if (ownsSlot || !events.some(inSlot)) return events;
  const file = languageSpec('python').solutionFile;
  return events.map((e) => ((e.type === 'snapshot' || e.type === 'edit') && e.file === OLD_CODE_SLOT ? { ...e, file } : e));
}
