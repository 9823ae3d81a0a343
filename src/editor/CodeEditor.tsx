/**
 * The candidate's editor: Monaco with TypeScript diagnostics, the visible tests loaded beside the
 * solution (so the language service knows how the tests use the API), and compile/runtime errors from
 * the runner shown as markers. Loaded lazily: importing this file pulls in Monaco.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import { monaco, typescript } from './monacoSetup';
import type { EditorMarker } from './markers';
import type { TextChange } from '../core/session/types';
import { exposeEditorText } from './testHook';
import { PLAIN_EDITOR_ATTRIBUTE, type TextSelection } from './PlainEditor';
import { monacoTheme, type EditorTheme } from './theme';

const SOLUTION_FILE = { typescript: 'solution.ts', python: 'solution.py' } as const;

/**
 * Each buffer has a folder of its own, so no two problems or languages ever share a Monaco model (a model
 * outlives its editor, and @monaco-editor/react shows an existing model's text, not `value`). The examples
 * sit beside the solution, so their `./solution` import resolves to it.
 */
const folderOf = (bufferKey: string) => `file:///${bufferKey.split(':').map(encodeURIComponent).join('/')}/`;
const MARKER_OWNER = 'rehearse-runner';

const TEST_GLOBALS = `declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<unknown>): void;
declare function beforeEach(body: () => void | Promise<unknown>): void;
declare function afterEach(body: () => void | Promise<unknown>): void;
declare module 'chai' { export const expect: any; export const assert: any; }`;

interface Props {
  /** Whose text this is (the problem and language): one editor and one model per key, made from `value`. */
  bufferKey: string;
  /** TypeScript (with its language service and the visible tests beside it) or Python (highlighting only). */
  language?: 'typescript' | 'python';
  value: string;
  examples: string;
  markers: EditorMarker[];
  onChange(code: string): void;
  /** Every change to the solution model, exactly as Monaco reports it (one batch per call), for the session log. */
  onEdit?(changes: TextChange[]): void;
  /** The editor is on screen and focused (the workspace then lets the runner warm up). */
  onReady?(): void;
  /** Where the caret was in the plain text area this editor replaces, if the user had put it there. */
  startSelection?(): TextSelection | null;
  /** The app's theme (dark when not given). */
  theme?: EditorTheme;
  /** Nothing can be typed (the session is paused). */
  readOnly?: boolean;
}

/**
 * Monaco takes the focus when it appears unless the user is typing somewhere else (the plan notes, a
 * dialog's field): then the keystrokes stay where they were going.
 */
function mayTakeFocus(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || active.hasAttribute(PLAIN_EDITOR_ATTRIBUTE)) return true;
  return !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || (active as HTMLElement).isContentEditable);
}

/**
 * A new editor per buffer key: a problem or language switch never reuses the previous editor's model or
 * undo history, and every editor starts from the `value` it is given.
 */
export default function CodeEditor(props: Props) {
  return <KeyedCodeEditor key={props.bufferKey} {...props} />;
}

function KeyedCodeEditor({
  bufferKey,
  language = 'typescript',
  value,
  examples,
  markers,
  onChange,
  onEdit,
  onReady,
  startSelection,
  theme,
  readOnly = false,
}: Props) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const onEditRef = useRef(onEdit);
  onEditRef.current = onEdit;

  // The visible tests live in their own model so `./solution` resolves and their usage is type-checked.
  useEffect(() => {
    const uri = monaco.Uri.parse(`${folderOf(bufferKey)}examples.test.ts`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(examples, 'typescript', uri);
    if (model.getValue() !== examples) model.setValue(examples);
    const globals = typescript.typescriptDefaults.addExtraLib(TEST_GLOBALS, 'file:///rehearse-test-globals.d.ts');
    return () => {
      globals.dispose();
      model.dispose();
    };
  }, [examples, bufferKey]);

  // A Submit that passes gives no markers after one that passed: Monaco is not asked to redraw for nothing.
  const shownMarkers = useRef<{ markers: EditorMarker[]; model: unknown } | null>(null);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const shown = shownMarkers.current;
    if (shown?.model === model && shown.markers.length === 0 && markers.length === 0) return;
    shownMarkers.current = { markers, model };
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({
        severity: m.kind === 'compile' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: m.message,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.line,
        endColumn: m.column + Math.max(1, m.length),
      })),
    );
  }, [markers, language]);

  // One object per language: the wrapper calls Monaco's updateOptions whenever it gets a new one.
  const options = useMemo(
    () => ({
      fontSize: 14,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      // Python's convention is four spaces; the TypeScript starters use two.
      tabSize: language === 'python' ? 4 : 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      readOnly,
      readOnlyMessage: { value: 'Paused: resume the session to edit.' },
    }),
    [language, readOnly],
  );

  const solutionPath = `${folderOf(bufferKey)}${SOLUTION_FILE[language]}`;
  return (
    <Editor
      path={solutionPath}
      language={language}
      value={value}
      theme={monacoTheme(theme)}
      // A model left at this path (its editor unmounted while keeping it) would be shown instead of `value`.
      beforeMount={(m) => m.editor.getModel(m.Uri.parse(solutionPath))?.dispose()}
      onChange={(next) => onChange(next ?? '')}
      onMount={(editor) => {
        editorRef.current = editor;
        // Monaco's offsets in one event all refer to the text before it: exactly the log's batch format.
        editor.onDidChangeModelContent((e) => {
          onEditRef.current?.(e.changes.map((c) => ({ offset: c.rangeOffset, deleteCount: c.rangeLength, insert: c.text })));
        });
        const unexpose = exposeEditorText('__rehearseEditorText', () => editor.getValue());
        editor.onDidDispose(unexpose);
        const model = editor.getModel();
        const selection = startSelection?.();
        if (model && selection) {
          const from = model.getPositionAt(selection.start);
          const to = model.getPositionAt(selection.end);
          editor.setSelection(new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
          editor.revealPositionInCenterIfOutsideViewport(to);
        }
        if (mayTakeFocus()) editor.focus();
        onReady?.();
      }}
      options={options}
      loading={<p className="p-4 text-sm text-slate-400">Loading the editor…</p>}
    />
  );
}
