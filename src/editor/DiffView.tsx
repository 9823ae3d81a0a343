/**
 * The candidate's code beside the problem's reference solution in Monaco's diff editor. Loaded lazily
 * (it pulls in Monaco, configured to use the locally bundled copy by monacoSetup).
 */
import { DEFAULT_LANGUAGE, languageOfEditorLanguage, languageSpec } from '../core/languages/registry';
import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import './monacoSetup';
import { monacoTheme, type EditorTheme } from './theme';

type DiffEditorInstance = Parameters<DiffOnMount>[0];

export default function DiffView({
  code,
  reference,
  language = 'typescript',
  path,
  theme,
}: {
  code: string;
  reference: string;
  /** Monaco's language id (core/languages `editorLanguageOfPath`). */
  language?: string;
  /** The file compared (a project path): names both models, so each file of a project has its own pair. */
  path?: string;
  theme?: EditorTheme;
}) {
  const ext = languageSpec(languageOfEditorLanguage(language) ?? DEFAULT_LANGUAGE).extension.slice(1);
  const yours = path ? `file:///compare/yours/${path}` : `file:///compare/your-solution.${ext}`;
  const theirs = path ? `file:///compare/reference/${path}` : `file:///compare/reference.${ext}`;
  const editorRef = useRef<DiffEditorInstance | null>(null);

  // Closing the comparison: detach the models from the widget before they are disposed. Left to the
  // wrapper, the models went first and Monaco threw "TextModel got disposed before DiffEditorWidget model
  // got reset". This cleanup runs before the DiffEditor child's own (React unmounts parents' effects first).
  useEffect(
    () => () => {
      const editor = editorRef.current;
      if (!editor) return;
      const models = editor.getModel();
      editor.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
      editorRef.current = null;
    },
    [],
  );

  return (
    <DiffEditor
      original={code}
      modified={reference}
      originalModelPath={yours}
      modifiedModelPath={theirs}
      language={language}
      theme={monacoTheme(theme)}
      onMount={(editor) => {
        editorRef.current = editor;
      }}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        fontSize: 13,
        renderValidationDecorations: 'off',
      }}
      loading={<p className="p-4 text-sm text-slate-400">Loading the comparison…</p>}
    />
  );
}
