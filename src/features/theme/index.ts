/** The colour theme: light or dark, following the system unless the person picks one (ThemeSwitch). */
export { ThemeSwitch } from './ThemeSwitch';
export { startTheme, useResolvedTheme, type Theme } from './themeStore';
