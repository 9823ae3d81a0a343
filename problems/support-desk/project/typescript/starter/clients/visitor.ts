import type { SupportDesk } from '../chat/handlers';
import type { ServerEvent } from '../chat/models';
import { formatEvent } from './transcript';

/**
 * A simulated website visitor: opens the chat widget, writes, and records every event the desk
 * pushes to it as text lines (the Clients panel prints `lines`).
 */
export class VisitorClient {
  readonly visitorId: string;
  readonly lines: string[] = [];
  private readonly desk: SupportDesk;
  private conversationId: string | null = null;
  private connectionId: string | null = null;

  constructor(desk: SupportDesk, visitorId: string) {
    this.desk = desk;
    this.visitorId = visitorId;
  }

  /** Opens a new conversation and connects to it. Returns the conversation id. */
  startChat(): string {
    const conversation = this.desk.openConversation(this.visitorId);
    this.conversationId = conversation.id;
    this.reconnect();
    return conversation.id;
  }

  /** Connects again to the conversation (a page reload). */
  reconnect(): void {
    const conversationId = this.requireConversation();
    this.connectionId = this.desk.connect(this.visitorId, conversationId, (event) => this.record(conversationId, event));
  }

  /** Closes the connection (the tab is closed). */
  leave(): void {
    if (this.connectionId !== null) this.desk.disconnect(this.connectionId);
    this.connectionId = null;
  }

  say(text: string): void {
    if (this.connectionId === null) throw new Error(`${this.visitorId} is not connected`);
    this.desk.send(this.connectionId, text);
  }

  private requireConversation(): string {
    if (this.conversationId === null) throw new Error(`${this.visitorId} has not started a chat`);
    return this.conversationId;
  }

  private record(conversationId: string, event: ServerEvent): void {
    for (const line of formatEvent(event)) this.lines.push(`[${conversationId}] ${line}`);
  }
}
