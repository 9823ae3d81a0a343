/**
 * Where a service keeps files that outlive it: a restart gets the same disk. The Requests pane's runner
 * hands its own Disk to each new service; the tests use MemoryDisk.
 */

export interface Disk {
  /** The file's bytes, or undefined when there is no such file. */
  read(name: string): Uint8Array | undefined;
  write(name: string, bytes: Uint8Array): void;
}

export class DiskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiskError';
  }
}

/** A disk in memory; `setBroken(true)` makes every read and write throw DiskError (a failed volume). */
export class MemoryDisk implements Disk {
  private readonly files = new Map<string, Uint8Array>();
  private broken = false;

  read(name: string): Uint8Array | undefined {
    if (this.broken) throw new DiskError(`cannot read ${name}: the disk is unavailable`);
    const bytes = this.files.get(name);
    return bytes && new Uint8Array(bytes);
  }

  write(name: string, bytes: Uint8Array): void {
    if (this.broken) throw new DiskError(`cannot write ${name}: the disk is unavailable`);
    this.files.set(name, new Uint8Array(bytes));
  }

  setBroken(broken: boolean): void {
    this.broken = broken;
  }

  /** The names of the files written so far. */
  names(): string[] {
    return [...this.files.keys()].sort();
  }
}
