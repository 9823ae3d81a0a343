/** Who wrote a message: the website visitor who opened the conversation, or a support agent. */
export type Role = 'visitor' | 'agent';

/** One support conversation: a visitor on the website and the support team. */
export interface Conversation {
  /** 'c1', 'c2', … in the order conversations are opened. */
  readonly id: string;
  /** The visitor who opened it. */
  readonly visitorId: string;
  /** clock() when it was opened, in milliseconds. */
  readonly startedAt: number;
}

/** A message as the store keeps it. Treat it as immutable: an edit stores a new object with the same id. */
export interface Message {
  /** 1 for the first message stored on the desk, then 2, 3, … across all conversations. */
  readonly id: number;
  readonly conversationId: string;
  /** The user who wrote it. */
  readonly authorId: string;
  readonly role: Role;
  readonly text: string;
  /** clock() when it was stored, in milliseconds. */
  readonly sentAt: number;
  /** clock() of the last edit, or null if it was never edited. */
  readonly editedAt: number | null;
}

/** What the desk pushes to a connection's listener. */
export type ServerEvent =
  | { type: 'history'; conversationId: string; messages: Message[] }
  | { type: 'message'; message: Message }
  | { type: 'typing'; conversationId: string; userId: string }
  | { type: 'presence'; conversationId: string; userId: string; status: 'online' | 'offline'; at: number }
  | { type: 'read'; conversationId: string; userId: string; messageId: number; at: number }
  | { type: 'edit'; message: Message }
  | { type: 'assigned'; conversationId: string; agentId: string; by: string; at: number };

/** A connection's callback: think of it as the client's end of a WebSocket. */
export type Listener = (event: ServerEvent) => void;

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNKNOWN_CONNECTION'
  | 'EMPTY_MESSAGE'
  | 'EDIT_WINDOW_CLOSED';

/** Every error the desk throws. The message names the id or the argument at fault. */
export class DeskError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
  }
}
