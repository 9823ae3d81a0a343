// Mutant: Marking an earlier message as read moves the read position back (and announces it).
/** How far each user has read each conversation: the id of the last message they marked as read. */
export class ReadPositions {
  /** conversation id → user id → read position */
  private readonly positions = new Map<string, Map<string, number>>();

  /** Moves the user's position forward to `messageId`. Returns false (and changes nothing) if it is not ahead. */
  advance(userId: string, conversationId: string, messageId: number): boolean {
    let users = this.positions.get(conversationId);
    if (!users) {
      users = new Map();
      this.positions.set(conversationId, users);
    }
    if (messageId === users.get(userId)) return false;
    users.set(userId, messageId);
    return true;
  }

  /** The users whose position in the conversation is at or past `messageId`. */
  readersOf(conversationId: string, messageId: number): string[] {
    const users = this.positions.get(conversationId);
    if (!users) return [];
    return [...users].filter(([, position]) => position >= messageId).map(([userId]) => userId);
  }
}
