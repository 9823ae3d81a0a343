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

export class ChatBroker {
  constructor(options: BrokerOptions) {
    void options;
  }

  // ---------- Stage 1 ----------

  /** Connects a client to a room; its listener receives events pushed by the broker. */
  connect(clientId: string, room: string, listener: Listener): void {
    throw new Error('Not implemented');
  }

  /** Removes a connected client. */
  disconnect(clientId: string): void {
    throw new Error('Not implemented');
  }

  /** Posts a message to the sender's room, delivers it to the others there, and returns it. */
  send(clientId: string, text: string): ChatMessage {
    throw new Error('Not implemented');
  }

  // ---------- Stage 2 ----------

  /** Records a keystroke by this client at clock(). */
  typing(clientId: string): void {
    throw new Error('Not implemented');
  }

  /** Whether this client typed within the last typingTimeoutMs. */
  isTyping(clientId: string): boolean {
    throw new Error('Not implemented');
  }

  /** Ids of the clients in this room that are typing now, sorted. */
  typingUsers(room: string): string[] {
    throw new Error('Not implemented');
  }

  /** The room's last historySize messages, oldest first (a copy). */
  history(room: string): ChatMessage[] {
    throw new Error('Not implemented');
  }

  /** Who is in the room now, and who has been but is not any more (both sorted). */
  presence(room: string): { online: string[]; offline: string[] } {
    throw new Error('Not implemented');
  }
}
