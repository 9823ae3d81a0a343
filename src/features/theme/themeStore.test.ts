import { describe, expect, it } from 'vitest';
import { resolveTheme } from './themeStore';

describe('resolveTheme', () => {
  it('follows the system only when the choice is "system"', () => {
    expect(resolveTheme('system', 'light')).toBe('light');
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme('dark', 'light')).toBe('dark');
    expect(resolveTheme('light', 'dark')).toBe('light');
  });
});
