import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVIEW_SETTINGS, restoreInterviewSettings } from './restoreSettings';

describe('restoreInterviewSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(restoreInterviewSettings(null)).toEqual(DEFAULT_INTERVIEW_SETTINGS);
    expect(restoreInterviewSettings('yes')).toEqual(DEFAULT_INTERVIEW_SETTINGS);
    expect(DEFAULT_INTERVIEW_SETTINGS.speakQuestions).toBe(false);
  });
  it('keeps the fields that have the right type and fixes the others', () => {
    expect(restoreInterviewSettings({ chime: false, noRunNudge: 'no', noRunMinutes: 0.1, speakQuestions: true })).toEqual({
      ...DEFAULT_INTERVIEW_SETTINGS,
      chime: false,
      noRunMinutes: 0.1,
      speakQuestions: true,
    });
    expect(restoreInterviewSettings({ noRunMinutes: -1 }).noRunMinutes).toBe(5);
    expect(restoreInterviewSettings({ noRunMinutes: Infinity }).noRunMinutes).toBe(5);
  });
});
