/**
 * The editor of a project of several files: the open files' tabs, the engine's notice about a file, and the
 * editor under them; Ctrl/⌘+P opens quick open (in the editor through its keybinding, elsewhere on the
 * window). A one-file problem has none of this: just the editor, as it always had.
 */
import { useCallback, useState } from 'react';
import type { Problem } from '../../../core/problems/types';
import { EditorPane } from '../components/EditorPane';
import { useWorkspace } from '../useWorkspace';
import { EDITOR_PANEL_ID, FileTabs } from './FileTabs';
import { FileNotice } from './FileNotice';
import { QuickOpen } from './QuickOpen';
import { useQuickOpenShortcut } from './useQuickOpenShortcut';

/** Whether the problem's code is a project of files (a tree to show): more than one file, or a tree that may change. */
export function useIsProject(): boolean {
  return useWorkspace((s) => s.paths.length > 1 || !!s.received?.editableTree);
}

export function ProjectEditor({ problem }: { problem: Problem }) {
  const [quickOpen, setQuickOpen] = useState(false);
  const openQuickly = useCallback(() => setQuickOpen(true), []);
  useQuickOpenShortcut(true, openQuickly);
  return (
    <div className="flex h-full min-h-0 min-w-0 flex-col">
      <FileTabs />
      <FileNotice />
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,1fr)]">
        <EditorPane problem={problem} onQuickOpen={openQuickly} tabPanel={{ id: EDITOR_PANEL_ID }} />
      </div>
      {quickOpen && <QuickOpen onClose={() => setQuickOpen(false)} />}
    </div>
  );
}
