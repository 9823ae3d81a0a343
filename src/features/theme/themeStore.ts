import { create } from 'zustand';
import { loadThemeChoice, saveThemeChoice, type ThemeChoice } from '../../storage/settings';

export type Theme = 'light' | 'dark';

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** Dark unless the system says light: the app was dark before it had a light theme. */
function systemTheme(): Theme {
  if (typeof matchMedia !== 'function') return 'dark';
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const resolveTheme = (choice: ThemeChoice, system: Theme): Theme => (choice === 'system' ? system : choice);

interface ThemeState {
  choice: ThemeChoice;
  system: Theme;
  choose(choice: ThemeChoice): void;
}

export const useThemeStore = create<ThemeState>((set) => ({
  choice: loadThemeChoice(),
  system: systemTheme(),
  choose(choice) {
    saveThemeChoice(choice);
    set({ choice });
  },
}));

/** The theme in effect: what the person chose, or the system's when they chose "System". */
export const useResolvedTheme = (): Theme => useThemeStore((s) => resolveTheme(s.choice, s.system));

/** Puts the theme on <html> (the CSS reads `data-theme`), now and whenever the choice or the system changes. */
export function startTheme(): void {
  const apply = () => {
    const { choice, system } = useThemeStore.getState();
    document.documentElement.dataset.theme = resolveTheme(choice, system);
  };
  apply();
  useThemeStore.subscribe(apply);
  if (typeof matchMedia === 'function')
    matchMedia(SYSTEM_DARK).addEventListener('change', () => useThemeStore.setState({ system: systemTheme() }));
}
