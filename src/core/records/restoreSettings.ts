/**
 * Restores the interview settings read back from localStorage (or a backup's settings): every field with
 * the right type is kept, every other one is the default, so a setting written by an older build or edited
 * by hand never breaks the workspace.
 */
import { isFiniteNumber, isObject } from './guards';
import type { InterviewSettings } from './types';

export const DEFAULT_NO_RUN_MINUTES = 5;

export const DEFAULT_INTERVIEW_SETTINGS: Readonly<InterviewSettings> = {
  chime: true,
  speakQuestions: false,
  silenceNudge: true,
  noRunNudge: true,
  noRunMinutes: DEFAULT_NO_RUN_MINUTES,
  planCodingNudge: true,
  fullHiddenResults: false,
};

/** Fills every field from `value` when it has the right type, else from the defaults. */
export function restoreInterviewSettings(value: unknown): InterviewSettings {
  const v = isObject(value) ? value : {};
  const flag = (key: keyof InterviewSettings) =>
    typeof v[key] === 'boolean' ? (v[key] as boolean) : (DEFAULT_INTERVIEW_SETTINGS[key] as boolean);
  const minutes = v.noRunMinutes;
  return {
    chime: flag('chime'),
    speakQuestions: flag('speakQuestions'),
    silenceNudge: flag('silenceNudge'),
    noRunNudge: flag('noRunNudge'),
    noRunMinutes: isFiniteNumber(minutes) && minutes > 0 && minutes <= 120 ? minutes : DEFAULT_NO_RUN_MINUTES,
    planCodingNudge: flag('planCodingNudge'),
    fullHiddenResults: flag('fullHiddenResults'),
  };
}
