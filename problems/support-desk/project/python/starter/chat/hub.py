"""ConnectionHub: who is connected, and pushing events to them."""

from __future__ import annotations

from dataclasses import dataclass

from chat.models import Listener, Role, ServerEvent


@dataclass(frozen=True)
class Connection:
    """One open connection: a browser tab of a visitor, or an agent's view of one conversation."""

    id: str
    """'k1', 'k2', ... in the order connections are opened."""
    user_id: str
    role: Role
    conversation_id: str
    listener: Listener


class ConnectionHub:
    def __init__(self) -> None:
        # Open connections; a dict keeps insertion order, which is the order they were opened.
        self._connections: dict[str, Connection] = {}
        self._next_number = 1

    def open(self, user_id: str, role: Role, conversation_id: str, listener: Listener) -> Connection:
        connection = Connection(f'k{self._next_number}', user_id, role, conversation_id, listener)
        self._next_number += 1
        self._connections[connection.id] = connection
        return connection

    def close(self, connection_id: str) -> bool:
        """Closes a connection. Returns False if it was not open."""
        return self._connections.pop(connection_id, None) is not None

    def get(self, connection_id: str) -> Connection | None:
        return self._connections.get(connection_id)

    def in_conversation(self, conversation_id: str) -> list[Connection]:
        """The open connections to a conversation, in the order they were opened (a new list)."""
        return [c for c in self._connections.values() if c.conversation_id == conversation_id]

    def push(self, connection: Connection, event: ServerEvent) -> None:
        """Pushes an event to one connection."""
        connection.listener(event)

    def broadcast(self, conversation_id: str, event: ServerEvent) -> None:
        """Pushes an event to every open connection of a conversation, in the order they were opened."""
        for connection in self.in_conversation(conversation_id):
            self.push(connection, event)
