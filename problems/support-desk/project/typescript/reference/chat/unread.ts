/**
 * Per user and conversation, how many messages arrived while the user had no connection to it.
 * Opening a connection shows the whole history, so it resets the count.
 */
export class UnreadCounter {
  /** user id → conversation id → count */
  private readonly counts = new Map<string, Map<string, number>>();

  add(userId: string, conversationId: string): void {
    const forUser = this.forUser(userId);
    forUser.set(conversationId, (forUser.get(conversationId) ?? 0) + 1);
  }

  reset(userId: string, conversationId: string): void {
    this.forUser(userId).set(conversationId, 0);
  }

  count(userId: string, conversationId: string): number {
    return this.counts.get(userId)?.get(conversationId) ?? 0;
  }

  private forUser(userId: string): Map<string, number> {
    let forUser = this.counts.get(userId);
    if (!forUser) {
      forUser = new Map();
      this.counts.set(userId, forUser);
    }
    return forUser;
  }
}
