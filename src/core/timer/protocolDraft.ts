/**
 * The protocol editor's rules, without React: a protocol becomes an editable draft (minutes as the text
 * the user types), and a draft is validated into a protocol or into one message per field.
 */
import type { PhasePlan, Protocol } from './protocols';

/** Longest phase the editor accepts: ten hours is already far beyond any interview. */
export const MAX_PHASE_MINUTES = 600;
export const MAX_NAME_LENGTH = 80;

export interface ProtocolDraft {
  name: string;
  /** The phases as they were (ids, names, goals), each with the minutes text being edited. */
  phases: { plan: PhasePlan; minutesText: string }[];
}

export interface DraftErrors {
  name?: string;
  /** One entry per phase, undefined when that phase's minutes are fine. */
  minutes: (string | undefined)[];
}

export type DraftResult = { ok: true; name: string; phases: PhasePlan[] } | { ok: false; errors: DraftErrors };

export function draftFromProtocol(protocol: Protocol, name = protocol.name): ProtocolDraft {
  return { name, phases: protocol.phases.map((plan) => ({ plan: { ...plan }, minutesText: String(plan.minutes) })) };
}

/** Minutes typed by the user: a positive number, fractions allowed ("0.5", "0,5", "2.25"). */
export function parseMinutes(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, message: 'Enter the minutes, e.g. 5 or 0.5.' };
  if (!/^\d*\.?\d+$/.test(trimmed))
    return { ok: false, message: `"${text.trim()}" is not a number of minutes; use digits, e.g. 5 or 0.5.` };
  const minutes = Number(trimmed);
  if (!(minutes > 0)) return { ok: false, message: 'Minutes must be more than 0.' };
  if (minutes > MAX_PHASE_MINUTES) return { ok: false, message: `At most ${MAX_PHASE_MINUTES} minutes per phase.` };
  return { ok: true, minutes };
}

/**
 * Checks the draft. `takenNames`: names of the other protocols (built-in and custom, excluding the one
 * being edited), compared without case, so the picker never shows two protocols with the same name.
 */
export function validateDraft(draft: ProtocolDraft, takenNames: readonly string[]): DraftResult {
  const errors: DraftErrors = { minutes: [] };
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the protocol a name.';
  else if (name.length > MAX_NAME_LENGTH) errors.name = `Keep the name under ${MAX_NAME_LENGTH} characters.`;
  else if (takenNames.some((n) => n.trim().toLowerCase() === name.toLowerCase()))
    errors.name = `A protocol named "${name}" already exists; choose another name.`;
  const phases: PhasePlan[] = [];
  draft.phases.forEach(({ plan, minutesText }, i) => {
    const parsed = parseMinutes(minutesText);
    if (parsed.ok) phases.push({ ...plan, minutes: parsed.minutes });
    else errors.minutes[i] = parsed.message;
  });
  if (draft.phases.length === 0) errors.name ??= 'A protocol needs at least one phase.';
  if (errors.name || errors.minutes.some(Boolean)) return { ok: false, errors };
  return { ok: true, name, phases };
}

/** "0.1 min" reads as "6 s"; whole minutes stay minutes. For the editor's total and the picker. */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  const rounded = Math.round(minutes * 100) / 100;
  return `${rounded} min`;
}
