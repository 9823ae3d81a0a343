# Mutant: presence() never reports anyone as offline.
from __future__ import annotations

import math
from typing import Callable, Literal, TypedDict


class ChatMessage(TypedDict):
    """A chat message as stored by the broker and delivered to listeners."""

    id: int
    """Broker-wide sequence number: 1 for the first accepted message, then 2, 3, ..."""
    room: str
    sender: str
    text: str
    sent_at: int
    """clock() at the moment the message was accepted, in milliseconds."""


class MessageEvent(TypedDict):
    type: Literal['message']
    message: ChatMessage


class HistoryEvent(TypedDict):
    type: Literal['history']
    room: str
    messages: list[ChatMessage]


class PresenceEvent(TypedDict):
    type: Literal['presence']
    room: str
    client_id: str
    status: Literal['online', 'offline']
    at: int


ChatEvent = MessageEvent | HistoryEvent | PresenceEvent
Listener = Callable[[ChatEvent], None]


class Presence(TypedDict):
    online: list[str]
    offline: list[str]


class ChatError(Exception):
    """Every error the broker raises. `code` is one of INVALID_ARGUMENT, ALREADY_CONNECTED,
    UNKNOWN_CLIENT, EMPTY_MESSAGE, MESSAGE_TOO_LONG."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class _Client:
    def __init__(self, client_id: str, room: str, listener: Listener) -> None:
        self.id = client_id
        self.room = room
        self.listener = listener
        # clock() of the last keystroke, or None when not typing.
        self.last_keystroke: float | None = None


class _Room:
    def __init__(self) -> None:
        # Connected client ids, in join order.
        self.members: list[str] = []
        # Ids that have been connected to this room at some point.
        self.seen: set[str] = set()
        self.history: list[ChatMessage] = []


def _copy(message: ChatMessage) -> ChatMessage:
    return ChatMessage(**message)


def _is_non_empty_str(value: object) -> bool:
    return isinstance(value, str) and len(value) > 0


def _integer_option(value: object, name: str, minimum: int) -> int:
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not is_number or not math.isfinite(value) or value != int(value) or value < minimum:
        raise ChatError('INVALID_ARGUMENT', f'{name} must be an integer >= {minimum}, got {value!r}')
    return int(value)


def _safe_call(listener: Listener, event: ChatEvent) -> None:
    """A listener that raises must not stop delivery to the other clients."""
    try:
        listener(event)
    except Exception:
        # The broker ignores a failing listener; one broken client cannot block the room.
        pass


class ChatBroker:
    def __init__(
        self,
        *,
        clock: Callable[[], float],
        max_message_length: int = 1000,
        typing_timeout_ms: int = 3000,
        history_size: int = 50,
    ) -> None:
        if not callable(clock):
            raise ChatError('INVALID_ARGUMENT', 'clock must be a function returning milliseconds')
        self._clock = clock
        self._max_message_length = _integer_option(max_message_length, 'max_message_length', 1)
        self._typing_timeout_ms = _integer_option(typing_timeout_ms, 'typing_timeout_ms', 1)
        self._history_size = _integer_option(history_size, 'history_size', 0)
        self._clients: dict[str, _Client] = {}
        self._rooms: dict[str, _Room] = {}
        self._next_id = 1

    # ---------- Stage 1 ----------

    def connect(self, client_id: str, room: str, listener: Listener) -> None:
        if not _is_non_empty_str(client_id):
            raise ChatError('INVALID_ARGUMENT', 'client_id must be a non-empty string')
        if not _is_non_empty_str(room):
            raise ChatError('INVALID_ARGUMENT', 'room must be a non-empty string')
        if not callable(listener):
            raise ChatError('INVALID_ARGUMENT', 'listener must be a function')
        if client_id in self._clients:
            raise ChatError('ALREADY_CONNECTED', f'client {client_id!r} is already connected')
        r = self._room_for(room)
        self._clients[client_id] = _Client(client_id, room, listener)

        # The joiner hears the room's recent past first, then everyone else hears about the joiner.
        _safe_call(listener, {'type': 'history', 'room': room, 'messages': [_copy(m) for m in r.history]})
        at = self._clock()
        for other_id in list(r.members):
            self._deliver(other_id, {'type': 'presence', 'room': room, 'client_id': client_id,
                                     'status': 'online', 'at': at})
        r.members.append(client_id)
        r.seen.add(client_id)

    def disconnect(self, client_id: str) -> None:
        client = self._require_client(client_id)
        del self._clients[client_id]
        r = self._rooms[client.room]
        r.members.remove(client_id)
        at = self._clock()
        for other_id in list(r.members):
            self._deliver(other_id, {'type': 'presence', 'room': client.room, 'client_id': client_id,
                                     'status': 'offline', 'at': at})

    def send(self, client_id: str, text: str) -> ChatMessage:
        client = self._require_client(client_id)
        if not isinstance(text, str):
            raise ChatError('INVALID_ARGUMENT', 'text must be a string')
        if text.strip() == '':
            raise ChatError('EMPTY_MESSAGE', 'a message needs some text: it is empty or whitespace only')
        if len(text) > self._max_message_length:
            raise ChatError('MESSAGE_TOO_LONG',
                            f'message is {len(text)} characters; the limit is {self._max_message_length}')
        message: ChatMessage = {
            'id': self._next_id,
            'room': client.room,
            'sender': client_id,
            'text': text,
            'sent_at': self._clock(),
        }
        self._next_id += 1
        client.last_keystroke = None

        r = self._rooms[client.room]
        if self._history_size > 0:
            r.history.append(message)
            del r.history[:-self._history_size]
        for other_id in list(r.members):
            if other_id != client_id:
                self._deliver(other_id, {'type': 'message', 'message': _copy(message)})
        return _copy(message)

    # ---------- Stage 2 ----------

    def typing(self, client_id: str) -> None:
        client = self._require_client(client_id)
        client.last_keystroke = self._clock()

    def is_typing(self, client_id: str) -> bool:
        client = self._clients.get(client_id)
        if client is None or client.last_keystroke is None:
            return False
        return self._clock() < client.last_keystroke + self._typing_timeout_ms

    def typing_users(self, room: str) -> list[str]:
        r = self._rooms.get(room)
        if r is None:
            return []
        return sorted(client_id for client_id in r.members if self.is_typing(client_id))

    def history(self, room: str) -> list[ChatMessage]:
        r = self._rooms.get(room)
        return [_copy(m) for m in r.history] if r is not None else []

    def presence(self, room: str) -> Presence:
        r = self._rooms.get(room)
        if r is None:
            return {'online': [], 'offline': []}
        return {
            'online': sorted(r.members),
            'offline': [],
        }

    # ---------- helpers ----------

    def _room_for(self, name: str) -> _Room:
        r = self._rooms.get(name)
        if r is None:
            r = _Room()
            self._rooms[name] = r
        return r

    def _require_client(self, client_id: str) -> _Client:
        client = self._clients.get(client_id) if isinstance(client_id, str) else None
        if client is None:
            raise ChatError('UNKNOWN_CLIENT', f'client {client_id!r} is not connected')
        return client

    def _deliver(self, client_id: str, event: ChatEvent) -> None:
        client = self._clients.get(client_id)
        if client is not None:
            _safe_call(client.listener, event)
