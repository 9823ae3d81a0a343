from typing import Callable, Optional

ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
MAX_SAFE_INTEGER = 2**53 - 1  # JavaScript's Number.MAX_SAFE_INTEGER


class Base62Error(Exception):
    """A number or string that cannot be converted to or from base 62."""


class InvalidUrlError(Exception):
    """A long URL that cannot be shortened."""


class InvalidAliasError(Exception):
    """A custom alias that is malformed or a reserved word."""


class AliasTakenError(Exception):
    """A custom alias that is already a code."""


class CollisionError(Exception):
    """The hash strategy found no free code in 8 attempts."""


def encode_base62(n: int) -> str:
    """Write n (an int from 0 to MAX_SAFE_INTEGER) in base 62, most significant digit first."""
    raise NotImplementedError


def decode_base62(s: str) -> int:
    """The number a base62 string stands for; leading zeros are allowed."""
    raise NotImplementedError


def fnv1a32(s: str) -> int:
    """32-bit FNV-1a over the string's UTF-16 code units: the default hash for the 'hash' strategy."""
    data = s.encode('utf-16-le', 'surrogatepass')
    h = 0x811C9DC5
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


class UrlShortener:
    """Turns long URLs into short codes and back."""

    def __init__(
        self,
        *,
        strategy: str = 'counter',
        now: Optional[Callable[[], float]] = None,
        hash: Optional[Callable[[str], int]] = None,
        counter_start: int = 1,
    ) -> None:
        """strategy is 'counter' or 'hash'; now() returns milliseconds (default: the real clock);
        hash(text) returns an int in [0, 2**32) (default fnv1a32); counter_start is the first counter value."""
        # TODO
        pass

    def shorten(self, long_url: str, *, alias: Optional[str] = None, ttl_ms: Optional[int] = None) -> str:
        """Store long_url and return its code (the alias if one is given); ttl_ms makes the link expire."""
        raise NotImplementedError

    def resolve(self, code: str) -> Optional[str]:
        """The long URL behind code, or None if the code is unknown or expired."""
        raise NotImplementedError
