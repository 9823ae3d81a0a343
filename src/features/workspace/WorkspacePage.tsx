import { lazy, Suspense, useEffect, useRef } from 'react';
import { FOCUS_SHORTCUT, useBoardFocus } from './design/useBoardFocus';
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
import { preloadEditor } from '../../editor';
import { getRunner, loadedRunner } from '../../runner/instance';
import { practice } from '../../practice';
import { EditorPane } from './components/EditorPane';
import { ClientsPanel } from './components/ClientsPanel';
import { FeatureChecklist } from './components/FeatureChecklist';
import { FilesPanel } from './files/FilesPanel';
import { ProjectEditor, useIsProject } from './files/ProjectEditor';
import { useRunShortcuts } from './useRunShortcuts';
import { useWorkspace } from './useWorkspace';
import { useLeftInSession } from './useLeftInSession';
import { WhiteboardRegion } from '../whiteboard';
import { CodingPanes, DesignPanes } from './WorkspacePanes';
import { RequestsPanel } from './requests/RequestsPanel';

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
  const isProject = useIsProject();
  const isCodebase = problem.format === 'codebase';
  const bars = useRef<HTMLDivElement>(null);
  const focus = useBoardFocus(isDesign, bars);
  // The chosen language's code has a service: the Requests region shows (core/problems/types.ts CodeMaterial.service).
  const hasService = useWorkspace((s) => s.requests.serviceKey !== null);

  return (
    <div className={`flex h-screen flex-col ${focus.focused ? 'board-focus' : ''}`}>
      {/* The bars stay in view in the whiteboard's focus mode: the board fills the screen below them. */}
      <div ref={bars}>
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
      </div>
      {isDesign ? (
        <DesignPanes
          label="Estimation scratchpad"
          design={<DesignPanel problem={problem} />}
          editor={<EditorPane problem={problem} />}
          below={
            <>
              <RunBar canSubmit={false} />
              <div className="min-h-0 flex-1">
                <ConsolePanel />
              </div>
            </>
          }
          board={
            <WhiteboardRegion
              problemId={problem.id}
              after={preloadEditor}
              focus={{ on: focus.focused, top: focus.top, toggle: focus.toggle, shortcut: FOCUS_SHORTCUT }}
            />
          }
          notes={
            <Suspense fallback={null}>
              <NotesEditor />
            </Suspense>
          }
        />
      ) : (
        <CodingPanes
          label="Solution"
          statement={
            <StatementPanel
              problem={problem}
              unlockedStages={unlockedStages}
              before={isCodebase && problem.features?.length ? <FeatureChecklist problem={problem} /> : null}
            />
          }
          editor={isProject ? <ProjectEditor problem={problem} /> : <EditorPane problem={problem} />}
          files={isProject ? <FilesPanel /> : undefined}
          requests={hasService ? <RequestsPanel /> : undefined}
          below={
            <>
              <RunBar canSubmit />
              <div className={`grid min-h-0 flex-1 divide-x divide-slate-800 ${isCodebase ? 'grid-cols-3' : 'grid-cols-2'}`}>
                <ResultsPanel problem={problem} unlockedStages={unlockedStages} />
                <ConsolePanel />
                {isCodebase && <ClientsPanel />}
              </div>
            </>
          }
        />
      )}
    </div>
  );
}

const NotesEditor = lazy(() => import('./design/NotesEditor'));
