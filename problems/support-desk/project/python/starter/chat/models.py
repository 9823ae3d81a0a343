"""The shapes the desk works with, and its error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Literal

# Who wrote a message: the website visitor who opened the conversation, or a support agent.
Role = Literal['visitor', 'agent']


@dataclass(frozen=True)
class Conversation:
    """One support conversation: a visitor on the website and the support team."""

    id: str
    """'c1', 'c2', ... in the order conversations are opened."""
    visitor_id: str
    """The visitor who opened it."""
    started_at: int
    """clock() when it was opened, in milliseconds."""


@dataclass(frozen=True)
class Message:
    """A message as the store keeps it. Frozen: nothing changes a message after it is stored."""

    id: int
    """1 for the first message stored on the desk, then 2, 3, ... across all conversations."""
    conversation_id: str
    author_id: str
    """The user who wrote it."""
    role: Role
    text: str
    sent_at: int
    """clock() when it was stored, in milliseconds."""


# What the desk pushes to a connection's listener: a dict with a 'type' key.
#   {'type': 'history', 'conversation_id': str, 'messages': list[Message]}
#   {'type': 'message', 'message': Message}
ServerEvent = dict[str, Any]

# A connection's callback: think of it as the client's end of a WebSocket.
Listener = Callable[[ServerEvent], None]


class DeskError(Exception):
    """Every error the desk raises. `code` is one of INVALID_ARGUMENT, NOT_FOUND, FORBIDDEN,
    UNKNOWN_CONNECTION, EMPTY_MESSAGE; the message names the id or the argument at fault."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
