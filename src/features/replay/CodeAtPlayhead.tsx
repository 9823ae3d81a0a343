/**
 * The middle of the replay: the code at the play head (and, for a design session, the notes) beside the
 * results of the last run before it. Redraws only when the file's text changes, not on every frame.
 */
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { ReadOnlyEditor } from '../../editor';
import { useResolvedTheme } from '../theme';
import { lastAtOrBefore } from '../../core/replay/navigation';
import type { Replay } from '../../core/replay/replayModel';
import { languageOfPath } from '../../core/languages/registry';
import { NOTES_FILE } from '../../core/session/fileSet';
import type { SessionFile } from '../../core/session/types';
import type { PlaybackController } from './playbackController';
import { ReplayResults } from './ReplayResults';
import { usePlaybackState } from './usePlayback';

function FileView({
  replay,
  controller,
  file,
  language,
}: {
  replay: Replay;
  controller: PlaybackController;
  file: SessionFile;
  language: 'typescript' | 'python';
}) {
  const theme = useResolvedTheme();
  const version = usePlaybackState(controller, (s) => replay.versionAt(s.playheadMs, file));
  // The text and the current edit depend only on how many of the file's events have happened.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the trigger: recompute per edit of the file, not per playhead tick
  const frame = useMemo(() => replay.frameAt(controller.store.getState().playheadMs, file), [replay, controller, file, version]);
  return (
    <Suspense fallback={<p className="p-4 text-sm text-slate-400">Loading the editor…</p>}>
      <ReadOnlyEditor
        text={frame.text}
        currentEdit={frame.currentEdit}
        language={file === NOTES_FILE ? 'markdown' : (languageOfPath(file) ?? language)}
        theme={theme}
        path={`file:///replay/${file}`}
      />
    </Suspense>
  );
}

function ResultsAtPlayhead({ replay, controller }: { replay: Replay; controller: PlaybackController }) {
  const runs = replay.timeline.runs;
  // A marker object from the timeline (or null): the same object while the play head stays between two runs.
  const run = usePlaybackState(controller, (s) => lastAtOrBefore(runs, s.playheadMs));
  return <ReplayResults run={run} hasRuns={runs.length > 0} />;
}

/** `results`: what stands beside the code instead of the test results (a design session's scratchpad output). */
export function CodeAtPlayhead({
  replay,
  controller,
  codeLabel,
  results,
  language = 'typescript',
}: {
  replay: Replay;
  controller: PlaybackController;
  codeLabel: string;
  results?: ReactNode;
  /** The session's language (for a file whose extension names none). */
  language?: 'typescript' | 'python';
}) {
  const [file, setFile] = useState<SessionFile>(replay.codeFile);
  return (
    <div className="grid min-h-0 grid-cols-[3fr_2fr] divide-x divide-slate-800 border-y border-slate-800">
      <section aria-label="Code at the play head" className="flex min-h-0 flex-col">
        {replay.files.length > 1 && (
          <div role="tablist" aria-label="File" className="flex gap-1 border-b border-slate-800 px-2 pt-1">
            {replay.files.map((f) => (
              <button
                key={f}
                type="button"
                role="tab"
                aria-selected={file === f}
                onClick={() => setFile(f)}
                className={`rounded-t px-3 py-1 text-sm ${file === f ? 'bg-slate-800 text-slate-50' : 'text-slate-400 hover:text-slate-200'}`}
              >
                {f === replay.codeFile ? codeLabel : f === NOTES_FILE ? 'Notes' : f}
              </button>
            ))}
          </div>
        )}
        <div className="min-h-0 flex-1" data-testid="replay-editor">
          <FileView key={file} replay={replay} controller={controller} file={file} language={language} />
        </div>
      </section>
      {results ?? <ResultsAtPlayhead replay={replay} controller={controller} />}
    </div>
  );
}
