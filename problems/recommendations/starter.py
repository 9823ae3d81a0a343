"""Item-to-item recommendations from co-occurring interactions. The statement has the rules; replace each body."""
from __future__ import annotations

from typing import Callable, NamedTuple, Optional

Clock = Callable[[], float]  # current time in milliseconds


class Recommendation(NamedTuple):
    """One result: an item and its score."""

    item_id: str
    score: int


class UnknownItemError(Exception):
    """Raised when an item id is not in the catalog."""


class Recommender:
    """Scores items by the users who recently engaged with them together."""

    def __init__(self, *, window_ms: float, weights: Optional[dict[str, int]] = None,
                 clock: Optional[Clock] = None) -> None:
        """window_ms: how long an interaction counts; weights: {'view': 1, 'cart': 3, 'purchase': 5} by default;
        clock: returns the current time in milliseconds (defaults to the real time)."""
        # TODO: validate the options and keep what you need.
        pass

    def add_item(self, item_id: str, category: str) -> None:
        """Adds an item (in stock), or changes the category of a known one."""
        raise NotImplementedError

    def set_in_stock(self, item_id: str, in_stock: bool) -> None:
        """Marks a catalog item in or out of stock."""
        raise NotImplementedError

    def record(self, user_id: str, item_id: str, kind: str) -> None:
        """Records that the user viewed ('view'), carted ('cart') or purchased ('purchase') the item now."""
        raise NotImplementedError

    def similar_items(self, item_id: str, limit: int = 10,
                      category: Optional[str] = None) -> list[Recommendation]:
        """Other items engaged with by the same users, best first: "people who engaged with this also..."."""
        raise NotImplementedError

    def recommend_for(self, user_id: str, limit: int = 10,
                      category: Optional[str] = None) -> list[Recommendation]:
        """Items similar to the user's recent items, minus what they have or ever bought, best first."""
        raise NotImplementedError
