/**
 * The editor facade: every Monaco the app shows comes from here, and nothing outside this folder imports
 * Monaco or @monaco-editor/react. Each editor is a lazy component, so importing this file costs nothing
 * until one is rendered; `preloadEditor()` starts fetching and evaluating Monaco ahead of time.
 *
 * - `CodeEditor`: the candidate's project, one model per file (the shown one editable, read-only files refused),
 *   with the visible tests beside them for the language service, markers per file, reveal and quick open.
 * - `PlainEditor`: the shown file as a plain text area (no Monaco), typeable while `CodeEditor` loads.
 * - `ReadOnlyEditor`: text that follows a replay, with the current edit highlighted.
 * - `DiffView`: two texts side by side (the candidate's code and the reference).
 */
import { lazy } from 'react';

export type { EditorMarker } from './markers';
export { PlainEditor, type TextSelection } from './PlainEditor';

let codeEditorModule: Promise<typeof import('./CodeEditor')> | null = null;
let markLoaded: () => void = () => {};
const loaded = new Promise<void>((resolve) => (markLoaded = resolve));

/**
 * Starts loading Monaco and the editable editor (idempotent). Evaluating Monaco holds the main thread for
 * about a second, so call it when nothing the person waits for is about to paint (idle time on the catalog,
 * or once the workspace shows the plain text area).
 */
export const preloadEditor = () =>
  (codeEditorModule ??= import('./CodeEditor').then((module) => {
    markLoaded();
    return module;
  }));

/** Resolves once Monaco has loaded, whoever asked for it; never starts loading it itself. */
export const whenEditorLoaded = (): Promise<void> => loaded;

export const CodeEditor = lazy(preloadEditor);
export const ReadOnlyEditor = lazy(() => import('./ReadOnlyEditor'));
export const DiffView = lazy(() => import('./DiffView'));
