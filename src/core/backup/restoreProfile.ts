/**
 * profile.json → typed records, through the same restore guards as IndexedDB reads. Unlike a read, a
 * restore refuses the whole backup when one record cannot be read: it is about to be written into the
 * person's profile, and they should hear which record is damaged rather than lose it silently.
 */
import { fail } from '../bundle/errors';
import { isObject } from '../records/guards';
import { isAttemptRecord } from '../records/restoreAttempt';
import { restoreDraft } from '../records/restoreDraft';
import { restorePlan, restoreReviewCard } from '../records/restorePlan';
import { restorePracticeRecord } from '../records/restorePractice';
import { isCustomProtocolRecord } from '../records/restoreProtocol';
import { MAX_SETTING_CHARS, SETTING_KEY, type ProfileJson } from './format';

type Restorer<T> = (v: unknown) => T | null;
const guarded =
  <T>(is: (v: unknown) => v is T): Restorer<T> =>
  (v) =>
    is(v) ? v : null;

function list<T>(raw: Record<string, unknown>, field: keyof ProfileJson, what: string, restore: Restorer<T>): T[] {
  const v = raw[field];
  if (!Array.isArray(v)) fail('schema-violation', `This backup's profile.json has no list of ${what}.`);
  return v.map((item, i) => {
    const restored = restore(item);
    if (restored === null)
      fail('schema-violation', `This backup's profile.json holds a damaged ${what.replace(/s$/, '')} (number ${i + 1}): refused.`);
    return restored;
  });
}

function settings(v: unknown): Record<string, string> {
  if (!isObject(v)) fail('schema-violation', "This backup's profile.json has no settings.");
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) {
    if (!SETTING_KEY.test(key) || typeof value !== 'string' || value.length > MAX_SETTING_CHARS) {
      fail('schema-violation', `This backup's profile.json holds a setting Rehearse does not keep (${JSON.stringify(key.slice(0, 40))}).`);
    }
    out[key] = value;
  }
  return out;
}

export function restoreProfile(raw: unknown): ProfileJson {
  if (!isObject(raw)) fail('schema-violation', "This backup's profile.json is not an object.");
  return {
    drafts: list(raw, 'drafts', 'drafts', restoreDraft),
    practice: list(raw, 'practice', 'practice records', restorePracticeRecord),
    attempts: list(raw, 'attempts', 'attempts', guarded(isAttemptRecord)),
    protocols: list(raw, 'protocols', 'custom protocols', guarded(isCustomProtocolRecord)),
    plans: list(raw, 'plans', 'plans', restorePlan),
    reviewCards: list(raw, 'reviewCards', 'review cards', restoreReviewCard),
    settings: settings(raw.settings),
  };
}
