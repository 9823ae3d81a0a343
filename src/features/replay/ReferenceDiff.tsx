/**
 * The body of the comparison with the reference: one diff for a single-file problem (as it always was);
 * for a project, a list of its files (what happened to each) beside the diff of the one picked, the first
 * that differs to begin with.
 */
import type { Language } from '../../core/languages/registry';
import { Suspense, useState } from 'react';
import { DiffView } from '../../editor';
import { editorLanguageOfPath } from '../../core/languages/registry';
import { COMPARISON_STATUS_LABEL, firstDifference, type FileComparison } from '../../core/replay/referenceFiles';
import { useResolvedTheme } from '../theme';

const STATUS_NOTE: Record<FileComparison['status'], string | null> = {
  changed: null,
  same: 'Your file is the same as the reference’s.',
  created: 'Only your code has this file: the reference side is empty.',
  missing: 'Your code has no such file (you deleted it or never created it): your side is empty.',
};

function Diff({ file, language }: { file: FileComparison; language?: string }) {
  const theme = useResolvedTheme();
  return (
    <Suspense fallback={<p className="p-4 text-sm text-slate-400">Loading the comparison…</p>}>
      <DiffView
        code={file.code ?? ''}
        reference={file.reference ?? ''}
        theme={theme}
        {...(language ? { language } : { language: editorLanguageOfPath(file.path), path: file.path })}
      />
    </Suspense>
  );
}

export function ReferenceDiff({ files, language }: { files: FileComparison[]; language?: Language }) {
  const [picked, setPicked] = useState<string | null>(() => firstDifference(files)?.path ?? null);
  const single = files.length === 1 ? files[0]! : null;
  if (single) {
    return (
      <div className="min-h-0 flex-1" data-testid="reference-diff">
        <Diff file={single} {...(language ? { language } : {})} />
      </div>
    );
  }
  const file = files.find((f) => f.path === picked) ?? null;
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[minmax(10rem,16rem)_1fr]">
      <nav aria-label="Files to compare" className="overflow-auto border-r border-slate-800 p-2">
        <ul className="space-y-0.5">
          {files.map((f) => (
            <li key={f.path}>
              <button
                type="button"
                aria-pressed={f.path === picked}
                onClick={() => setPicked(f.path)}
                className={`flex w-full items-center gap-2 rounded px-2 py-0.5 text-left font-mono text-xs ${
                  f.path === picked ? 'bg-slate-800 text-slate-50' : 'text-slate-300 hover:bg-slate-800/60'
                }`}
              >
                <span className="truncate">{f.path}</span>
                <span
                  className={`ml-auto shrink-0 font-sans text-[10px] ${f.status === 'same' ? 'text-slate-500' : 'text-amber-200'}`}
                  data-testid="comparison-status"
                >
                  {COMPARISON_STATUS_LABEL[f.status]}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex min-h-0 flex-col" data-testid="reference-diff">
        {file && STATUS_NOTE[file.status] && (
          <p className="border-b border-slate-800 px-3 py-1 text-xs text-slate-400">{STATUS_NOTE[file.status]}</p>
        )}
        <div className="min-h-0 flex-1">{file && <Diff key={file.path} file={file} />}</div>
      </div>
    </div>
  );
}
