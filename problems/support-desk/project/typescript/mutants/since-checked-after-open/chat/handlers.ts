// Mutant: A bad since is only noticed after the connection was opened, so the rejected connect leaves it open.
import { ConnectionHub, type Connection } from './hub';
import { DeskError, type Conversation, type Listener, type Message, type Role } from './models';
import { ReadPositions } from './reads';
import { MessageStore } from './store';
import { TypingTracker } from './typing';
import { UnreadCounter } from './unread';

/** A user counts as typing for this long after their last keystroke. */
export const TYPING_TIMEOUT_MS = 3_000;
/** A message can be edited for this long after it was sent (15 minutes). */
export const EDIT_WINDOW_MS = 15 * 60 * 1_000;

export interface DeskOptions {
  /** The current time in milliseconds. The desk never reads the real time. */
  clock: () => number;
  /** The support agents' user ids. Everyone else is a visitor. */
  agents: readonly string[];
}

export interface ConnectOptions {
  /** Reconnecting: the id of the last message this client already has. The history holds only later ones. */
  since?: number;
}

/**
 * The request handlers: what the chat widget, the agents' inbox (see clients/) and the tests call.
 * Everything is synchronous and in memory; events reach listeners before the call returns.
 */
export class SupportDesk {
  private readonly clock: () => number;
  private readonly agents: ReadonlySet<string>;
  private readonly store = new MessageStore();
  private readonly hub = new ConnectionHub();
  private readonly typingTracker = new TypingTracker(TYPING_TIMEOUT_MS);
  private readonly reads = new ReadPositions();
  private readonly unread = new UnreadCounter();

  constructor(options: DeskOptions) {
    this.clock = options.clock;
    this.agents = new Set(options.agents);
  }

  // ---------- Requirement 1 ----------

  /** A visitor starts a new conversation with the support team. */
  openConversation(visitorId: string): Conversation {
    if (typeof visitorId !== 'string' || visitorId === '' || this.agents.has(visitorId)) {
      throw new DeskError(
        'INVALID_ARGUMENT',
        `visitorId must be a non-empty string that is not an agent's id, got ${JSON.stringify(visitorId)}`,
      );
    }
    return this.store.openConversation(visitorId, this.clock());
  }

  /**
   * Opens a connection to a conversation for its visitor or for an agent, and sends it the history
   * (only the messages after `since` when reconnecting). Returns the connection id.
   */
  connect(userId: string, conversationId: string, listener: Listener, options: ConnectOptions = {}): string {
    const conversation = this.requireConversation(conversationId);
    const role = this.roleIn(conversation, userId);
    const wasOnline = this.hub.isConnected(userId, conversationId);
    const connection = this.hub.open(userId, role, conversationId, listener);
    const since = checkSince(options.since);
    this.unread.reset(userId, conversationId);

    const messages = this.store.messagesIn(conversationId).filter((m) => m.id > since);
    this.hub.push(connection, { type: 'history', conversationId, messages });
    if (!wasOnline) {
      const at = this.clock();
      this.hub.broadcast(conversationId, { type: 'presence', conversationId, userId, status: 'online', at }, connection.id);
    }
    return connection.id;
  }

  /** Closes a connection. */
  disconnect(connectionId: string): void {
    const { userId, conversationId } = this.requireConnection(connectionId);
    this.hub.close(connectionId);
    if (!this.hub.isConnected(userId, conversationId)) {
      this.hub.broadcast(conversationId, { type: 'presence', conversationId, userId, status: 'offline', at: this.clock() });
    }
  }

  /** Stores a message written on this connection, delivers it to the other connections, and returns it. */
  send(connectionId: string, text: string): Message {
    const connection = this.requireConnection(connectionId);
    checkText(text);
    const { conversationId, userId } = connection;
    const message = this.store.append({
      conversationId,
      authorId: userId,
      role: connection.role,
      text,
      sentAt: this.clock(),
      editedAt: null,
    });
    this.typingTracker.clear(userId, conversationId);
    for (const member of this.membersOf(conversationId)) {
      if (member !== userId && !this.hub.isConnected(member, conversationId)) this.unread.add(member, conversationId);
    }
    this.hub.broadcast(conversationId, { type: 'message', message }, connection.id);
    if (connection.role === 'agent' && this.store.assignee(conversationId) === null) {
      this.setAssignee(conversationId, userId, connection);
    }
    return message;
  }

  /** Every message of a conversation, oldest first. */
  messages(conversationId: string): Message[] {
    this.requireConversation(conversationId);
    return this.store.messagesIn(conversationId);
  }

  // ---------- Typing indicator ----------

  /** A keystroke on this connection: the other connections are told, and the user counts as typing. */
  typing(connectionId: string): void {
    const { userId, conversationId, id } = this.requireConnection(connectionId);
    this.typingTracker.keystroke(userId, conversationId, this.clock());
    this.hub.broadcast(conversationId, { type: 'typing', conversationId, userId }, id);
  }

  typingUsers(conversationId: string): string[] {
    this.requireConversation(conversationId);
    return this.typingTracker.typingIn(conversationId, this.clock());
  }

  // ---------- Presence ----------

  onlineUsers(conversationId: string): string[] {
    this.requireConversation(conversationId);
    return [...new Set(this.hub.inConversation(conversationId).map((c) => c.userId))].sort();
  }

  // ---------- Read receipts ----------

