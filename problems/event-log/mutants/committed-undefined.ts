// Mutant: committed is undefined until something is committed
export interface EventRecord {
  partition: number;
  offset: number;
  key: string;
  value: string;
}

export class UnknownMemberError extends Error {
  constructor(member: string) {
    super(`"${member}" is not a member of this group`);
    this.name = 'UnknownMemberError';
  }
}

export class NotAssignedError extends Error {
  constructor(member: string, partition: number) {
    super(`partition ${partition} is not assigned to "${member}"`);
    this.name = 'NotAssignedError';
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function requirePositiveInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
}

export class Topic {
  readonly partitions: number;
  private readonly logs: EventRecord[][];
  private readonly groups = new Map<string, ConsumerGroup>();

  constructor(partitions: number) {
    requirePositiveInteger(partitions, 'partitions');
    this.partitions = partitions;
    this.logs = Array.from({ length: partitions }, () => []);
  }

  partitionFor(key: string): number {
    // Same key -> same partition, which is the only place ordering is guaranteed.
    return fnv1a32(key) % this.partitions;
  }

  publish(key: string, value: string): { partition: number; offset: number } {
    const partition = this.partitionFor(key);
    const log = this.logs[partition];
    const offset = log.length;
    log.push({ partition, offset, key, value });
    return { partition, offset };
  }

  endOffset(partition: number): number {
    this.checkPartition(partition);
    return this.logs[partition].length;
  }

  group(groupId: string): ConsumerGroup {
    let g = this.groups.get(groupId);
    if (g === undefined) {
      g = new ConsumerGroup(this, groupId);
      this.groups.set(groupId, g);
    }
    return g;
  }

  /** @internal Records of one partition from `from`, at most `max`. */
  readFrom(partition: number, from: number, max: number): EventRecord[] {
    // Copies, so a consumer can't rewrite the log through a returned record.
    return this.logs[partition].slice(from, from + max).map((r) => ({ ...r }));
  }

  /** @internal */
  checkPartition(partition: number): void {
    if (!Number.isInteger(partition) || partition < 0 || partition >= this.partitions) {
      throw new RangeError(`partition must be an integer in [0, ${this.partitions - 1}], got ${partition}`);
    }
  }
}

export class ConsumerGroup {
  readonly id: string;
  private readonly topic: Topic;
  /** Sorted member ids: the assignment is a pure function of this list. */
  private memberIds: string[] = [];
  /** member -> (partition -> next offset that member will read). */
  private readonly positions = new Map<string, Map<number, number>>();
  private readonly committedOffsets = new Map<number, number>();

  constructor(topic: Topic, groupId: string) {
    this.topic = topic;
    this.id = groupId;
  }

  join(member: string): void {
    if (typeof member !== 'string' || member === '') throw new RangeError('member id must be a non-empty string');
    if (this.positions.has(member)) return; // already in: nothing changes, no rebalance
    this.memberIds = [...this.memberIds, member].sort();
    this.rebalance();
  }

  leave(member: string): void {
    this.requireMember(member);
    this.memberIds = this.memberIds.filter((m) => m !== member);
    this.rebalance();
  }

  members(): string[] {
    return [...this.memberIds];
  }

  assignment(member: string): number[] {
    return [...this.requireMember(member).keys()];
  }

  poll(member: string, max: number): EventRecord[] {
    const positions = this.requireMember(member);
    requirePositiveInteger(max, 'max');
    const out: EventRecord[] = [];
    for (const [partition, position] of positions) {
      if (out.length === max) break;
      const batch = this.topic.readFrom(partition, position, max - out.length);
      positions.set(partition, position + batch.length);
      out.push(...batch);
    }
    return out;
  }

  commit(member: string, partition: number, offset: number): void {
    const positions = this.requireMember(member);
    this.topic.checkPartition(partition);
    // Fencing: after a rebalance the old owner must not overwrite the new owner's progress.
    if (!positions.has(partition)) throw new NotAssignedError(member, partition);
    const end = this.topic.endOffset(partition);
    const current = this.committed(partition);
    if (!Number.isInteger(offset) || offset < current || offset > end) {
      throw new RangeError(`offset for partition ${partition} must be an integer in [${current}, ${end}], got ${offset}`);
    }
    // The position is deliberately untouched: committing records progress, it does not seek.
    this.committedOffsets.set(partition, offset);
  }

  committed(partition: number): number {
    this.topic.checkPartition(partition);
    return this.committedOffsets.get(partition) as number;
  }

  private requireMember(member: string): Map<number, number> {
    const positions = this.positions.get(member);
    if (positions === undefined) throw new UnknownMemberError(member);
    return positions;
  }

  /**
   * Range assignment over sorted members. Every member restarts every partition from the committed
   * offset: anything polled but not committed is delivered again (at-least-once).
   */
  private rebalance(): void {
    this.positions.clear();
    const p = this.topic.partitions;
    const m = this.memberIds.length;
    let next = 0;
    this.memberIds.forEach((member, i) => {
      const count = Math.floor(p / m) + (i < p % m ? 1 : 0);
      const mine = new Map<number, number>();
      for (let k = 0; k < count; k++, next++) mine.set(next, this.committed(next));
      this.positions.set(member, mine);
    });
  }
}
