/**
 * The candidate's editor: one Monaco for a project, holding one model per file (projectModels.ts), so
 * TypeScript's language service sees every file and the visible tests beside them, and a switch of file
 * swaps the model (each file keeps its caret, selection and scroll) instead of making a new editor.
 * Compile and runtime errors from the runner are markers on the file they are in. Loaded lazily: importing
 * this file pulls in Monaco.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import { monaco, typescript } from './monacoSetup';
import type { EditorMarker } from './markers';
import type { TextChange } from '../core/session/types';
import { exposeEditorText } from './testHook';
import { PLAIN_EDITOR_ATTRIBUTE, type TextSelection } from './PlainEditor';
import { ProjectModels, tabSizeOf } from './projectModels';
import { monacoTheme, type EditorTheme } from './theme';

type MonacoEditor = Parameters<OnMount>[0];

const TEST_GLOBALS = `declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<unknown>): void;
declare function beforeEach(body: () => void | Promise<unknown>): void;
declare function afterEach(body: () => void | Promise<unknown>): void;
declare module 'chai' { export const expect: any; export const assert: any; }`;

const EXAMPLES_FILE = 'examples.test.ts';

/** A place to bring into view: the caret goes there, centred, and the editor takes the focus. */
export interface EditorReveal {
  file: string;
  line: number;
  column: number;
  /** A new request has a new number (the same place asked twice moves the caret twice). */
  seq: number;
}

