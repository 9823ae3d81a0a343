/** The app's light or dark theme, as every editor of the facade takes it. */
export type EditorTheme = 'light' | 'dark';

/**
 * Monaco's built-in theme for it. Monaco has one theme for the whole page (the last editor to mount sets
 * it), so every editor is given the same one.
 */
export const monacoTheme = (theme: EditorTheme = 'dark') => (theme === 'light' ? 'vs' : 'vs-dark');
