/**
 * A service's disk (its database files) as the host keeps it between workers: name → bytes. A service worker
 * reports what changed after every request, so the disk survives a restart, a code change, a time-out and a
 * crash; the next worker is seeded with all of it. Pure.
 */
import type { DiskChanges } from '../sandbox/serviceProtocol';

export type DiskFiles = Map<string, Uint8Array>;

/** The disk as it is now, ready to seed a fresh worker: every file a change (copies, so the host keeps its own). */
export function seedOf(disk: ReadonlyMap<string, Uint8Array>): DiskChanges {
  return { changed: [...disk].map(([name, bytes]) => [name, copy(bytes)]), removed: [] };
}

/** What differs from `before` in `after`: files new or with other bytes, and files gone. */
export function diskChanges(before: ReadonlyMap<string, Uint8Array>, after: ReadonlyMap<string, Uint8Array>): DiskChanges {
  const changed: DiskChanges['changed'] = [];
  for (const [name, bytes] of after) {
    const old = before.get(name);
    if (!old || !sameBytes(old, bytes)) changed.push([name, copy(bytes)]);
  }
  const removed = [...before.keys()].filter((name) => !after.has(name));
  return { changed, removed };
}

/** `disk` with `changes` applied (in place). */
export function applyDiskChanges(disk: DiskFiles, changes: DiskChanges): void {
  for (const name of changes.removed) disk.delete(name);
  for (const [name, bytes] of changes.changed) disk.set(name, new Uint8Array(bytes.slice(0)));
}

export function hasChanges(changes: DiskChanges): boolean {
  return changes.changed.length > 0 || changes.removed.length > 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The bytes in an ArrayBuffer of their own (a view may share a larger buffer, e.g. Pyodide's heap). */
function copy(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
