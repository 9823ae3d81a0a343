/**
 * Which elements changed since the board was last logged. Excalidraw raises an element's `version` on
 * every change and keeps deleted elements (isDeleted) in its list, so comparing versions by id finds
 * every addition, change and deletion without comparing element contents.
 */
import { restoreBoardElement } from './restoreBoard';
import type { BoardChange, BoardElement } from './types';

export class BoardDiffer {
  /** Version of each element as last logged. */
  private logged = new Map<string, number>();

  /** Forget what was logged: the next `full()` starts over (a new session, a resume). */
  full(elements: readonly unknown[]): BoardChange {
    this.logged = new Map();
    const restored = this.restoreAll(elements).filter((e) => !e.isDeleted);
    for (const e of restored) this.logged.set(e.id, e.version);
    return { elements: restored, full: true };
  }

  /** The elements added or changed since the last call, or null when nothing did. */
  diff(elements: readonly unknown[]): BoardChange | null {
    const changed: BoardElement[] = [];
    for (const raw of elements) {
      const id = (raw as { id?: unknown }).id;
      const version = (raw as { version?: unknown }).version;
      if (typeof id === 'string' && this.logged.get(id) === version) continue;
      const element = restoreBoardElement(raw);
      if (!element) continue;
      // Deleted before it was ever logged: nothing to tell the replay.
      if (element.isDeleted && !this.logged.has(element.id)) continue;
      this.logged.set(element.id, element.version);
      changed.push(element.isDeleted ? deletedStub(element) : element);
    }
    return changed.length > 0 ? { elements: changed } : null;
  }

  private restoreAll(elements: readonly unknown[]): BoardElement[] {
    return elements.map(restoreBoardElement).filter((e): e is BoardElement => e !== null);
  }
}

/** A deleted element needs no drawing fields in the log: id, type, version and the flag say it all. */
function deletedStub(e: BoardElement): BoardElement {
  const stub: BoardElement = { ...e, isDeleted: true };
  delete stub.points;
  delete stub.pressures;
  delete stub.text;
  delete stub.originalText;
  if (stub.type === 'freedraw' || stub.type === 'line' || stub.type === 'arrow') stub.points = [];
  if (stub.type === 'text') stub.text = '';
  return stub;
}
