/**
 * The code editor of the workspace: the engine's active file in Monaco (every file of the project one model
 * in it), or — until Monaco has loaded — in a plain text area on top of it, readable and typeable at once.
 */
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { projectPathOfRunFile } from '../../../core/practice/projectCode';
import type { Problem } from '../../../core/problems/types';
import { CodeEditor, PlainEditor, type TextSelection } from '../../../editor';
import { isPaused } from '../../../practice';
import { warmUpRunner } from '../../../runner/instance';
import { useResolvedTheme } from '../../theme';
import { markersFromResult } from '../markers';
import { useWorkspace } from '../useWorkspace';

const NONE: readonly string[] = [];

/** True from the first task after `ready` has been painted. */
function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}

interface Props {
  problem: Problem;
  /** Ctrl/⌘+P in the editor (a project of several files). */
  onQuickOpen?: () => void;
  /** The editor is the tab panel of the open files' tabs (named by the file shown): its id. */
  tabPanel?: { id: string };
}

export function EditorPane({ problem, onQuickOpen, tabPanel }: Props) {
  // The buffer shown is the engine's (problem, language, file) key: every edit names it, so text of another
  // problem, language or file is never shown or saved here (issue 26). One editor per (problem, language).
  const bufferKey = useWorkspace((s) => (s.loaded && s.problem?.id === problem.id ? s.codeKey : null));
  const projectKey = useWorkspace((s) => `${problem.id}:${s.language}`);
  const loaded = bufferKey !== null;
  const code = useWorkspace((s) => s.code);
  const files = useWorkspace((s) => s.files);
  const path = useWorkspace((s) => s.activeFile);
  const language = useWorkspace((s) => s.language);
  const readOnlyFiles = useWorkspace((s) => s.received?.readOnly ?? NONE);
  const reveal = useWorkspace((s) => s.reveal);
  const paused = useWorkspace((s) => isPaused(s.clock));
  const lastResult = useWorkspace((s) => s.lastResult);
  const markers = useMemo(() => markersFromResult(lastResult, (file) => projectPathOfRunFile(problem, file)), [lastResult, problem]);
  const theme = useResolvedTheme();
  const { recordCodeEdit, refuseReadOnlyEdit } = useWorkspace.getState();
  const setCode = (text: string, key = bufferKey ?? undefined) => useWorkspace.getState().setCode(text, key);
  // Until Monaco has mounted, the same text is a plain text area on top of it: readable and typeable at once.
  // Monaco is asked for only once that has painted: evaluating it holds the main thread for about a second.
  const [monacoShown, setMonacoShown] = useState(false);
  const monacoWanted = useAfterPaint(loaded);
  const selection = useRef<TextSelection | null>(null);
  const plainLayer = useRef<HTMLDivElement>(null);
  const fileReadOnly = readOnlyFiles.includes(path);
  return (
    <div
      className="relative min-h-0 min-w-0 overflow-hidden"
      data-testid="editor"
      {...(tabPanel ? { id: tabPanel.id, role: 'tabpanel', 'aria-label': path } : {})}
    >
      {loaded ? (
        <>
          {monacoWanted && (
            <Suspense fallback={null}>
              <CodeEditor
                projectKey={projectKey}
                bufferKey={bufferKey}
                path={path}
                files={files}
                readOnly={paused}
                readOnlyFiles={readOnlyFiles}
                onReadOnlyEdit={refuseReadOnlyEdit}
                reveal={reveal}
                examples={problem.code[language]?.examples ?? ''}
                markers={markers}
                theme={theme}
                onChange={setCode}
                onEdit={recordCodeEdit}
                onQuickOpen={onQuickOpen}
                startSelection={() => selection.current}
                onReady={() => {
                  // Hidden in the same task as Monaco's mount, not a render later: a click in between would
                  // focus the plain area just before it goes, and the next keys would be lost.
                  if (plainLayer.current) plainLayer.current.hidden = true;
                  setMonacoShown(true);
                  // Warm, then compile the code as it stands: the first Run or Submit then compiles nothing.
                  void warmUpRunner().then(() => useWorkspace.getState().prepareRuns());
                }}
              />
            </Suspense>
          )}
          {!monacoShown && (
            <div ref={plainLayer} className="absolute inset-0 z-10" data-testid="plain-editor">
              <PlainEditor
                key={bufferKey}
                readOnly={paused || fileReadOnly}
                onReadOnlyEdit={paused ? undefined : refuseReadOnlyEdit}
                language={language}
                value={code}
                onChange={(text) => setCode(text)}
                onEdit={recordCodeEdit}
                selection={selection}
              />
              <p role="status" className="pointer-events-none absolute right-3 top-2 text-xs text-slate-500">
                Loading the editor… (you can type already)
              </p>
            </div>
          )}
        </>
      ) : (
        <p className="p-4 text-sm text-slate-400">Restoring your draft…</p>
      )}
    </div>
  );
}
