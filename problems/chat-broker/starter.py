from __future__ import annotations

from typing import Callable, Literal, TypedDict


class ChatMessage(TypedDict):
    """A chat message as stored by the broker and delivered to listeners (a plain dict)."""

    id: int
    """Broker-wide sequence number: 1 for the first accepted message, then 2, 3, ..."""
    room: str
    sender: str
    text: str
    sent_at: int
    """clock() at the moment the message was accepted, in milliseconds."""


class MessageEvent(TypedDict):
    """{'type': 'message', 'message': ...}: a message from another client of the room."""

    type: Literal['message']
    message: ChatMessage


class HistoryEvent(TypedDict):
    """{'type': 'history', 'room': ..., 'messages': [...]}: the room's recent messages (Stage 2)."""

    type: Literal['history']
    room: str
    messages: list[ChatMessage]


class PresenceEvent(TypedDict):
    """{'type': 'presence', 'room', 'client_id', 'status', 'at'}: someone came or went (Stage 2)."""

    type: Literal['presence']
    room: str
    client_id: str
    status: Literal['online', 'offline']
    at: int


ChatEvent = MessageEvent | HistoryEvent | PresenceEvent
Listener = Callable[[ChatEvent], None]


class Presence(TypedDict):
    """What presence(room) returns: {'online': [...], 'offline': [...]}, both sorted."""

    online: list[str]
    offline: list[str]


class ChatError(Exception):
    """Every error the broker raises. `code` is one of INVALID_ARGUMENT, ALREADY_CONNECTED,
    UNKNOWN_CLIENT, EMPTY_MESSAGE, MESSAGE_TOO_LONG; str(error) says what went wrong."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ChatBroker:
    def __init__(
        self,
        *,
        clock: Callable[[], float],
        max_message_length: int = 1000,
        typing_timeout_ms: int = 3000,
        history_size: int = 50,
    ) -> None:
        """clock() returns the current time in milliseconds (the broker never reads the real time).
        max_message_length: longest accepted text, len(text). typing_timeout_ms and history_size
        belong to Stage 2."""
        # TODO
        pass

    # ---------- Stage 1 ----------

    def connect(self, client_id: str, room: str, listener: Listener) -> None:
        """Connects a client to a room; its listener receives events pushed by the broker."""
        raise NotImplementedError

    def disconnect(self, client_id: str) -> None:
        """Removes a connected client."""
        raise NotImplementedError

    def send(self, client_id: str, text: str) -> ChatMessage:
        """Posts a message to the sender's room, delivers it to the others there, and returns it."""
        raise NotImplementedError

    # ---------- Stage 2 ----------

    def typing(self, client_id: str) -> None:
        """Records a keystroke by this client at clock()."""
        raise NotImplementedError

    def is_typing(self, client_id: str) -> bool:
        """Whether this client typed within the last typing_timeout_ms."""
        raise NotImplementedError

    def typing_users(self, room: str) -> list[str]:
        """Ids of the clients in this room that are typing now, sorted."""
        raise NotImplementedError

    def history(self, room: str) -> list[ChatMessage]:
        """The room's last history_size messages, oldest first (a copy)."""
        raise NotImplementedError

    def presence(self, room: str) -> Presence:
        """Who is in the room now, and who has been but is not any more (both sorted)."""
        raise NotImplementedError
