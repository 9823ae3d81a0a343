import { useEffect } from 'react';
import { REQUESTS_REGION_ATTRIBUTE } from './requests/regionAttribute';
import { useWorkspace } from './useWorkspace';

/**
 * Ctrl/⌘+Enter runs, Ctrl/⌘+Shift+Enter submits. Listened for on window in the capture phase so the
 * shortcut wins over Monaco's own Ctrl+Enter ("insert line below") wherever focus is — except that
 * Ctrl/⌘+Enter inside the Requests region sends its request (requests/RequestsPanel.tsx) instead of running.
 */
export function useRunShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (!e.shiftKey && e.target instanceof Element && e.target.closest(`[${REQUESTS_REGION_ATTRIBUTE}]`)) return;
      e.preventDefault();
      e.stopPropagation();
      void useWorkspace.getState().run(e.shiftKey ? 'submit' : 'run');
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
