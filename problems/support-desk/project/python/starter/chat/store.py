"""MessageStore: every conversation and message, in memory."""

from __future__ import annotations

from chat.models import Conversation, Message, Role


class MessageStore:
    def __init__(self) -> None:
        self._conversations: dict[str, Conversation] = {}
        self._messages: dict[str, list[Message]] = {}  # conversation id -> its messages, oldest first
        self._next_conversation_number = 1
        self._next_message_id = 1

    def open_conversation(self, visitor_id: str, started_at: int) -> Conversation:
        conversation = Conversation(f'c{self._next_conversation_number}', visitor_id, started_at)
        self._next_conversation_number += 1
        self._conversations[conversation.id] = conversation
        self._messages[conversation.id] = []
        return conversation

    def conversation(self, conversation_id: str) -> Conversation | None:
        return self._conversations.get(conversation_id)

    def conversations(self) -> list[Conversation]:
        """Every conversation, in the order they were opened."""
        return list(self._conversations.values())

    def append(self, conversation_id: str, author_id: str, role: Role, text: str, sent_at: int) -> Message:
        """Stores a message in its conversation (which must exist) and returns it with its id."""
        message = Message(self._next_message_id, conversation_id, author_id, role, text, sent_at)
        self._next_message_id += 1
        self._messages[conversation_id].append(message)
        return message

    def messages_in(self, conversation_id: str) -> list[Message]:
        """The conversation's messages, oldest first (a new list)."""
        return list(self._messages.get(conversation_id, []))
