import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Ctrl/⌘+Shift+F: the whiteboard's focus mode on and off (Monaco and Excalidraw leave it unbound). */
export const FOCUS_SHORTCUT = 'Ctrl+Shift+F';

/**
 * The whiteboard's focus mode: the board fills the workspace below the bars (timer, recording indicator,
 * interviewer), which stay where they are. `bars` is the element holding those bars: the board starts at
 * its bottom edge, measured again whenever the bars change height (a banner appears, the window resizes).
 */
export function useBoardFocus(enabled: boolean, bars: RefObject<HTMLElement | null>) {
  const [focused, setFocused] = useState(false);
  const [top, setTop] = useState(0);
  const toggle = useCallback(() => setFocused((f) => !f), []);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'f' || !e.shiftKey || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      setFocused((f) => !f);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled]);

  useEffect(() => {
    const el = bars.current;
    if (!focused || !el) return;
    const measure = () => setTop(Math.ceil(el.getBoundingClientRect().bottom));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [focused, bars]);

  return { focused: enabled && focused, top, toggle };
}
