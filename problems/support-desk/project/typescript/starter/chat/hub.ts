import type { Listener, Role, ServerEvent } from './models';

/** One open connection: a browser tab of a visitor, or an agent's view of one conversation. */
export interface Connection {
  /** 'k1', 'k2', … in the order connections are opened. */
  readonly id: string;
  readonly userId: string;
  readonly role: Role;
  readonly conversationId: string;
  readonly listener: Listener;
}

/** Knows who is connected and pushes events to them. */
export class ConnectionHub {
  /** Open connections; a Map iterates in insertion order, which is the order they were opened. */
  private readonly connections = new Map<string, Connection>();
  private nextNumber = 1;

  open(userId: string, role: Role, conversationId: string, listener: Listener): Connection {
    const connection: Connection = { id: `k${this.nextNumber++}`, userId, role, conversationId, listener };
    this.connections.set(connection.id, connection);
    return connection;
  }

  /** Closes a connection. Returns false if it was not open. */
  close(connectionId: string): boolean {
    return this.connections.delete(connectionId);
  }

  get(connectionId: string): Connection | undefined {
    return this.connections.get(connectionId);
  }

  /** The open connections to a conversation, in the order they were opened (a new array). */
  inConversation(conversationId: string): Connection[] {
    return [...this.connections.values()].filter((c) => c.conversationId === conversationId);
  }

  /** Pushes an event to one connection. */
  push(connection: Connection, event: ServerEvent): void {
    connection.listener(event);
  }

  /** Pushes an event to every open connection of a conversation, in the order they were opened. */
  broadcast(conversationId: string, event: ServerEvent): void {
    for (const connection of this.inConversation(conversationId)) this.push(connection, event);
  }
}
