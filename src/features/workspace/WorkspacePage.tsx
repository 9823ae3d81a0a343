import { lazy, Suspense, useEffect, useMemo } from 'react';
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
import { CodeEditor, preloadEditor } from '../../editor';
import { getRunner, warmUpRunner } from '../../runner/instance';
import { practice } from '../../practice';
import { markersFromResult } from './markers';
import { useProtocols } from './protocols/protocolStore';
import { useRunShortcuts } from './useRunShortcuts';
import { useWorkspace } from './workspaceStore';
import { WhiteboardRegion } from '../whiteboard';

// The engine lives below the features; the workspace hands it what only the app and this feature hold.
practice.connect({
  runner: getRunner,
  customProtocols: () => useProtocols.getState().customs,
  loadCustomProtocols: () => useProtocols.getState().load(),
  initialNotes: (problem) => (problem.design ? initialNotes(problem.design.notesTemplate) : ''),
});

// Monaco is several MB: it loads only when a workspace opens, never with the catalog. app/ calls
// preloadEditor() as soon as a problem route renders, in parallel with restoring the draft from
// IndexedDB, instead of after it (that wait was about half a second on a first visit).

/** Set by "Keep recording and go": the workspace then closes without stopping the recording. */
let keepRecordingOnLeave = false;

/** Python downloads and starts in the background as soon as it is the problem's language. */
function useWarmLanguage() {
  const language = useWorkspace((s) => (s.loaded ? s.language : null));
  useEffect(() => {
    if (language === 'python')
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

function Editor({ problem }: { problem: Problem }) {
  const loaded = useWorkspace((s) => s.loaded && s.problem?.id === problem.id);
  const code = useWorkspace((s) => s.code);
  const language = useWorkspace((s) => s.language);
  const lastResult = useWorkspace((s) => s.lastResult);
  const markers = useMemo(() => markersFromResult(lastResult), [lastResult]);
  const { setCode, recordCodeEdit } = useWorkspace.getState();
  return (
    <div className="min-h-0" data-testid="editor">
      {loaded ? (
        <Suspense fallback={<CodePreview code={code} />}>
          <CodeEditor
            language={language}
            value={code}
            examples={problem.examples}
            markers={markers}
            onChange={setCode}
            onEdit={recordCodeEdit}
            onReady={warmUpRunner}
          />
        </Suspense>
      ) : (
        <p className="p-4 text-sm text-slate-400">Restoring your draft…</p>
      )}
    </div>
  );
}

/**
 * The code as text while Monaco (several MB) loads: the starter or the draft is readable at once, and the
 * editor takes over in the same place when it is ready.
 */
function CodePreview({ code }: { code: string }) {
  return (
    <div className="relative h-full overflow-auto" data-testid="code-preview">
      <pre className="p-4 pl-16 font-mono text-[14px] leading-[19px] text-slate-300" aria-label="Code (the editor is loading)">
        {code}
      </pre>
      <p role="status" className="absolute right-3 top-2 text-xs text-slate-500">
        Loading the editor…
      </p>
    </div>
  );
}

/** The workspace: statement (or the design panel), editor, Run/Submit, results and console. */
export function WorkspacePage({ problem }: { problem: Problem }) {
  const unlockedStages = useWorkspace((s) => s.practice?.unlockedStages ?? 1);
  const lastActionsProtocol = useWorkspace((s) => s.clock?.protocolId ?? null);
  const inFirstPhase = useWorkspace((s) => !!s.clock && s.clock.finishedAt === null && s.clock.phaseIndex === 0);
  const recordingSessionId = useRecorder((s) => (s.phase === 'recording' ? (s.session?.id ?? null) : null));
  useOpenProblem(problem);
  useWarmLanguage();
  useRunShortcuts();
  const isDesign = problem.kind === 'design';

  return (
    <div className="flex h-screen flex-col">
      <WorkspaceHeader problem={problem} />
      <SaveErrorBanner />
      <DraftQuestion />
      <RecordingBar onResume={() => void useWorkspace.getState().continueSession()} onEnd={() => useWorkspace.getState().endSession()} />
      <LeaveWhileRecording
        onEndAndSave={() => useWorkspace.getState().endSession()}
        onKeepRecording={() => {
          keepRecordingOnLeave = true;
        }}
      />
      <LastActionsBanner protocolId={lastActionsProtocol} firstPhase={inFirstPhase} sessionId={recordingSessionId} />
      <InterviewBars problem={problem} />
      <div
        className={`grid min-h-0 flex-1 ${isDesign ? 'grid-cols-[minmax(16rem,22%)_minmax(0,1fr)_minmax(0,1.3fr)]' : 'grid-cols-[minmax(18rem,28%)_1fr]'}`}
      >
        {isDesign ? <DesignPanel problem={problem} /> : <StatementPanel problem={problem} unlockedStages={unlockedStages} />}
        {/* The results row gives way (down to 8rem) before the editor shrinks under 10rem, e.g. under banners on a short screen. */}
        <main
          className="grid min-h-0 grid-rows-[minmax(10rem,1fr)_auto_minmax(8rem,16rem)]"
          aria-label={isDesign ? 'Estimation scratchpad' : 'Solution'}
        >
          <Editor problem={problem} />
          <RunBar canSubmit={!isDesign} />
          {isDesign ? (
            <ConsolePanel />
          ) : (
            <div className="grid min-h-0 grid-cols-2 divide-x divide-slate-800">
              <ResultsPanel problem={problem} unlockedStages={unlockedStages} />
              <ConsolePanel />
            </div>
          )}
        </main>
        {isDesign && <DesignNotesColumn problemId={problem.id} />}
      </div>
    </div>
  );
}

const NotesEditor = lazy(() => import('./design/NotesEditor'));

/** A design problem's right column: the whiteboard above the notes. */
function DesignNotesColumn({ problemId }: { problemId: string }) {
  return (
    <div className="grid min-h-0 grid-rows-[3fr_2fr] border-l border-slate-800">
      <WhiteboardRegion problemId={problemId} after={preloadEditor} />
      <Suspense fallback={null}>
        <NotesEditor />
      </Suspense>
    </div>
  );
}
