# Mutant: a user contributes the product of their two affinities instead of the smaller one
"""Item-to-item recommendations.

Per user and item the engine keeps only the latest time of each kind of interaction: the affinity is the
largest weight whose latest time is still inside the window, so older repeats never matter. Similarity is
computed at query time from an item -> users index, which keeps record() O(1) and makes the window exact
(a precomputed table would need to be decremented as interactions expire; see the follow-ups).
"""
from __future__ import annotations

import math
import time
from typing import Callable, NamedTuple, Optional

Clock = Callable[[], float]

KINDS = ('view', 'cart', 'purchase')
DEFAULT_WEIGHTS = {'view': 1, 'cart': 3, 'purchase': 5}
DEFAULT_LIMIT = 10
MAX_LIMIT = 100


class Recommendation(NamedTuple):
    """One result: an item and its score."""

    item_id: str
    score: int


class UnknownItemError(Exception):
    """Raised when an item id is not in the catalog."""


class _Item:
    def __init__(self, category: str) -> None:
        self.category = category
        self.in_stock = True


def _is_integer(value: object) -> bool:
    """True for an int, or a float with no fraction (not for a bool, NaN or infinity)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value == int(value)


def _require_name(value: object, name: str) -> str:
    if not isinstance(value, str) or value == '':
        raise TypeError(f'{name} must be a non-empty string, got {value!r}')
    return value


def _read_query(limit: int, category: Optional[str]) -> int:
    if not _is_integer(limit) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f'limit must be an integer from 1 to {MAX_LIMIT}, got {limit!r}')
    if category is not None:
        _require_name(category, 'category')
    return int(limit)


class Recommender:
    """Scores items by the users who recently engaged with them together."""

    def __init__(self, *, window_ms: float, weights: Optional[dict[str, int]] = None,
                 clock: Optional[Clock] = None) -> None:
        if isinstance(window_ms, bool) or not isinstance(window_ms, (int, float)) \
                or not math.isfinite(window_ms) or window_ms <= 0:
            raise ValueError(f'window_ms must be a positive finite number, got {window_ms!r}')
        given = weights or {}
        chosen: dict[str, int] = {}
        for kind in KINDS:
            weight = given.get(kind)
            if weight is None:
                weight = DEFAULT_WEIGHTS[kind]
            if not _is_integer(weight) or weight <= 0:
                raise ValueError(f'weight of {kind} must be a positive integer, got {weight!r}')
            chosen[kind] = int(weight)
        if clock is None:
            clock = lambda: time.time() * 1000  # noqa: E731
        if not callable(clock):
            raise TypeError(f'clock must be a function, got {clock!r}')
        self._window_ms = window_ms
        self._weights = chosen
        self._clock = clock
        self._items: dict[str, _Item] = {}
        # user -> item -> kind -> latest time of that kind.
        self._latest: dict[str, dict[str, dict[str, float]]] = {}
        # item -> every user who ever interacted with it (the candidates for its similarity).
        self._users_of: dict[str, set[str]] = {}
        # user -> items they ever purchased; never expires: a bought item is never recommended again.
        self._bought: dict[str, set[str]] = {}

    def add_item(self, item_id: str, category: str) -> None:
        """Adds an item (in stock), or changes the category of a known one."""
        _require_name(item_id, 'item_id')
        _require_name(category, 'category')
        self._items.setdefault(item_id, _Item(category)).category = category

    def set_in_stock(self, item_id: str, in_stock: bool) -> None:
        """Marks a catalog item in or out of stock."""
        item = self._known_item(item_id)
        if not isinstance(in_stock, bool):
            raise TypeError(f'in_stock must be a bool, got {in_stock!r}')
        item.in_stock = in_stock

    def record(self, user_id: str, item_id: str, kind: str) -> None:
        """Records that the user viewed, carted or purchased the item now."""
        _require_name(user_id, 'user_id')
        self._known_item(item_id)
        if kind not in KINDS:
            raise ValueError(f'kind must be view, cart or purchase, got {kind!r}')
        by_item = self._latest.setdefault(user_id, {})
        by_item.setdefault(item_id, {})[kind] = self._clock()
        self._users_of.setdefault(item_id, set()).add(user_id)
        if kind == 'purchase':
            self._bought.setdefault(user_id, set()).add(item_id)

    def similar_items(self, item_id: str, limit: int = DEFAULT_LIMIT,
                      category: Optional[str] = None) -> list[Recommendation]:
        """Other items engaged with by the same users, best first."""
        self._known_item(item_id)
        limit = _read_query(limit, category)
        scores: dict[str, int] = {}
        self._add_similarities(item_id, self._clock(), scores)
        return self._rank(scores, limit, category, lambda other: True)

    def recommend_for(self, user_id: str, limit: int = DEFAULT_LIMIT,
                      category: Optional[str] = None) -> list[Recommendation]:
        """Items similar to the user's recent items, minus what they have or ever bought, best first."""
        _require_name(user_id, 'user_id')
        limit = _read_query(limit, category)
        now = self._clock()
        by_item = self._latest.get(user_id)
        if by_item is None:
            return []
        own = {item_id for item_id, by_kind in by_item.items() if self._affinity(by_kind, now) > 0}
        scores: dict[str, int] = {}
        for item_id in own:
            self._add_similarities(item_id, now, scores)
        bought = self._bought.get(user_id, set())
        return self._rank(scores, limit, category, lambda other: other not in own and other not in bought)

    def _known_item(self, item_id: str) -> _Item:
        _require_name(item_id, 'item_id')
        item = self._items.get(item_id)
        if item is None:
            raise UnknownItemError(f'unknown item: {item_id}')
        return item

    def _affinity(self, by_kind: dict[str, float], now: float) -> int:
        """Largest weight among the kinds whose latest occurrence still counts at `now`; 0 if none."""
        best = 0
        for kind, at in by_kind.items():
            if now - at < self._window_ms:
                best = max(best, self._weights[kind])
        return best

    def _add_similarities(self, anchor: str, now: float, scores: dict[str, int]) -> None:
        """Adds similarity(anchor, B) to scores[B] for every item B that shares a user with the anchor."""
        for user_id in self._users_of.get(anchor, ()):
            by_item = self._latest[user_id]
            anchor_affinity = self._affinity(by_item[anchor], now)
            for other, by_kind in by_item.items():
                if other == anchor:
                    continue
                scores[other] = scores.get(other, 0) + anchor_affinity * self._affinity(by_kind, now)

    def _rank(self, scores: dict[str, int], limit: int, category: Optional[str],
              keep: Callable[[str], bool]) -> list[Recommendation]:
        """Positive scores of in-stock items in the category that `keep` accepts: best first, ties by id."""
        ids = sorted(scores)
        ids = [item_id for item_id in ids
               if scores[item_id] > 0 and self._items[item_id].in_stock
               and (category is None or self._items[item_id].category == category) and keep(item_id)]
        ids.sort(key=lambda item_id: -scores[item_id])  # stable: equal scores stay in id order
        return [Recommendation(item_id, scores[item_id]) for item_id in ids[:limit]]
