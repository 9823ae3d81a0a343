export interface EventRecord {
  partition: number;
  offset: number;
  key: string;
  value: string;
}

export class UnknownMemberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownMemberError';
  }
}

export class NotAssignedError extends Error {
  constructor(message: string) {
    super(message);
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

export class Topic {
  readonly partitions: number;

  constructor(partitions: number) {
    this.partitions = partitions;
  }

  partitionFor(key: string): number {
    throw new Error('Not implemented');
  }

  publish(key: string, value: string): { partition: number; offset: number } {
    throw new Error('Not implemented');
  }

  endOffset(partition: number): number {
    throw new Error('Not implemented');
  }

  group(groupId: string): ConsumerGroup {
    throw new Error('Not implemented');
  }
}

export class ConsumerGroup {
  readonly id: string;
  private readonly topic: Topic;

  constructor(topic: Topic, groupId: string) {
    this.topic = topic;
    this.id = groupId;
  }

  join(member: string): void {
    throw new Error('Not implemented');
  }

  leave(member: string): void {
    throw new Error('Not implemented');
  }

  members(): string[] {
    throw new Error('Not implemented');
  }

  assignment(member: string): number[] {
    throw new Error('Not implemented');
  }

  poll(member: string, max: number): EventRecord[] {
    throw new Error('Not implemented');
  }

  commit(member: string, partition: number, offset: number): void {
    throw new Error('Not implemented');
  }

  committed(partition: number): number {
    throw new Error('Not implemented');
  }
}
