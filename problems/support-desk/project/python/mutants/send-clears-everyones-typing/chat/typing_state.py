# Mutant: A message clears the typing of everyone in the conversation, not just the sender's.
"""Who typed last, and when, per conversation. Nothing is pushed when typing stops: clients let it expire."""

from __future__ import annotations


class TypingTracker:
    def __init__(self, timeout_ms: int) -> None:
        self._timeout_ms = timeout_ms
        self._last_keystroke: dict[str, dict[str, int]] = {}  # conversation id -> user id -> clock()

    def keystroke(self, user_id: str, conversation_id: str, at: int) -> None:
        self._last_keystroke.setdefault(conversation_id, {})[user_id] = at

    def clear(self, user_id: str, conversation_id: str) -> None:
        """The user sent a message: they are not typing any more."""
        self._last_keystroke.get(conversation_id, {}).clear()

    def typing_in(self, conversation_id: str, now: int) -> list[str]:
        """The users whose last keystroke in the conversation is less than the timeout before `now`, sorted."""
        users = self._last_keystroke.get(conversation_id, {})
        return sorted(user_id for user_id, at in users.items() if now < at + self._timeout_ms)
