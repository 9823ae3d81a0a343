"""A simulated website visitor: opens the chat widget, writes, and records every event the desk pushes to
it as text lines (the Clients panel prints `lines`)."""

from __future__ import annotations

from chat.handlers import SupportDesk
from chat.models import ServerEvent
from clients import format_event


class VisitorClient:
    def __init__(self, desk: SupportDesk, visitor_id: str) -> None:
        self.visitor_id = visitor_id
        self.lines: list[str] = []
        self._desk = desk
        self._conversation_id: str | None = None
        self._connection_id: str | None = None

    def start_chat(self) -> str:
        """Opens a new conversation and connects to it. Returns the conversation id."""
        conversation = self._desk.open_conversation(self.visitor_id)
        self._conversation_id = conversation.id
        self.reconnect()
        return conversation.id

    def reconnect(self) -> None:
        """Connects again to the conversation (a page reload)."""
        conversation_id = self._require_conversation()
        self._connection_id = self._desk.connect(
            self.visitor_id, conversation_id, lambda event: self._record(conversation_id, event))

    def leave(self) -> None:
        """Closes the connection (the tab is closed)."""
        if self._connection_id is not None:
            self._desk.disconnect(self._connection_id)
        self._connection_id = None

    def say(self, text: str) -> None:
        if self._connection_id is None:
            raise RuntimeError(f'{self.visitor_id} is not connected')
        self._desk.send(self._connection_id, text)

    def _require_conversation(self) -> str:
        if self._conversation_id is None:
            raise RuntimeError(f'{self.visitor_id} has not started a chat')
        return self._conversation_id

    def _record(self, conversation_id: str, event: ServerEvent) -> None:
        self.lines.extend(f'[{conversation_id}] {line}' for line in format_event(event))
