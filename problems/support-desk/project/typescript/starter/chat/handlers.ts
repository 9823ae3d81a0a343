import { ConnectionHub, type Connection } from './hub';
import { DeskError, type Conversation, type Listener, type Message, type Role } from './models';
import { MessageStore } from './store';

export interface DeskOptions {
  /** The current time in milliseconds. The desk never reads the real time. */
  clock: () => number;
  /** The support agents' user ids. Everyone else is a visitor. */
  agents: readonly string[];
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

  constructor(options: DeskOptions) {
    this.clock = options.clock;
    this.agents = new Set(options.agents);
  }

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

  /** Opens a connection to a conversation for its visitor or for an agent. Returns the connection id. */
  connect(userId: string, conversationId: string, listener: Listener): string {
    const conversation = this.requireConversation(conversationId);
    const role = this.roleIn(conversation, userId);
    return this.hub.open(userId, role, conversationId, listener).id;
  }

  /** Closes a connection. */
  disconnect(connectionId: string): void {
    this.requireConnection(connectionId);
    this.hub.close(connectionId);
  }

  /** Stores a message written on this connection and returns it. */
  send(connectionId: string, text: string): Message {
    const connection = this.requireConnection(connectionId);
    checkText(text);
    return this.store.append({
      conversationId: connection.conversationId,
      authorId: connection.userId,
      role: connection.role,
      text,
      sentAt: this.clock(),
    });
  }

  /** Every message of a conversation, oldest first. */
  messages(conversationId: string): Message[] {
    this.requireConversation(conversationId);
    return this.store.messagesIn(conversationId);
  }

  private requireConversation(conversationId: string): Conversation {
    const conversation = this.store.conversation(conversationId);
    if (!conversation) throw new DeskError('NOT_FOUND', `conversation ${JSON.stringify(conversationId)} does not exist`);
    return conversation;
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
