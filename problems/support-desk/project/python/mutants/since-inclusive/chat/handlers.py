# Mutant: A reconnect's history repeats the message the client said it already has.
"""SupportDesk: the request handlers the chat widget, the agents' inbox (see clients/) and the tests call.

Everything is synchronous and in memory; events reach listeners before the call returns.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from chat.hub import Connection, ConnectionHub
from chat.models import Conversation, DeskError, Listener, Message, Role
from chat.reads import ReadPositions
from chat.store import MessageStore
from chat.typing_state import TypingTracker
from chat.unread import UnreadCounter

TYPING_TIMEOUT_MS = 3_000
"""A user counts as typing for this long after their last keystroke."""
EDIT_WINDOW_MS = 15 * 60 * 1_000
"""A message can be edited for this long after it was sent (15 minutes)."""


class SupportDesk:
    def __init__(self, *, clock: Callable[[], int], agents: Iterable[str]) -> None:
        """`clock` returns the current time in milliseconds (the desk never reads the real time);
        `agents` are the support agents' user ids. Everyone else is a visitor."""
        self._clock = clock
        self._agents = frozenset(agents)
        self._store = MessageStore()
        self._hub = ConnectionHub()
        self._typing = TypingTracker(TYPING_TIMEOUT_MS)
        self._reads = ReadPositions()
        self._unread = UnreadCounter()

    # ---------- Requirement 1 ----------

    def open_conversation(self, visitor_id: str) -> Conversation:
        """A visitor starts a new conversation with the support team."""
        if not isinstance(visitor_id, str) or visitor_id == '' or visitor_id in self._agents:
            raise DeskError('INVALID_ARGUMENT',
                            f"visitor_id must be a non-empty string that is not an agent's id, got {visitor_id!r}")
        return self._store.open_conversation(visitor_id, self._clock())

    def connect(self, user_id: str, conversation_id: str, listener: Listener, since: int | None = None) -> str:
        """Opens a connection to a conversation for its visitor or for an agent, and sends it the history
        (only the messages after `since` when reconnecting). Returns the connection id."""
        conversation = self._require_conversation(conversation_id)
        role = self._role_in(conversation, user_id)
        after = _check_since(since)
        was_online = self._hub.is_connected(user_id, conversation_id)
        connection = self._hub.open(user_id, role, conversation_id, listener)
        self._unread.reset(user_id, conversation_id)

        messages = [m for m in self._store.messages_in(conversation_id) if m.id >= after]
        self._hub.push(connection, {'type': 'history', 'conversation_id': conversation_id, 'messages': messages})
        if not was_online:
            self._hub.broadcast(conversation_id, {'type': 'presence', 'conversation_id': conversation_id,
                                                  'user_id': user_id, 'status': 'online', 'at': self._clock()},
                                connection.id)
        return connection.id

    def disconnect(self, connection_id: str) -> None:
        """Closes a connection."""
        connection = self._require_connection(connection_id)
        self._hub.close(connection_id)
        user_id, conversation_id = connection.user_id, connection.conversation_id
        if not self._hub.is_connected(user_id, conversation_id):
            self._hub.broadcast(conversation_id, {'type': 'presence', 'conversation_id': conversation_id,
                                                  'user_id': user_id, 'status': 'offline', 'at': self._clock()})

    def send(self, connection_id: str, text: str) -> Message:
        """Stores a message written on this connection, delivers it to the other connections, and returns it."""
        connection = self._require_connection(connection_id)
        _check_text(text)
        user_id, conversation_id = connection.user_id, connection.conversation_id
        message = self._store.append(conversation_id, user_id, connection.role, text, self._clock())
        self._typing.clear(user_id, conversation_id)
        for member in self._members_of(conversation_id):
            if member != user_id and not self._hub.is_connected(member, conversation_id):
                self._unread.add(member, conversation_id)
        self._hub.broadcast(conversation_id, {'type': 'message', 'message': message}, connection.id)
        if connection.role == 'agent' and self._store.assignee(conversation_id) is None:
            self._set_assignee(conversation_id, user_id, connection)
        return message

    def messages(self, conversation_id: str) -> list[Message]:
        """Every message of a conversation, oldest first."""
        self._require_conversation(conversation_id)
        return self._store.messages_in(conversation_id)

    # ---------- Typing indicator ----------

    def typing(self, connection_id: str) -> None:
        """A keystroke on this connection: the other connections are told, and the user counts as typing."""
        connection = self._require_connection(connection_id)
        user_id, conversation_id = connection.user_id, connection.conversation_id
        self._typing.keystroke(user_id, conversation_id, self._clock())
        self._hub.broadcast(conversation_id, {'type': 'typing', 'conversation_id': conversation_id,
                                              'user_id': user_id}, connection.id)

    def typing_users(self, conversation_id: str) -> list[str]:
        self._require_conversation(conversation_id)
        return self._typing.typing_in(conversation_id, self._clock())

    # ---------- Presence ----------

    def online_users(self, conversation_id: str) -> list[str]:
        self._require_conversation(conversation_id)
        return sorted({c.user_id for c in self._hub.in_conversation(conversation_id)})

    # ---------- Read receipts ----------

    def mark_read(self, connection_id: str, message_id: int) -> None:
        """The connection's user has read the conversation up to and including `message_id`."""
        connection = self._require_connection(connection_id)
        user_id, conversation_id = connection.user_id, connection.conversation_id
        self._require_message(conversation_id, message_id)
        if self._reads.advance(user_id, conversation_id, message_id):
            self._hub.broadcast(conversation_id, {'type': 'read', 'conversation_id': conversation_id,
                                                  'user_id': user_id, 'message_id': message_id,
                                                  'at': self._clock()}, connection.id)

    def read_by(self, conversation_id: str, message_id: int) -> list[str]:
        """Who, other than its author, has read the message: sorted user ids."""
        self._require_conversation(conversation_id)
        message = self._require_message(conversation_id, message_id)
        return sorted(u for u in self._reads.readers_of(conversation_id, message_id) if u != message.author_id)

    # ---------- Unread counts ----------

    def unread_counts(self, user_id: str) -> dict[str, int]:
        """For every conversation the user may join: how many messages arrived while they had no connection
        to it."""
        return {c.id: self._unread.count(user_id, c.id) for c in self._store.conversations()
                if user_id in self._agents or c.visitor_id == user_id}

    # ---------- Message editing ----------

    def edit(self, connection_id: str, message_id: int, text: str) -> Message:
        """The author changes the text of one of their messages, within EDIT_WINDOW_MS of sending it."""
        connection = self._require_connection(connection_id)
        original = self._require_message(connection.conversation_id, message_id)
        if original.author_id != connection.user_id:
            raise DeskError('FORBIDDEN', f'only {original.author_id!r} may edit message {message_id}')
        now = self._clock()
        if now >= original.sent_at + EDIT_WINDOW_MS:
            raise DeskError('EDIT_WINDOW_CLOSED',
                            f'message {message_id} can no longer be edited (sent at {original.sent_at} ms)')
        _check_text(text)
        edited = replace(original, text=text, edited_at=now)
        self._store.replace(edited)
        self._hub.broadcast(connection.conversation_id, {'type': 'edit', 'message': edited}, connection.id)
        return edited

    # ---------- Agent assignment ----------

    def assign(self, connection_id: str, agent_id: str) -> None:
        """An agent assigns the connection's conversation to an agent (themselves or another)."""
        connection = self._require_connection(connection_id)
        if connection.role != 'agent':
            raise DeskError('FORBIDDEN', f'{connection.user_id!r} is a visitor; only agents assign conversations')
        if agent_id not in self._agents:
            raise DeskError('NOT_FOUND', f'there is no agent {agent_id!r}')
        self._set_assignee(connection.conversation_id, agent_id, connection)

    def assignee(self, conversation_id: str) -> str | None:
        self._require_conversation(conversation_id)
        return self._store.assignee(conversation_id)

    def assigned_to(self, agent_id: str) -> list[str]:
        """The conversations assigned to the agent now, in the order they were opened."""
        return [c.id for c in self._store.conversations() if self._store.assignee(c.id) == agent_id]

    # ---------- helpers ----------

    def _set_assignee(self, conversation_id: str, agent_id: str, by: Connection) -> None:
        if self._store.assignee(conversation_id) == agent_id:
            return
        self._store.assign(conversation_id, agent_id)
        self._hub.broadcast(conversation_id, {'type': 'assigned', 'conversation_id': conversation_id,
                                              'agent_id': agent_id, 'by': by.user_id, 'at': self._clock()}, by.id)

    def _members_of(self, conversation_id: str) -> list[str]:
        """Who may join a conversation: its visitor and every agent."""
        return [self._require_conversation(conversation_id).visitor_id, *sorted(self._agents)]

    def _require_conversation(self, conversation_id: str) -> Conversation:
        conversation = self._store.conversation(conversation_id)
        if conversation is None:
            raise DeskError('NOT_FOUND', f'conversation {conversation_id!r} does not exist')
        return conversation

    def _require_message(self, conversation_id: str, message_id: int) -> Message:
        message = self._store.message(message_id)
        if message is None or message.conversation_id != conversation_id:
            raise DeskError('NOT_FOUND', f'message {message_id!r} is not in conversation {conversation_id}')
        return message

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


def _check_since(since: object) -> int:
    """`since` is None (the whole history) or the id of a message the client has: an int >= 0."""
    if since is None:
        return 0
    if not isinstance(since, int) or isinstance(since, bool) or since < 0:
        raise DeskError('INVALID_ARGUMENT', f'since must be a whole number >= 0, got {since!r}')
    return since
