import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_INTERVIEW_SETTINGS, loadThemeChoice, restoreInterviewSettings, saveThemeChoice, uiPreferenceStorage } from './settings';

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

describe('the theme choice', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is "system" unless a valid choice was saved, and survives a save', () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => saved.set(k, v) });
    expect(loadThemeChoice()).toBe('system');
    saveThemeChoice('light');
    expect(loadThemeChoice()).toBe('light');
    saved.set('rehearse.theme', 'sepia');
    expect(loadThemeChoice()).toBe('system');
  });

  it('reads a blocked localStorage as nothing saved, and drops the write', () => {
    const blocked = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked });
    expect(uiPreferenceStorage.getItem('any')).toBeNull();
    expect(() => saveThemeChoice('dark')).not.toThrow();
    expect(loadThemeChoice()).toBe('system');
  });
});
