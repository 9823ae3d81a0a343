import type { ReactNode } from 'react';

/** Wraps the sessions library: an Import button and drag-and-drop of a bundle. (Being built.) */
export function ImportDropZone({ children }: { children: ReactNode; onImported: (sessionId: string) => void }) {
  return <>{children}</>;
}
