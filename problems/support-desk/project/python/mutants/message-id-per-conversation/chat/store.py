# Mutant: Message ids are counted per conversation instead of across the desk.
"""MessageStore: every conversation and message, in memory, and who each conversation is assigned to."""

from __future__ import annotations

from chat.models import Conversation, Message, Role


class MessageStore:
    def __init__(self) -> None:
        self._conversations: dict[str, Conversation] = {}
        self._messages: dict[str, list[Message]] = {}  # conversation id -> its messages, oldest first
        self._by_id: dict[int, Message] = {}
        self._assignees: dict[str, str] = {}  # conversation id -> agent id (absent while unassigned)
        self._next_conversation_number = 1

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
        message = Message(len(self._messages[conversation_id]) + 1, conversation_id, author_id, role, text, sent_at)
        self._messages[conversation_id].append(message)
        self._by_id[message.id] = message
        return message

    def message(self, message_id: int) -> Message | None:
        return self._by_id.get(message_id)

    def replace(self, message: Message) -> None:
        """Stores a new version of a message, in its place. The old object is left as it was."""
        messages = self._messages[message.conversation_id]
        index = next(i for i, m in enumerate(messages) if m.id == message.id)
        messages[index] = message
        self._by_id[message.id] = message

    def messages_in(self, conversation_id: str) -> list[Message]:
        """The conversation's messages, oldest first (a new list)."""
        return list(self._messages.get(conversation_id, []))

    def assignee(self, conversation_id: str) -> str | None:
        return self._assignees.get(conversation_id)

    def assign(self, conversation_id: str, agent_id: str) -> None:
        self._assignees[conversation_id] = agent_id
