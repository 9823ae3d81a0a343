// Mutant: A message clears the typing of everyone in the conversation, not just the sender's.
/** Who typed last, and when, per conversation. Nothing is pushed when typing stops: clients let it expire. */
export class TypingTracker {
  private readonly timeoutMs: number;
  /** conversation id → user id → clock() of the user's last keystroke there */
  private readonly lastKeystroke = new Map<string, Map<string, number>>();

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
  }

  keystroke(userId: string, conversationId: string, at: number): void {
    let users = this.lastKeystroke.get(conversationId);
    if (!users) {
      users = new Map();
      this.lastKeystroke.set(conversationId, users);
    }
    users.set(userId, at);
  }

  /** The user sent a message: they are not typing any more. */
  clear(userId: string, conversationId: string): void {
    this.lastKeystroke.get(conversationId)?.clear();
  }

  /** The users whose last keystroke in the conversation is less than the timeout before `now`, sorted. */
  typingIn(conversationId: string, now: number): string[] {
    const users = this.lastKeystroke.get(conversationId);
    if (!users) return [];
    return [...users].filter(([, at]) => now < at + this.timeoutMs).map(([userId]) => userId).sort();
  }
}
