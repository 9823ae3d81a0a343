import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../core/problems/types';
import { ConsolePanel } from './components/ConsolePanel';
import { ResultsPanel } from './components/ResultsPanel';
import { RunBar } from './components/RunBar';
import { SaveErrorBanner } from './components/SaveErrorBanner';
import { StatementPanel } from './components/StatementPanel';
import { WorkspaceHeader } from './components/WorkspaceHeader';
import { InterviewBars } from './components/InterviewBars';
import { DraftQuestion } from './components/DraftQuestion';
import { DesignPanel } from './design/DesignPanel';
import { initialNotes } from './design/notes';
import { LeaveWhileRecording, RecordingBar, useRecorder } from '../recording';
import { LastActionsBanner } from '../review';
import { CodeEditor, PlainEditor, preloadEditor, type TextSelection } from '../../editor';
import { getRunner, loadedRunner, warmUpRunner } from '../../runner/instance';
import { isPaused, practice } from '../../practice';
import { markersFromResult } from './markers';
import { useRunShortcuts } from './useRunShortcuts';
import { useWorkspace } from './workspaceStore';
import { useLeftInSession } from './useLeftInSession';
import { WhiteboardRegion } from '../whiteboard';
import { CodingPanes, DesignPanes } from './WorkspacePanes';
import { useResolvedTheme } from '../theme';

// The engine lives below the features; the workspace hands it what only the app and this feature hold.
practice.connect({
  runner: getRunner,
  loadedRunner,
  initialNotes: (problem) => (problem.design ? initialNotes(problem.design.notesTemplate) : ''),
});

// Monaco is several MB, and evaluating it holds the main thread for about a second. The catalog loads it
// after a quiet moment; otherwise the workspace asks for it once the code shows in the plain text area, so
// the person reads and types at once instead of waiting for it (issue 17).

/** Set by "Keep recording and go": the workspace then closes without stopping the recording. */
let keepRecordingOnLeave = false;

/** A language with a slow start (Python's download) starts in the background as soon as it is chosen. */
function useWarmLanguage() {
  const language = useWorkspace((s) => (s.loaded ? s.language : null));
  useEffect(() => {
    if (language)
      void useWorkspace
        .getState()
        .warmUpLanguage()
        .catch(() => undefined);
  }, [language]);
}

function useOpenProblem(problem: Problem) {
  useEffect(() => {
    const { open, flushDrafts } = useWorkspace.getState();
    void open(problem);
    const flush = () => void flushDrafts();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      // Without the user's choice (e.g. the Back button) the recording stops like a closed tab, kept as
      // interrupted and offered for continuing on return.
      const keepRecording = keepRecordingOnLeave;
      keepRecordingOnLeave = false;
      void useWorkspace.getState().close({ keepRecording });
    };
  }, [problem]);

  useEffect(() => {
    document.title = `${problem.title} · Rehearse`;
  }, [problem.title]);
}

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

function Editor({ problem }: { problem: Problem }) {
  // The buffer shown is the engine's (problem, language) key: the editors are made per key and every edit
  // names it, so text of another problem or language is never shown or saved here (issue 26).
  const bufferKey = useWorkspace((s) => (s.loaded && s.problem?.id === problem.id ? s.codeKey : null));
  const loaded = bufferKey !== null;
  const code = useWorkspace((s) => s.code);
  const language = useWorkspace((s) => s.language);
  const paused = useWorkspace((s) => isPaused(s.clock));
  const lastResult = useWorkspace((s) => s.lastResult);
  const markers = useMemo(() => markersFromResult(lastResult), [lastResult]);
  const theme = useResolvedTheme();
  const { recordCodeEdit } = useWorkspace.getState();
  const setCode = (text: string) => useWorkspace.getState().setCode(text, bufferKey ?? undefined);
  // Until Monaco has mounted, the same text is a plain text area on top of it: readable and typeable at once.
  // Monaco is asked for only once that has painted: evaluating it holds the main thread for about a second.
  const [monacoShown, setMonacoShown] = useState(false);
  const monacoWanted = useAfterPaint(loaded);
  const selection = useRef<TextSelection | null>(null);
  const plainLayer = useRef<HTMLDivElement>(null);
  return (
    <div className="relative min-h-0 min-w-0 overflow-hidden" data-testid="editor">
      {loaded ? (
        <>
          {monacoWanted && (
            <Suspense fallback={null}>
              <CodeEditor
                bufferKey={bufferKey}
                readOnly={paused}
                language={language}
                value={code}
                examples={problem.code[language]?.examples ?? ''}
                markers={markers}
                theme={theme}
                onChange={setCode}
                onEdit={recordCodeEdit}
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
                readOnly={paused}
                language={language}
                value={code}
                onChange={setCode}
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

/** The workspace: statement (or the design panel), editor, Run/Submit, results and console. */
export function WorkspacePage({ problem }: { problem: Problem }) {
  const unlockedStages = useWorkspace((s) => s.practice?.unlockedStages ?? 1);
  const lastActionsProtocol = useWorkspace((s) => s.clock?.protocolId ?? null);
  const inFirstPhase = useWorkspace((s) => !!s.clock && s.clock.finishedAt === null && s.clock.phaseIndex === 0);
  const recordingSessionId = useRecorder((s) => (s.phase === 'recording' ? (s.session?.id ?? null) : null));
  const left = useLeftInSession(problem);
  useOpenProblem(problem);
  useWarmLanguage();
  useRunShortcuts();
  const isDesign = problem.kind === 'design';

  return (
    <div className="flex h-screen flex-col">
      <WorkspaceHeader problem={problem} />
      <SaveErrorBanner />
      <DraftQuestion />
      <RecordingBar
        onResume={() => void useWorkspace.getState().continueSession()}
        onEnd={() => useWorkspace.getState().endSession()}
        left={left}
      />
      <LeaveWhileRecording
        onEndAndSave={() => useWorkspace.getState().endSession()}
        onKeepRecording={() => {
          keepRecordingOnLeave = true;
        }}
      />
      <LastActionsBanner protocolId={lastActionsProtocol} firstPhase={inFirstPhase} sessionId={recordingSessionId} />
      <InterviewBars problem={problem} />
      {isDesign ? (
        <DesignPanes
          label="Estimation scratchpad"
          design={<DesignPanel problem={problem} />}
          editor={<Editor problem={problem} />}
          below={
            <>
              <RunBar canSubmit={false} />
              <div className="min-h-0 flex-1">
                <ConsolePanel />
              </div>
            </>
          }
          board={<WhiteboardRegion problemId={problem.id} after={preloadEditor} />}
          notes={
            <Suspense fallback={null}>
              <NotesEditor />
            </Suspense>
          }
        />
      ) : (
        <CodingPanes
          label="Solution"
          statement={<StatementPanel problem={problem} unlockedStages={unlockedStages} />}
          editor={<Editor problem={problem} />}
          below={
            <>
              <RunBar canSubmit />
              <div className="grid min-h-0 flex-1 grid-cols-2 divide-x divide-slate-800">
                <ResultsPanel problem={problem} unlockedStages={unlockedStages} />
                <ConsolePanel />
              </div>
            </>
          }
        />
      )}
    </div>
  );
}

const NotesEditor = lazy(() => import('./design/NotesEditor'));
