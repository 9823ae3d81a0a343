/** One file of a replay at the play head, in a read-only editor that follows its edits. */
import { DEFAULT_LANGUAGE, languageSpec, type Language } from '../../core/languages/registry';
import { Suspense, useMemo } from 'react';
import { ReadOnlyEditor } from '../../editor';
import { useResolvedTheme } from '../theme';
import { editorLanguageOfPath } from '../../core/languages/registry';
import type { Replay } from '../../core/replay/replayModel';
import { NOTES_FILE } from '../../core/session/fileSet';
import type { SessionFile } from '../../core/session/types';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

/**
 * One file at the play head in a read-only editor. `language`: the session's, for a single-file session
 * (whose log may name a Python session's code 'solution.ts'); absent, the file's own by its path.
 */
export function FileView({
  replay,
  controller,
  file,
  language,
}: {
  replay: Replay;
  controller: PlaybackController;
  file: SessionFile;
  language?: Language;
}) {
  const theme = useResolvedTheme();
  const version = usePlaybackState(controller, (s) => replay.versionAt(s.playheadMs, file));
  // The text and the current edit depend only on how many of the file's events have happened.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the trigger: recompute per edit of the file, not per playhead tick
  const frame = useMemo(() => replay.frameAt(controller.store.getState().playheadMs, file), [replay, controller, file, version]);
  if (!frame.exists && replay.multiFile) {
    return (
      <p className="p-4 text-sm text-slate-400" role="note">
        {file} is not in the project at the play head: it was created later, or renamed or deleted before.
      </p>
    );
  }
  const single = language !== undefined && file !== NOTES_FILE;
  return (
    <Suspense fallback={<p className="p-4 text-sm text-slate-400">Loading the editor…</p>}>
      <ReadOnlyEditor
        text={frame.text}
        currentEdit={frame.currentEdit}
        language={single ? language : editorLanguageOfPath(file)}
        theme={theme}
        path={single ? `file:///replay/${languageSpec(language ?? DEFAULT_LANGUAGE).solutionFile}` : `file:///replay/${file}`}
      />
    </Suspense>
  );
}
