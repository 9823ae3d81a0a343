# Mutant: the counter does not skip codes that are already taken, overwriting aliases
import re
import time
from typing import Callable, Optional
from urllib.parse import urlsplit

ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
MAX_SAFE_INTEGER = 2**53 - 1  # JavaScript's Number.MAX_SAFE_INTEGER, kept so both languages agree

BASE = len(ALPHABET)
RESERVED = frozenset({'admin', 'api', 'about', 'health', 'login', 'static'})
# fullmatch, not match with '$': '$' also matches before a trailing newline.
ALIAS_PATTERN = re.compile(r'[A-Za-z0-9_-]{4,30}')
MAX_URL_LENGTH = 2048
HASH_ATTEMPTS = 8
HASH_CODE_LENGTH = 6


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


def _is_safe_int(value: object) -> bool:
    # bool is an int subclass, but True is not a number anyone means here.
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_SAFE_INTEGER


def encode_base62(n: int) -> str:
    """Write n (an int from 0 to MAX_SAFE_INTEGER) in base 62, most significant digit first."""
    if not _is_safe_int(n) or n < 0:
        raise Base62Error(f'can only encode non-negative safe integers, got {n}')
    if n == 0:
        return ALPHABET[0]
    digits = []
    while n > 0:
        n, digit = divmod(n, BASE)
        digits.append(ALPHABET[digit])
    # divmod peels off the least significant digit first.
    return ''.join(reversed(digits))


def decode_base62(s: str) -> int:
    """The number a base62 string stands for; leading zeros are allowed."""
    if s == '':
        raise Base62Error('cannot decode an empty string')
    n = 0
    for ch in s:
        digit = ALPHABET.find(ch)
        if digit == -1:
            raise Base62Error(f'invalid base62 character {ch!r}')
        n = n * BASE + digit
        # Python's ints never overflow, but the codes must stay valid in the TypeScript version too.
        if n > MAX_SAFE_INTEGER:
            raise Base62Error(f'{s!r} is larger than MAX_SAFE_INTEGER')
    return n


def fnv1a32(s: str) -> int:
    """32-bit FNV-1a over the string's UTF-16 code units: the default hash for the 'hash' strategy."""
    data = s.encode('utf-16-le', 'surrogatepass')
    h = 0x811C9DC5
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _is_reserved(code: str) -> bool:
    return code.lower() in RESERVED


def _validate_url(long_url: str) -> None:
    if not isinstance(long_url, str) or len(long_url) > MAX_URL_LENGTH:
        raise InvalidUrlError(f'the URL must be a string of at most {MAX_URL_LENGTH} characters')
    try:
        parts = urlsplit(long_url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme == '':
        raise InvalidUrlError(f'not a URL: {long_url!r}')
    # Only web links: javascript:, data:, file: and friends are an abuse vector for a redirect service.
    if parts.scheme not in ('http', 'https'):
        raise InvalidUrlError(f'only http and https URLs can be shortened, got {parts.scheme + ":"!r}')
    if not parts.hostname:
        raise InvalidUrlError(f'the URL has no host: {long_url!r}')


def _validate_alias(alias: str) -> None:
    if not isinstance(alias, str) or ALIAS_PATTERN.fullmatch(alias) is None:
        raise InvalidAliasError(f'alias {alias!r} must be 4-30 letters, digits, "_" or "-"')
    if _is_reserved(alias):
        raise InvalidAliasError(f'alias {alias!r} is a reserved word')


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
        if strategy not in ('counter', 'hash'):
            raise ValueError(f'unknown strategy {strategy!r}')
        if not _is_safe_int(counter_start) or counter_start < 0:
            raise ValueError(f'counter_start must be a non-negative safe integer, got {counter_start!r}')
        self._strategy = strategy
        self._now = now if now is not None else (lambda: time.time() * 1000)
        self._hash = hash if hash is not None else fnv1a32
        self._counter = counter_start
        # Every code ever issued, expired or not, with (url, expires_at): codes are never recycled.
        self._links: dict[str, tuple[str, Optional[float]]] = {}
        # long URL -> its permanent generated code, for the reuse rule.
        self._permanent: dict[str, str] = {}

    def shorten(self, long_url: str, *, alias: Optional[str] = None, ttl_ms: Optional[int] = None) -> str:
        """Store long_url and return its code (the alias if one is given)."""
        # Validate everything before touching state, so a failed call changes nothing.
        _validate_url(long_url)
        if ttl_ms is not None and (not _is_safe_int(ttl_ms) or ttl_ms <= 0):
            raise ValueError(f'ttl_ms must be a positive integer, got {ttl_ms!r}')
        expires_at = None if ttl_ms is None else self._now() + ttl_ms

        if alias is not None:
            _validate_alias(alias)
            if alias in self._links:
                raise AliasTakenError(f'alias {alias!r} is already taken')
            self._links[alias] = (long_url, expires_at)
            return alias

        is_permanent = ttl_ms is None
        if is_permanent:
            existing = self._permanent.get(long_url)
            if existing is not None:
                return existing

        code = self._next_counter_code() if self._strategy == 'counter' else self._next_hash_code(long_url)
        self._links[code] = (long_url, expires_at)
        if is_permanent:
            self._permanent[long_url] = code
        return code

    def resolve(self, code: str) -> Optional[str]:
        """The long URL behind code, or None if the code is unknown or expired."""
        link = self._links.get(code)
        if link is None:
            return None
        long_url, expires_at = link
        # Expired exactly at expires_at: a TTL of 1000 ms gives 1000 ms of life, not 1001.
        if expires_at is not None and self._now() >= expires_at:
            return None
        return long_url

    def _is_free(self, code: str) -> bool:
        return not _is_reserved(code) and (self._strategy == 'counter' or code not in self._links)

    def _next_counter_code(self) -> str:
        # Terminates: only finitely many codes are taken or reserved.
        while True:
            code = encode_base62(self._counter)
            self._counter += 1
            if self._is_free(code):
                return code

    def _next_hash_code(self, long_url: str) -> str:
        for attempt in range(HASH_ATTEMPTS):
            # Salting the input (rather than trying code + 1) keeps probes spread over the whole code space.
            source = long_url if attempt == 0 else f'{long_url}#{attempt}'
            code = encode_base62(self._hash(source)).rjust(HASH_CODE_LENGTH, ALPHABET[0])
            if self._is_free(code):
                return code
        raise CollisionError(f'no free code for {long_url!r} after {HASH_ATTEMPTS} attempts')
