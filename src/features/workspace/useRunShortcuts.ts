import { useEffect } from 'react';
import { useWorkspace } from './useWorkspace';

/**
 * Ctrl/⌘+Enter runs, Ctrl/⌘+Shift+Enter submits. Listened for on window in the capture phase so the
 * shortcut wins over Monaco's own Ctrl+Enter ("insert line below") wherever focus is.
 */
export function useRunShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      void useWorkspace.getState().run(e.shiftKey ? 'submit' : 'run');
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
