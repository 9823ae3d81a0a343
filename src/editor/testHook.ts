/**
 * The one test hook of the editors: browser tests read an editor's whole text through it, because Monaco
 * renders only the visible lines, so the DOM is not the text. It exists only in test builds
 * (`npm run build:test`, REHEARSE_TEST_HOOKS=1); a production build compiles it away.
 */
declare const __REHEARSE_TEST_HOOKS__: boolean;

/**
 * The editors the tests can read: the candidate's editor (its text, and the diagnostics on the shown file as
 * a JSON list of messages) and the replay's read-only one.
 */
export type EditorHookName = '__rehearseEditorText' | '__rehearseEditorDiagnostics' | '__rehearseReplayText';

type HookWindow = Partial<Record<EditorHookName, () => string>>;

/** Exposes `getText` as `window[name]` in test builds; returns the function that removes it again. */
export function exposeEditorText(name: EditorHookName, getText: () => string): () => void {
  if (!__REHEARSE_TEST_HOOKS__ || typeof window === 'undefined') return () => {};
  const w = window as unknown as HookWindow;
  w[name] = getText;
  return () => {
    if (w[name] === getText) delete w[name];
  };
}
