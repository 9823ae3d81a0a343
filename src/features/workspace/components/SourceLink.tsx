import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { locationSplitter, type SourceLocation, type TextSegment } from '../../../core/files/locations';
import { useWorkspace } from '../useWorkspace';

/**
 * A place in the project (`path:line`) as a button that opens the file there, caret on the line. A file the
 * project no longer has (deleted, renamed) is plain text.
 */
export function SourceLink({ at, children }: { at: SourceLocation; children?: ReactNode }) {
  const exists = useWorkspace((s) => Object.hasOwn(s.files, at.file));
  const label = children ?? `${at.file}:${at.line}`;
  if (!exists) return <>{label}</>;
  return (
    <button
      type="button"
      className="cursor-pointer underline decoration-dotted underline-offset-2 hover:text-sky-300"
      title={`Open ${at.file} at line ${at.line}`}
      onClick={() => useWorkspace.getState().openFile(at.file, { line: at.line, column: at.column })}
    >
      {label}
    </button>
  );
}

/** How text a run printed is cut into plain runs and the project's places (the project's paths as they are now). */
export function useLocationSplitter(): (text: string) => TextSegment[] {
  const paths = useWorkspace((s) => s.paths);
  return useMemo(() => locationSplitter(paths), [paths]);
}

/** Text a run printed, with every `path:line[:column]` of the project's files made a SourceLink. */
export function LinkedText({ text, split }: { text: string; split: (text: string) => TextSegment[] }) {
  return (
    <>
      {split(text).map((segment, i) =>
        segment.at ? (
          <SourceLink key={i} at={segment.at}>
            {segment.text}
          </SourceLink>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