interface Props {
  /** The project (`<problem>:<language>`): one editor per project, made from its files. */
  projectKey: string;
  /** Whose text the shown file is: every change names the key its file was shown under. */
  bufferKey: string;
  /** The file shown. */
  path: string;
  /** Every file of the project, path → text (the shown one included). */
  files: Readonly<Record<string, string>>;
  /** The visible tests: a TypeScript project's companion model, so their imports and usage are type-checked. */
  examples: string;
  /** Each file's markers, by path. */
  markers: Readonly<Record<string, readonly EditorMarker[]>>;
  /** The shown file's new text, with the key it was shown under (the engine drops a change of another key). */
  onChange(code: string, bufferKey: string): void;
  /** Every change to the shown file, exactly as Monaco reports it (one batch per call), for the session log. */
  onEdit?(changes: TextChange[]): void;
  /** The editor is on screen and focused (the workspace then lets the runner warm up). */
  onReady?(): void;
  /** Where the caret was in the plain text area this editor replaces, if the user had put it there. */
  startSelection?(): TextSelection | null;
  /** The app's theme (dark when not given). */
  theme?: EditorTheme;
  /** Nothing can be typed (the session is paused). */
  readOnly?: boolean;
  /** Files the problem fixes: typing in one is refused, and `onReadOnlyEdit` says so. */
  readOnlyFiles?: readonly string[];
  onReadOnlyEdit?(): void;
  reveal?: EditorReveal | null;
  /** Ctrl/⌘+P in the editor: the workspace's quick open (only when given; otherwise the key is the browser's). */
  onQuickOpen?(): void;
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

/** A new editor per project: a problem or language switch never reuses the previous one's models or undo history. */
export default function CodeEditor(props: Props) {
  return <ProjectCodeEditor key={props.projectKey} {...props} />;
}

function ProjectCodeEditor(props: Props) {
  const { projectKey, bufferKey, path, files, examples, markers, theme, readOnly = false, readOnlyFiles = [], reveal } = props;
  const editorRef = useRef<MonacoEditor | null>(null);
  const models = useMemo(() => new ProjectModels(projectKey), [projectKey]);
  const latest = useRef(props);
  latest.current = props;
  /** The key each model was shown under: a change to it names that key. */
  const keys = useRef(new WeakMap<monaco.editor.ITextModel, string>());
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const revealed = useRef<number | null>(null);
  const quickOpenKey = useRef<monaco.editor.IContextKey<boolean> | null>(null);

  /** Shows the engine's active file: its model, with the caret and scroll it had when it was left. */
  function showActive(editor: MonacoEditor) {
    const { path: active, bufferKey: key, files: all } = latest.current;
    models.sync(all);
    const model = models.get(active);
    if (!model) return;
    keys.current.set(model, key);
    const current = editor.getModel();
    if (current === model) return;
    const left = models.pathOf(current);
    if (left !== null) viewStates.current.set(left, editor.saveViewState());
    editor.setModel(model);
    const state = viewStates.current.get(active);
    if (state) editor.restoreViewState(state);
  }

  function applyReveal(editor: MonacoEditor) {
    const request = latest.current.reveal;
    if (!request || request.seq === revealed.current || request.file !== latest.current.path) return;
    revealed.current = request.seq;
    const position = { lineNumber: request.line, column: request.column };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }

  useEffect(() => {
    const editor = editorRef.current;
    if (editor) showActive(editor);
    else models.sync(files);
    models.prune(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- showActive reads the props through `latest`
  }, [files, path, bufferKey, models]);

  useEffect(() => {
    // A new request, or the file it names has just been shown.
    if (editorRef.current) applyReveal(editorRef.current);
  }, [reveal, path]);

  useEffect(
    () => () => {
      editorRef.current?.setModel(null);
      models.disposeAll();
    },
    [models],
  );

  // The visible tests sit in the project's folder, so their imports of project files resolve.
  const typescriptProject = projectKey.endsWith(':typescript');
  const hasExamplesFile = Object.hasOwn(files, EXAMPLES_FILE);
  useEffect(() => {
    if (!typescriptProject || hasExamplesFile) return;
    const uri = monaco.Uri.parse(`${models.folder}${EXAMPLES_FILE}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(examples, 'typescript', uri);
    if (model.getValue() !== examples) model.setValue(examples);
    const globals = typescript.typescriptDefaults.addExtraLib(TEST_GLOBALS, 'file:///rehearse-test-globals.d.ts');
    return () => {
      globals.dispose();
      model.dispose();
    };
  }, [examples, models, typescriptProject, hasExamplesFile]);

  useEffect(() => models.setMarkers(markers), [markers, files, models]);

  useEffect(() => quickOpenKey.current?.set(!!props.onQuickOpen), [props.onQuickOpen]);

  const fileReadOnly = readOnlyFiles.includes(path);
  // One object per state: the wrapper calls Monaco's updateOptions whenever it gets a new one.
  const options = useMemo(
    () => ({
      fontSize: 14,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: tabSizeOf(path),
      insertSpaces: true,
      fixedOverflowWidgets: true,
      readOnly: readOnly || fileReadOnly,
      readOnlyMessage: { value: readOnly ? 'Paused: resume the session to edit.' : `${path} is read-only in this problem.` },
    }),
    [path, readOnly, fileReadOnly],
  );

  return (
    <Editor
      defaultPath={models.uriOf(path).toString()}
      theme={monacoTheme(theme)}
      // The project's models are made before the editor, so it opens on the shown file's own model.
      beforeMount={() => models.sync(latest.current.files)}
      keepCurrentModel
      onMount={(editor) => {
        editorRef.current = editor;
        editor.onDidDispose(() => {
          if (editorRef.current === editor) editorRef.current = null;
        });
        showActive(editor);
        // Monaco's offsets in one event all refer to the text before it: exactly the log's batch format.
        editor.onDidChangeModelContent((e) => {
          const model = editor.getModel();
          if (!model || models.isSyncing()) return;
          const key = keys.current.get(model);
          if (key === undefined) return;
          if (key === latest.current.bufferKey) {
            latest.current.onEdit?.(e.changes.map((c) => ({ offset: c.rangeOffset, deleteCount: c.rangeLength, insert: c.text })));
          }
          latest.current.onChange(model.getValue(), key);
        });
        editor.onDidAttemptReadOnlyEdit(() => {
          const { readOnly: paused, readOnlyFiles: fixed = [], path: active } = latest.current;
          if (!paused && fixed.includes(active)) latest.current.onReadOnlyEdit?.();
        });
        quickOpenKey.current = editor.createContextKey('rehearseQuickOpen', !!latest.current.onQuickOpen);
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyP, () => latest.current.onQuickOpen?.(), 'rehearseQuickOpen');
        const unexpose = exposeEditorText('__rehearseEditorText', () => editor.getValue());
        const unexposeDiagnostics = exposeEditorText('__rehearseEditorDiagnostics', () => {
          const model = editor.getModel();
          return JSON.stringify(model ? monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => m.message) : []);
        });
        editor.onDidDispose(() => {
          unexpose();
          unexposeDiagnostics();
        });
        const model = editor.getModel();
        const selection = latest.current.startSelection?.();
        if (model && selection) {
          const from = model.getPositionAt(selection.start);
          const to = model.getPositionAt(selection.end);
          editor.setSelection(new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
          editor.revealPositionInCenterIfOutsideViewport(to);
        }
        if (mayTakeFocus()) editor.focus();
        applyReveal(editor);
        latest.current.onReady?.();
      }}
      options={options}
      loading={<p className="p-4 text-sm text-slate-400">Loading the editor…</p>}
    />
  );
}
