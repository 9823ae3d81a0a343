"""Per user and conversation, how many messages arrived while the user had no connection to it.

Opening a connection shows the whole history, so it resets the count."""

from __future__ import annotations


class UnreadCounter:
    def __init__(self) -> None:
        self._counts: dict[str, dict[str, int]] = {}  # user id -> conversation id -> count

    def add(self, user_id: str, conversation_id: str) -> None:
        counts = self._counts.setdefault(user_id, {})
        counts[conversation_id] = counts.get(conversation_id, 0) + 1

    def reset(self, user_id: str, conversation_id: str) -> None:
        self._counts.setdefault(user_id, {})[conversation_id] = 0

    def count(self, user_id: str, conversation_id: str) -> int:
        return self._counts.get(user_id, {}).get(conversation_id, 0)
