import { describe, expect, it } from 'vitest';
import { applyDiskChanges, diskChanges, hasChanges, seedOf, type DiskFiles } from './disk';

const bytes = (...values: number[]) => new Uint8Array(values);
const names = (changes: ReturnType<typeof diskChanges>) => changes.changed.map(([name]) => name);

describe("a service's disk", () => {
  it('reports files that are new or whose bytes changed, and files that are gone', () => {
    const before: DiskFiles = new Map([
      ['app.db', bytes(1, 2, 3)],
      ['same.db', bytes(9)],
      ['gone.db', bytes(4)],
    ]);
    const after: DiskFiles = new Map([
      ['app.db', bytes(1, 2, 4)],
      ['same.db', bytes(9)],
      ['new.db', bytes()],
    ]);
    const changes = diskChanges(before, after);
    expect(names(changes)).toEqual(['app.db', 'new.db']);
    expect(changes.removed).toEqual(['gone.db']);
    expect(new Uint8Array(changes.changed[0]![1])).toEqual(bytes(1, 2, 4));
    expect(hasChanges(diskChanges(after, after))).toBe(false);
    expect(names(diskChanges(new Map([['a', bytes(1)]]), new Map([['a', bytes(1, 0)]])))).toEqual(['a']);
  });

  it('applies changes so the host holds what the worker holds, in bytes of its own', () => {
    const host: DiskFiles = new Map([['old.db', bytes(1)]]);
    const worker: DiskFiles = new Map([['app.db', bytes(5, 6)]]);
    const changes = diskChanges(host, worker);
    applyDiskChanges(host, changes);
    expect(host).toEqual(worker);
    new Uint8Array(changes.changed[0]![1])[0] = 0; // the message's bytes are not the host's
    expect(host.get('app.db')).toEqual(bytes(5, 6));
  });

  it('seeds a new worker with every file, copied out of any larger buffer', () => {
    const heap = new Uint8Array([7, 8, 9, 10]);
    const disk: DiskFiles = new Map([['app.db', heap.subarray(1, 3)]]);
    const seed = seedOf(disk);
    expect(seed.removed).toEqual([]);
    expect(seed.changed[0]![1].byteLength).toBe(2);
    expect(new Uint8Array(seed.changed[0]![1])).toEqual(bytes(8, 9));
  });
});
