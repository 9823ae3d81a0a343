"""A simulated support agent: opens conversations from the inbox, replies, and records every event the desk
pushes to it as text lines (the Clients panel prints `lines`)."""

from __future__ import annotations

from chat.handlers import SupportDesk
from chat.models import ServerEvent
from clients import format_event


class AgentClient:
    def __init__(self, desk: SupportDesk, agent_id: str) -> None:
        self.agent_id = agent_id
        self.lines: list[str] = []
        self._desk = desk
        self._connections: dict[str, str] = {}  # conversation id -> this agent's connection id

    def open(self, conversation_id: str) -> None:
        """Opens a conversation from the inbox (connects to it)."""
        self._connections[conversation_id] = self._desk.connect(
            self.agent_id, conversation_id, lambda event: self._record(conversation_id, event))

    def close(self, conversation_id: str) -> None:
        """Closes a conversation's view (disconnects from it)."""
        self._desk.disconnect(self._connection_to(conversation_id))
        del self._connections[conversation_id]

    def reply(self, conversation_id: str, text: str) -> None:
        self._desk.send(self._connection_to(conversation_id), text)

    def _connection_to(self, conversation_id: str) -> str:
        if conversation_id not in self._connections:
            raise RuntimeError(f'{self.agent_id} has not opened {conversation_id}')
        return self._connections[conversation_id]

    def _record(self, conversation_id: str, event: ServerEvent) -> None:
        self.lines.extend(f'[{conversation_id}] {line}' for line in format_event(event))
