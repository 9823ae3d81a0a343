/**
 * The editor facade: every Monaco the app shows comes from here, and nothing outside this folder imports
 * Monaco or @monaco-editor/react. Each editor is a lazy component, so importing this file costs nothing
 * until one is rendered; `preloadEditor()` starts fetching and evaluating Monaco ahead of time.
 *
 * - `CodeEditor`: the candidate's editable file, with companion models for the language service and markers.
 * - `ReadOnlyEditor`: text that follows a replay, with the current edit highlighted.
 * - `DiffView`: two texts side by side (the candidate's code and the reference).
 */
import { lazy } from 'react';

export type { EditorMarker } from './markers';

let codeEditorModule: Promise<typeof import('./CodeEditor')> | null = null;

/** Starts loading Monaco and the editable editor (idempotent): call it when an editor will soon be shown. */
export const preloadEditor = () => (codeEditorModule ??= import('./CodeEditor'));

export const CodeEditor = lazy(preloadEditor);
export const ReadOnlyEditor = lazy(() => import('./ReadOnlyEditor'));
export const DiffView = lazy(() => import('./DiffView'));
