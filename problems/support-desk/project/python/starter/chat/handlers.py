"""SupportDesk: the request handlers the chat widget, the agents' inbox (see clients/) and the tests call.

Everything is synchronous and in memory; events reach listeners before the call returns.
"""

from __future__ import annotations

from typing import Callable, Iterable

from chat.hub import Connection, ConnectionHub
from chat.models import Conversation, DeskError, Listener, Message, Role
from chat.store import MessageStore


class SupportDesk:
    def __init__(self, *, clock: Callable[[], int], agents: Iterable[str]) -> None:
        """`clock` returns the current time in milliseconds (the desk never reads the real time);
        `agents` are the support agents' user ids. Everyone else is a visitor."""
        self._clock = clock
        self._agents = frozenset(agents)
        self._store = MessageStore()
        self._hub = ConnectionHub()

    def open_conversation(self, visitor_id: str) -> Conversation:
        """A visitor starts a new conversation with the support team."""
        if not isinstance(visitor_id, str) or visitor_id == '' or visitor_id in self._agents:
            raise DeskError('INVALID_ARGUMENT',
                            f"visitor_id must be a non-empty string that is not an agent's id, got {visitor_id!r}")
        return self._store.open_conversation(visitor_id, self._clock())

    def connect(self, user_id: str, conversation_id: str, listener: Listener) -> str:
        """Opens a connection to a conversation for its visitor or for an agent. Returns the connection id."""
        conversation = self._require_conversation(conversation_id)
        role = self._role_in(conversation, user_id)
        return self._hub.open(user_id, role, conversation_id, listener).id

    def disconnect(self, connection_id: str) -> None:
        """Closes a connection."""
        self._require_connection(connection_id)
        self._hub.close(connection_id)

    def send(self, connection_id: str, text: str) -> Message:
        """Stores a message written on this connection and returns it."""
        connection = self._require_connection(connection_id)
        _check_text(text)
        return self._store.append(connection.conversation_id, connection.user_id, connection.role, text,
                                  self._clock())

    def messages(self, conversation_id: str) -> list[Message]:
        """Every message of a conversation, oldest first."""
        self._require_conversation(conversation_id)
        return self._store.messages_in(conversation_id)

    def _require_conversation(self, conversation_id: str) -> Conversation:
        conversation = self._store.conversation(conversation_id)
        if conversation is None:
            raise DeskError('NOT_FOUND', f'conversation {conversation_id!r} does not exist')
        return conversation

    def _require_connection(self, connection_id: str) -> Connection:
        connection = self._hub.get(connection_id)
        if connection is None:
            raise DeskError('UNKNOWN_CONNECTION', f'connection {connection_id!r} is not open')
        return connection

    def _role_in(self, conversation: Conversation, user_id: str) -> Role:
        """An agent may join any conversation; a visitor only the ones they opened."""
        if user_id in self._agents:
            return 'agent'
        if user_id == conversation.visitor_id:
            return 'visitor'
        raise DeskError('FORBIDDEN', f'user {user_id!r} may not join conversation {conversation.id}')


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise DeskError('INVALID_ARGUMENT', 'text must be a string')
    if text.strip() == '':
        raise DeskError('EMPTY_MESSAGE', 'the text is empty or only whitespace')
