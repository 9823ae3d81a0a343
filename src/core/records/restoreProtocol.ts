/** Guards a custom protocol (database version 3 `protocols`): a name and at least one phase with positive minutes. */
import type { PhasePlan } from '../timer/protocols';
import { isFiniteNumber, isNonEmptyString, isObject } from './guards';
import type { CustomProtocolRecord } from './types';

function isPhasePlan(v: unknown): v is PhasePlan {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.goal === 'string' &&
    isFiniteNumber(v.minutes) &&
    v.minutes > 0
  );
}

export function isCustomProtocolRecord(v: unknown): v is CustomProtocolRecord {
  return (
    isObject(v) &&
    isNonEmptyString(v.id) &&
    typeof v.name === 'string' &&
    v.name.trim() !== '' &&
    Array.isArray(v.phases) &&
    v.phases.length > 0 &&
    v.phases.every(isPhasePlan) &&
    (v.basedOn === null || typeof v.basedOn === 'string') &&
    isFiniteNumber(v.updatedAt)
  );
}
