// Mutant: A listener that throws on the history event aborts connect (only message delivery is guarded).
/** A chat message as stored by the broker and delivered to listeners. */
export interface ChatMessage {
  /** Broker-wide sequence number: 1 for the first accepted message, then 2, 3, ... */
  id: number;
  room: string;
  sender: string;
  text: string;
  /** clock() at the moment the message was accepted, in milliseconds. */
  sentAt: number;
}

export type ChatEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'history'; room: string; messages: ChatMessage[] }
  | { type: 'presence'; room: string; clientId: string; status: 'online' | 'offline'; at: number };

export type Listener = (event: ChatEvent) => void;

export type ChatErrorCode =
  | 'INVALID_ARGUMENT'
  | 'ALREADY_CONNECTED'
  | 'UNKNOWN_CLIENT'
  | 'EMPTY_MESSAGE'
  | 'MESSAGE_TOO_LONG';

export class ChatError extends Error {
  readonly code: ChatErrorCode;
  constructor(code: ChatErrorCode, message: string) {
    super(message);
    this.name = 'ChatError';
    this.code = code;
  }
}

export interface BrokerOptions {
  /** Current time in milliseconds. The broker never reads the real time. */
  clock: () => number;
  /** Longest accepted text, in UTF-16 code units (text.length). Default 1000. */
  maxMessageLength?: number;
  /** A client stops counting as typing this many ms after its last keystroke. Default 3000. */
  typingTimeoutMs?: number;
  /** How many of the most recent messages each room keeps. Default 50. */
  historySize?: number;
}

interface Client {
  id: string;
  room: string;
  listener: Listener;
  /** clock() of the last keystroke, or null when not typing. */
  lastKeystroke: number | null;
}

interface Room {
  /** Connected client ids, in join order. */
  members: string[];
  /** Ids that have been connected to this room at some point. */
  seen: Set<string>;
  history: ChatMessage[];
}

function copyMessage(m: ChatMessage): ChatMessage {
  return { ...m };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function nonNegativeInteger(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new ChatError('INVALID_ARGUMENT', `${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

export class ChatBroker {
  private readonly clock: () => number;
  private readonly maxMessageLength: number;
  private readonly typingTimeoutMs: number;
  private readonly historySize: number;
  private readonly clients = new Map<string, Client>();
  private readonly rooms = new Map<string, Room>();
  private nextId = 1;

  constructor(options: BrokerOptions) {
    if (!options || typeof options.clock !== 'function') {
      throw new ChatError('INVALID_ARGUMENT', 'options.clock must be a function returning milliseconds');
    }
    this.clock = options.clock;
    this.maxMessageLength = nonNegativeInteger(options.maxMessageLength, 1000, 'maxMessageLength', 1);
    this.typingTimeoutMs = nonNegativeInteger(options.typingTimeoutMs, 3000, 'typingTimeoutMs', 1);
    this.historySize = nonNegativeInteger(options.historySize, 50, 'historySize', 0);
  }

  // ---------- Stage 1 ----------

  connect(clientId: string, room: string, listener: Listener): void {
    if (!isNonEmptyString(clientId)) throw new ChatError('INVALID_ARGUMENT', 'clientId must be a non-empty string');
    if (!isNonEmptyString(room)) throw new ChatError('INVALID_ARGUMENT', 'room must be a non-empty string');
    if (typeof listener !== 'function') throw new ChatError('INVALID_ARGUMENT', 'listener must be a function');
    if (this.clients.has(clientId)) {
      throw new ChatError('ALREADY_CONNECTED', `client "${clientId}" is already connected`);
    }
    const r = this.roomFor(room);
    const client: Client = { id: clientId, room, listener, lastKeystroke: null };
    this.clients.set(clientId, client);

    // The joiner hears the room's recent past first, then everyone else hears about the joiner.
    listener({ type: 'history', room, messages: r.history.map(copyMessage) });
    const at = this.clock();
    for (const otherId of r.members) {
      this.deliver(otherId, { type: 'presence', room, clientId, status: 'online', at });
    }
    r.members.push(clientId);
    r.seen.add(clientId);
  }

  disconnect(clientId: string): void {
    const client = this.requireClient(clientId);
    this.clients.delete(clientId);
    const r = this.rooms.get(client.room)!;
    r.members = r.members.filter((id) => id !== clientId);
    const at = this.clock();
    for (const otherId of r.members) {
      this.deliver(otherId, { type: 'presence', room: client.room, clientId, status: 'offline', at });
    }
  }

  send(clientId: string, text: string): ChatMessage {
    const client = this.requireClient(clientId);
    if (typeof text !== 'string') throw new ChatError('INVALID_ARGUMENT', 'text must be a string');
    if (text.trim() === '') throw new ChatError('EMPTY_MESSAGE', 'a message needs some non-whitespace text');
    if (text.length > this.maxMessageLength) {
      throw new ChatError(
        'MESSAGE_TOO_LONG',
        `message is ${text.length} characters; the limit is ${this.maxMessageLength}`,
      );
    }
    const message: ChatMessage = {
      id: this.nextId++,
      room: client.room,
      sender: clientId,
      text,
      sentAt: this.clock(),
    };
    client.lastKeystroke = null;

    const r = this.rooms.get(client.room)!;
    if (this.historySize > 0) {
      r.history.push(message);
      if (r.history.length > this.historySize) r.history.splice(0, r.history.length - this.historySize);
    }
    for (const otherId of [...r.members]) {
      if (otherId !== clientId) this.deliver(otherId, { type: 'message', message: copyMessage(message) });
    }
    return copyMessage(message);
  }

  // ---------- Stage 2 ----------

  typing(clientId: string): void {
    const client = this.requireClient(clientId);
    client.lastKeystroke = this.clock();
  }

  isTyping(clientId: string): boolean {
    const client = this.clients.get(clientId);
    if (!client || client.lastKeystroke === null) return false;
    return this.clock() < client.lastKeystroke + this.typingTimeoutMs;
  }

  typingUsers(room: string): string[] {
    const r = this.rooms.get(room);
    if (!r) return [];
    return r.members.filter((id) => this.isTyping(id)).sort();
  }

  history(room: string): ChatMessage[] {
    const r = this.rooms.get(room);
    return r ? r.history.map(copyMessage) : [];
  }

  presence(room: string): { online: string[]; offline: string[] } {
    const r = this.rooms.get(room);
    if (!r) return { online: [], offline: [] };
    const online = [...r.members].sort();
    const offline = [...r.seen].filter((id) => !r.members.includes(id)).sort();
    return { online, offline };
  }

  // ---------- helpers ----------

  private roomFor(name: string): Room {
    let r = this.rooms.get(name);
    if (!r) {
      r = { members: [], seen: new Set(), history: [] };
      this.rooms.set(name, r);
    }
    return r;
  }

  private requireClient(clientId: string): Client {
    const client = this.clients.get(clientId);
    if (!client) throw new ChatError('UNKNOWN_CLIENT', `client "${String(clientId)}" is not connected`);
    return client;
  }

  private deliver(clientId: string, event: ChatEvent): void {
    const client = this.clients.get(clientId);
    if (client) safeCall(client.listener, event);
  }
}

/** A listener that throws must not stop delivery to the other clients. */
function safeCall(listener: Listener, event: ChatEvent): void {
  try {
    listener(event);
  } catch {
    // The broker ignores a failing listener; one broken client cannot block the room.
  }
}
