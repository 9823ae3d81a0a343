import type { Conversation, Message } from './models';

/** The fields of a new message, before the store gives it an id. */
export type MessageDraft = Omit<Message, 'id'>;

/** Keeps every conversation and message in memory. */
export class MessageStore {
  private readonly conversationsById = new Map<string, Conversation>();
  private readonly messagesByConversation = new Map<string, Message[]>();
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
    return message;
  }

  /** The conversation's messages, oldest first (a new array). */
  messagesIn(conversationId: string): Message[] {
    return [...(this.messagesByConversation.get(conversationId) ?? [])];
  }
}