  /** The connection's user has read the conversation up to and including `messageId`. */
  markRead(connectionId: string, messageId: number): void {
    const connection = this.requireConnection(connectionId);
    const { userId, conversationId } = connection;
    this.requireMessage(conversationId, messageId);
    if (this.reads.advance(userId, conversationId, messageId)) {
      const at = this.clock();
      this.hub.broadcast(conversationId, { type: 'read', conversationId, userId, messageId, at }, connection.id);
    }
  }

  /** Who, other than its author, has read the message: sorted user ids. */
  readBy(conversationId: string, messageId: number): string[] {
    this.requireConversation(conversationId);
    const message = this.requireMessage(conversationId, messageId);
    return this.reads.readersOf(conversationId, messageId).filter((userId) => userId !== message.authorId).sort();
  }

  // ---------- Unread counts ----------

  /** For every conversation the user may join: how many messages arrived while they had no connection to it. */
  unreadCounts(userId: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const conversation of this.store.conversations()) {
      if (this.agents.has(userId) || conversation.visitorId === userId) {
        counts[conversation.id] = this.unread.count(userId, conversation.id);
      }
    }
    return counts;
  }

  // ---------- Message editing ----------

  /** The author changes the text of one of their messages, within EDIT_WINDOW_MS of sending it. */
  edit(connectionId: string, messageId: number, text: string): Message {
    const connection = this.requireConnection(connectionId);
    const original = this.requireMessage(connection.conversationId, messageId);
    if (original.authorId !== connection.userId) {
      throw new DeskError('FORBIDDEN', `only ${JSON.stringify(original.authorId)} may edit message ${messageId}`);
    }
    const now = this.clock();
    if (now >= original.sentAt + EDIT_WINDOW_MS) {
      throw new DeskError('EDIT_WINDOW_CLOSED', `message ${messageId} can no longer be edited (sent at ${original.sentAt} ms)`);
    }
    checkText(text);
    const edited: Message = { ...original, text, editedAt: now };
    this.store.replace(edited);
    this.hub.broadcast(connection.conversationId, { type: 'edit', message: edited }, connection.id);
    return edited;
  }

  // ---------- Agent assignment ----------

  /** An agent assigns the connection's conversation to an agent (themselves or another). */
  assign(connectionId: string, agentId: string): void {
    const connection = this.requireConnection(connectionId);
    if (connection.role !== 'agent') {
      throw new DeskError('FORBIDDEN', `${JSON.stringify(connection.userId)} is a visitor; only agents assign conversations`);
    }
    if (!this.agents.has(agentId)) throw new DeskError('NOT_FOUND', `there is no agent ${JSON.stringify(agentId)}`);
    this.setAssignee(connection.conversationId, agentId, connection);
  }

  assignee(conversationId: string): string | null {
    this.requireConversation(conversationId);
    return this.store.assignee(conversationId);
  }

  /** The conversations assigned to the agent now, in the order they were opened. */
  assignedTo(agentId: string): string[] {
    return this.store
      .conversations()
      .filter((c) => this.store.assignee(c.id) === agentId)
      .map((c) => c.id);
  }

  // ---------- helpers ----------

  private setAssignee(conversationId: string, agentId: string, by: Connection): void {
    if (this.store.assignee(conversationId) === agentId) return;
    this.store.assign(conversationId, agentId);
    const at = this.clock();
    this.hub.broadcast(conversationId, { type: 'assigned', conversationId, agentId, by: by.userId, at }, by.id);
  }

  /** Who may join a conversation: its visitor and every agent. */
  private membersOf(conversationId: string): string[] {
    return [this.requireConversation(conversationId).visitorId, ...this.agents];
  }

  private requireConversation(conversationId: string): Conversation {
    const conversation = this.store.conversation(conversationId);
    if (!conversation) throw new DeskError('NOT_FOUND', `conversation ${JSON.stringify(conversationId)} does not exist`);
    return conversation;
  }

  private requireMessage(conversationId: string, messageId: number): Message {
    const message = this.store.message(messageId);
    if (!message || message.conversationId !== conversationId) {
      throw new DeskError('NOT_FOUND', `message ${JSON.stringify(messageId)} is not in conversation ${conversationId}`);
    }
    return message;
  }

  private requireConnection(connectionId: string): Connection {
    const connection = this.hub.get(connectionId);
    if (!connection) throw new DeskError('UNKNOWN_CONNECTION', `connection ${JSON.stringify(connectionId)} is not open`);
    return connection;
  }

  /** An agent may join any conversation; a visitor only the ones they opened. */
  private roleIn(conversation: Conversation, userId: string): Role {
    if (this.agents.has(userId)) return 'agent';
    if (userId === conversation.visitorId) return 'visitor';
    throw new DeskError('FORBIDDEN', `user ${JSON.stringify(userId)} may not join conversation ${conversation.id}`);
  }
}

function checkText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new DeskError('INVALID_ARGUMENT', 'text must be a string');
  if (text.trim() === '') throw new DeskError('EMPTY_MESSAGE', 'the text is empty or only whitespace');
}

/** `since` is absent (the whole history) or the id of a message the client has: a whole number ≥ 0. */
function checkSince(since: number | undefined): number {
  if (since === undefined) return 0;
  if (!Number.isInteger(since) || since < 0) {
    throw new DeskError('INVALID_ARGUMENT', `since must be a whole number >= 0, got ${String(since)}`);
  }
  return since;
}
