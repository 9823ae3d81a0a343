/**
 * The middle of the replay: the code at the play head (and, for a design session, the notes) beside the
 * results of the last run before it. A single-file session shows its file and notes as tabs; a codebase
 * session shows the files that exist at the play head (ProjectAtPlayhead). Redraws only when the shown
 * file changes, not on every frame.
 */
import type { Language } from '../../core/languages/registry';
import { useState, type ReactNode } from 'react';
import { lastAtOrBefore } from '../../core/replay/navigation';
import type { Replay } from '../../core/replay/replayModel';
import { NOTES_FILE } from '../../core/session/fileSet';
import type { SessionFile } from '../../core/session/types';
import { FileView } from './FileView';
import type { PlaybackController } from './playbackController';
import { ProjectAtPlayhead } from './ProjectAtPlayhead';
import { ReplayResults } from './ReplayResults';
import { usePlaybackState } from './usePlayback';

function ResultsAtPlayhead({ replay, controller }: { replay: Replay; controller: PlaybackController }) {
  const runs = replay.timeline.runs;
  // A marker object from the timeline (or null): the same object while the play head stays between two runs.
  const run = usePlaybackState(controller, (s) => lastAtOrBefore(runs, s.playheadMs));
  return <ReplayResults run={run} hasRuns={runs.length > 0} />;
}

/** A single-file session: its code and (when it has them) the notes as two tabs. */
function SingleFileAtPlayhead({
  replay,
  controller,
  codeLabel,
  language,
}: {
  replay: Replay;
  controller: PlaybackController;
  codeLabel: string;
  language: Language;
}) {
  const [file, setFile] = useState<SessionFile>(replay.codeFile);
  return (
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
              {f === NOTES_FILE ? 'Notes' : codeLabel}
            </button>
          ))}
        </div>
      )}
      <div className="min-h-0 flex-1" data-testid="replay-editor">
        <FileView key={file} replay={replay} controller={controller} file={file} language={language} />
      </div>
    </section>
  );
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
  /** The session's language (a single-file session's log from before projects names its code 'solution.ts'). */
  language?: Language;
}) {
  return (
    <div className="grid min-h-0 grid-cols-[3fr_2fr] divide-x divide-slate-800 border-y border-slate-800">
      {replay.multiFile ? (
        <ProjectAtPlayhead replay={replay} controller={controller} />
      ) : (
        <SingleFileAtPlayhead replay={replay} controller={controller} codeLabel={codeLabel} language={language} />
      )}
      {results ?? <ResultsAtPlayhead replay={replay} controller={controller} />}
    </div>
  );
}
