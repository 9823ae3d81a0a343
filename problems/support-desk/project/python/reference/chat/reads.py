"""How far each user has read each conversation: the id of the last message they marked as read."""

from __future__ import annotations


class ReadPositions:
    def __init__(self) -> None:
        self._positions: dict[str, dict[str, int]] = {}  # conversation id -> user id -> read position

    def advance(self, user_id: str, conversation_id: str, message_id: int) -> bool:
        """Moves the user's position forward to `message_id`. Returns False (and changes nothing) if it is not
        ahead."""
        users = self._positions.setdefault(conversation_id, {})
        if message_id <= users.get(user_id, 0):
            return False
        users[user_id] = message_id
        return True

    def readers_of(self, conversation_id: str, message_id: int) -> list[str]:
        """The users whose position in the conversation is at or past `message_id`."""
        users = self._positions.get(conversation_id, {})
        return [user_id for user_id, position in users.items() if position >= message_id]
