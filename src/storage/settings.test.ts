import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadThemeChoice, saveThemeChoice, uiPreferenceStorage } from './settings';

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
