/**
 * A codebase session's code at the play head: the files that exist then (the one being edited marked),
 * and the text of one of them. The view follows the file being edited unless the person picks another,
 * which stays shown (pinned) until they choose to follow again. The plan notes, when the session has
 * them, are one more entry below the files.
 */
import { useState } from 'react';
import type { Replay } from '../../core/replay/replayModel';
import { NOTES_FILE } from '../../core/session/fileSet';
import type { SessionFile } from '../../core/session/types';
import { FileView } from './FileView';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

function FileButton({
  path,
  label,
  shown,
  editing,
  onPick,
}: {
  path: SessionFile;
  label?: string;
  shown: boolean;
  editing: boolean;
  onPick(path: SessionFile): void;
}) {
  const slash = path.lastIndexOf('/');
  return (
    <li>
      <button
        type="button"
        aria-pressed={shown}
        onClick={() => onPick(path)}
        title={editing ? `${path}: being edited at the play head` : path}
        className={`flex w-full items-center gap-1 truncate rounded px-2 py-0.5 text-left font-mono text-xs ${
          shown ? 'bg-slate-800 text-slate-50' : 'text-slate-300 hover:bg-slate-800/60'
        }`}
      >
        <span className="truncate">
          {label ?? (
            <>
              {slash >= 0 && <span className="text-slate-500">{path.slice(0, slash + 1)}</span>}
              {path.slice(slash + 1)}
            </>
          )}
        </span>
        {editing && (
          <span
            className="ml-auto shrink-0 rounded bg-amber-400/20 px-1 font-sans text-[10px] text-amber-200"
            data-testid="file-being-edited"
          >
            editing
          </span>
        )}
      </button>
    </li>
  );
}

export function ProjectAtPlayhead({ replay, controller }: { replay: Replay; controller: PlaybackController }) {
  const [pinned, setPinned] = useState<SessionFile | null>(null);
  // Both are the same value while the play head moves within one state of the project: no re-render per frame.
  const paths = usePlaybackState(controller, (s) => replay.codeFilesAt(s.playheadMs));
  const active = usePlaybackState(controller, (s) => replay.activeFileAt(s.playheadMs));
  const hasNotes = replay.files.includes(NOTES_FILE);
  const followed = (active !== null && paths.includes(active) ? active : null) ?? paths[0] ?? replay.codeFiles[0]!;
  const shown = pinned ?? followed;
  const pinnedGone = pinned !== null && pinned !== NOTES_FILE && !paths.includes(pinned);

  return (
    <section aria-label="Code at the play head" className="grid min-h-0 grid-cols-[minmax(8rem,12rem)_1fr]">
      <nav aria-label="Files at the play head" className="flex min-h-0 flex-col gap-2 overflow-auto border-r border-slate-800 p-2">
        <ul className="space-y-0.5">
          {paths.map((path) => (
            <FileButton key={path} path={path} shown={shown === path} editing={active === path} onPick={setPinned} />
          ))}
          {pinnedGone && <FileButton path={pinned} shown editing={false} onPick={setPinned} />}
          {hasNotes && <FileButton path={NOTES_FILE} label="Notes" shown={shown === NOTES_FILE} editing={false} onPick={setPinned} />}
        </ul>
        <p className="text-xs text-slate-400" aria-live="polite">
          {pinned === null ? 'Showing the file being edited.' : `Showing ${pinned === NOTES_FILE ? 'the notes' : pinned}.`}
        </p>
        {pinned !== null && (
          <button type="button" className="btn text-xs" onClick={() => setPinned(null)}>
            Follow the file being edited
          </button>
        )}
      </nav>
      <div className="min-h-0" data-testid="replay-editor">
        <FileView key={shown} replay={replay} controller={controller} file={shown} />
      </div>
    </section>
  );
}
