import type { SupportDesk } from '../chat/handlers';
import type { ServerEvent } from '../chat/models';
import { formatEvent } from './transcript';

/**
 * A simulated support agent: opens conversations from the inbox, replies, and records every event
 * the desk pushes to it as text lines (the Clients panel prints `lines`).
 */
export class AgentClient {
  readonly agentId: string;
  readonly lines: string[] = [];
  private readonly desk: SupportDesk;
  /** conversation id → the id of this agent's connection to it */
  private readonly connections = new Map<string, string>();

  constructor(desk: SupportDesk, agentId: string) {
    this.desk = desk;
    this.agentId = agentId;
  }

  /** Opens a conversation from the inbox (connects to it). */
  open(conversationId: string): void {
    const connectionId = this.desk.connect(this.agentId, conversationId, (event) => this.record(conversationId, event));
    this.connections.set(conversationId, connectionId);
  }

  /** Closes a conversation's view (disconnects from it). */
  close(conversationId: string): void {
    this.desk.disconnect(this.connectionTo(conversationId));
    this.connections.delete(conversationId);
  }

  reply(conversationId: string, text: string): void {
    this.desk.send(this.connectionTo(conversationId), text);
  }

  private connectionTo(conversationId: string): string {
    const connectionId = this.connections.get(conversationId);
    if (connectionId === undefined) throw new Error(`${this.agentId} has not opened ${conversationId}`);
    return connectionId;
  }

  private record(conversationId: string, event: ServerEvent): void {
    for (const line of formatEvent(event)) this.lines.push(`[${conversationId}] ${line}`);
  }
}
