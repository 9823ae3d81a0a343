import { useEffect } from 'react';

/**
 * Ctrl/⌘+P opens quick open wherever the focus is outside the editor (the editor has its own keybinding,
 * given through the facade, that calls the same `open`); the browser's print dialog is kept from opening.
 */
export function useQuickOpenShortcut(enabled: boolean, open: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'p' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, open]);
}
