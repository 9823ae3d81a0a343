/**
 * The candidate's code beside the problem's reference solution in Monaco's diff editor. Loaded lazily
 * (it pulls in Monaco, configured to use the locally bundled copy by monacoSetup).
 */
import { DiffEditor } from '@monaco-editor/react';
import './monacoSetup';

export default function DiffView({ code, reference }: { code: string; reference: string }) {
  return (
    <DiffEditor
      original={code}
      modified={reference}
      originalModelPath="file:///compare/your-solution.ts"
      modifiedModelPath="file:///compare/reference.ts"
      language="typescript"
      theme="vs-dark"
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
