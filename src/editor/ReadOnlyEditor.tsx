/**
 * The code at the play head: a read-only Monaco whose text follows the replay, with the edit that
 * produced it highlighted. Text changes are applied as one minimal edit (common prefix and suffix kept),
 * so the view keeps its scroll position while the replay plays. Loaded lazily: importing it pulls in Monaco.
 */
import { indentOfEditorLanguage } from '../core/languages/registry';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { CurrentEdit } from '../core/replay/replayModel';
import { monaco } from './monacoSetup';
import { diffAsChange } from '../core/session/textDiff';
import { exposeEditorText } from './testHook';
import { monacoTheme, type EditorTheme } from './theme';

type CodeEditor = Parameters<OnMount>[0];

interface Props {
  text: string;
  currentEdit: CurrentEdit | null;
  /** Monaco's language id ('typescript', 'python', 'markdown', 'plaintext'; core/languages `editorLanguageOfPath`). */
  language: string;
  /** Model path, distinct from the workspace's so the two never share a model. */
  path: string;
  theme?: EditorTheme;
}

function showText(editor: CodeEditor, text: string): void {
  const model = editor.getModel();
  if (!model) return;
  const before = model.getValue();
  const change = diffAsChange(before, text);
  if (!change) return;
  const start = model.getPositionAt(change.offset);
  const end = model.getPositionAt(change.offset + change.deleteCount);
  model.applyEdits([{ range: monaco.Range.fromPositions(start, end), text: change.insert }]);
}

function highlight(editor: CodeEditor, decorations: monaco.editor.IEditorDecorationsCollection, edit: CurrentEdit | null): void {
  const model = editor.getModel();
  if (!model || !edit) {
    decorations.clear();
    return;
  }
  const length = model.getValueLength();
  decorations.set(
    edit.ranges.map((r) => {
      // A deletion has no text left to mark: mark the character where it happened instead.
      const deleted = r.start === r.end;
      const start = model.getPositionAt(Math.min(r.start, length));
      const end = model.getPositionAt(Math.min(deleted ? r.start + 1 : r.end, length));
      return {
        range: monaco.Range.fromPositions(start, end),
        options: {
          className: deleted ? 'border-l-2 border-rose-400' : 'bg-amber-300/25',
          linesDecorationsClassName: 'bg-amber-400 !w-1 ml-1',
          hoverMessage: { value: deleted ? 'Deleted here by the current edit' : 'Typed by the current edit' },
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      };
    }),
  );
  const first = edit.ranges[0];
  // Vertically only: revealing the position itself scrolled long lines sideways (the Notes tab opened cut
  // off by about 90 px), and the start of every line is what a reader needs.
  if (first) editor.revealLineInCenterIfOutsideViewport(model.getPositionAt(Math.min(first.start, length)).lineNumber);
}

export default function ReadOnlyEditor({ text, currentEdit, language, path, theme }: Props) {
  const editorRef = useRef<CodeEditor | null>(null);
  const decorationsRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const latest = useRef({ text, currentEdit });
  latest.current = { text, currentEdit };

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !decorationsRef.current) return;
    showText(editor, text);
    highlight(editor, decorationsRef.current, currentEdit);
  }, [text, currentEdit]);

  return (
    <Editor
      path={path}
      language={language}
      defaultValue={text}
      theme={monacoTheme(theme)}
      onMount={(editor) => {
        editorRef.current = editor;
        decorationsRef.current = editor.createDecorationsCollection();
        // The props may have moved on while Monaco loaded.
        showText(editor, latest.current.text);
        highlight(editor, decorationsRef.current, latest.current.currentEdit);
        editor.onDidDispose(exposeEditorText('__rehearseReplayText', () => editor.getValue()));
      }}
      options={{
        readOnly: true,
        domReadOnly: true,
        readOnlyMessage: { value: 'This is a replay: the code shows what was typed at the play head.' },
        fontSize: 14,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: indentOfEditorLanguage(language),
        // Notes are prose: wrapped, so no line hides its end off to the right.
        wordWrap: language === 'markdown' ? 'on' : 'off',
        renderValidationDecorations: 'off',
      }}
      loading={<p className="p-4 text-sm text-slate-400">Loading the editor…</p>}
    />
  );
}
