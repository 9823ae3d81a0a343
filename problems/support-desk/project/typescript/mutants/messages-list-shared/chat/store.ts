// Mutant: messagesIn hands out the store's own array, so arrays handed out before change with later sends and edits.
import type { Conversation, Message } from './models';

/** The fields of a new message, before the store gives it an id. */
export type MessageDraft = Omit<Message, 'id'>;

/** Keeps every conversation and message in memory, and who each conversation is assigned to. */
export class MessageStore {
  private readonly conversationsById = new Map<string, Conversation>();
  private readonly messagesByConversation = new Map<string, Message[]>();
  private readonly messagesById = new Map<number, Message>();
  /** conversation id → the agent it is assigned to (absent while unassigned) */
  private readonly assignees = new Map<string, string>();
  private nextConversationNumber = 1;
  private nextMessageId = 1;

  openConversation(visitorId: string, startedAt: number): Conversation {
    const conversation: Conversation = { id: `c${this.nextConversationNumber++}`, visitorId, startedAt };
    this.conversationsById.set(conversation.id, conversation);
    this.messagesByConversation.set(conversation.id, []);
    return conversation;
  }

  conversation(id: string): Conversation | undefined {
    return this.conversationsById.get(id);
  }

  /** Every conversation, in the order they were opened. */
  conversations(): Conversation[] {
    return [...this.conversationsById.values()];
  }

  /** Stores a message in its conversation (which must exist) and returns it with its id. */
  append(draft: MessageDraft): Message {
    const list = this.messagesByConversation.get(draft.conversationId);
    if (!list) throw new Error(`no conversation ${draft.conversationId}`);
    const message: Message = { id: this.nextMessageId++, ...draft };
    list.push(message);
    this.messagesById.set(message.id, message);
    return message;
  }

  message(id: number): Message | undefined {
    return this.messagesById.get(id);
  }

  /** Stores a new version of a message, in its place. The old object is left as it was. */
  replace(message: Message): void {
    const list = this.messagesByConversation.get(message.conversationId);
    const index = list ? list.findIndex((m) => m.id === message.id) : -1;
    if (!list || index < 0) throw new Error(`no message ${message.id} in ${message.conversationId}`);
    list[index] = message;
    this.messagesById.set(message.id, message);
  }

  /** The conversation's messages, oldest first (a new array). */
  messagesIn(conversationId: string): Message[] {
    return this.messagesByConversation.get(conversationId) ?? [];
  }

  assignee(conversationId: string): string | null {
    return this.assignees.get(conversationId) ?? null;
  }

  assign(conversationId: string, agentId: string): void {
    this.assignees.set(conversationId, agentId);
  }
}
