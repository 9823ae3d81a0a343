import functools
import math
import random
import unittest
from urllib.parse import urlsplit

from solution import (
    AliasTakenError,
    Base62Error,
    CollisionError,
    InvalidAliasError,
    InvalidUrlError,
    UrlShortener,
    decode_base62,
    encode_base62,
)

MAX_SAFE = 2**53 - 1


class Base62Test(unittest.TestCase):
    """base62"""

    def test_alphabet_order(self):
        """[R1 encode_base62, decode_base62] orders the alphabet digits, then lowercase, then uppercase"""
        self.assertEqual(encode_base62(9), '9')
        self.assertEqual(encode_base62(10), 'a', '10 is "a"')
        self.assertEqual(encode_base62(35), 'z', '35 is "z"')
        self.assertEqual(encode_base62(36), 'A', '36 is "A"')
        self.assertEqual(decode_base62('A'), 36, '"A" is 36, not 10: decoding is case-sensitive')

    def test_zero_and_leading_zeros(self):
        """[R2][R4] encodes zero as the single digit "0" and decodes leading zeros"""
        self.assertEqual(encode_base62(0), '0')
        self.assertEqual(decode_base62('0'), 0)
        self.assertEqual(decode_base62('007'), 7, 'leading zeros are allowed')
        s = UrlShortener(counter_start=0)
        self.assertEqual(s.shorten('https://example.com/zero'), '0', 'counter value 0 gives code "0"')

    def test_most_significant_first(self):
        """[R2] writes the most significant digit first without leading zeros"""
        self.assertEqual(encode_base62(63), '11')
        self.assertEqual(encode_base62(124), '20', '2*62 + 0')
        self.assertEqual(encode_base62(3844), '100', '62**2')
        self.assertEqual(encode_base62(123456789), '8m0Kx')

    def test_max_safe_round_trip(self):
        """[R2][R4] round-trips MAX_SAFE_INTEGER (2**53 - 1)"""
        self.assertEqual(encode_base62(MAX_SAFE), 'FfGNdXsE7')
        self.assertEqual(decode_base62('FfGNdXsE7'), MAX_SAFE)

    def test_encode_refuses_bad_numbers(self):
        """[R3] refuses to encode negative, fractional, non-finite and unsafe numbers"""
        for n in [-1, 1.5, math.nan, math.inf, MAX_SAFE + 1]:
            with self.subTest(n=n):
                with self.assertRaises(Base62Error, msg=f'encode_base62({n}) raises Base62Error'):
                    encode_base62(n)

    def test_decode_names_bad_character(self):
        """[R5] refuses characters outside the alphabet and names the character"""
        for s, bad in [('ab-c', '-'), ('a b', ' '), ('x+y', '+'), ('caf\u00e9', '\u00e9')]:
            with self.subTest(s=s):
                with self.assertRaises(Base62Error, msg=f'decode_base62({s!r}) raises Base62Error') as cm:
                    decode_base62(s)
                self.assertMessage(cm.exception, bad, msg=f'the message names the bad character {bad!r}')

    def test_encode_names_number(self):
        """[R3] names the number it refuses to encode"""
        for n in [-1, 1.5]:
            with self.subTest(n=n):
                with self.assertRaises(Base62Error, msg=f'encode_base62({n}) raises Base62Error') as cm:
                    encode_base62(n)
                self.assertMessage(cm.exception, str(n), msg=f'the message contains {n}')

    def test_decode_messages(self):
        """[R5] says the input is empty, or names a value that is too large, when it refuses to decode"""
        with self.assertRaises(Base62Error, msg='decode_base62("") raises Base62Error') as cm:
            decode_base62('')
        self.assertMessage(cm.exception, 'empty', msg='the message says the input is empty')
        with self.assertRaises(Base62Error, msg='MAX_SAFE_INTEGER + 1 raises Base62Error') as cm:
            decode_base62('FfGNdXsE8')
        self.assertMessage(cm.exception, 'FfGNdXsE8', msg='the message names the input')

    def test_decode_refuses_empty_and_too_large(self):
        """[R5] refuses to decode the empty string and values above MAX_SAFE_INTEGER"""
        for s in ['', 'FfGNdXsE8', '10000000000', '0FfGNdXsE8']:
            with self.subTest(s=s):
                with self.assertRaises(Base62Error, msg=f'decode_base62({s!r}) raises Base62Error'):
                    decode_base62(s)


class ErrorsTest(unittest.TestCase):
    """errors"""

    def test_error_classes(self):
        """[R23] raises each error as its own Exception subclass, named after the class"""
        s = UrlShortener(strategy='hash', hash=lambda text: 42)
        s.shorten('https://example.com/taken', alias='taken')
        s.shorten('https://example.com/first')
        cases = [
            (lambda: decode_base62('-'), Base62Error, 'Base62Error'),
            (lambda: s.shorten('ftp://example.com'), InvalidUrlError, 'InvalidUrlError'),
            (lambda: s.shorten('https://example.com', alias='no'), InvalidAliasError, 'InvalidAliasError'),
            (lambda: s.shorten('https://example.com', alias='taken'), AliasTakenError, 'AliasTakenError'),
            (lambda: s.shorten('https://example.com/second'), CollisionError, 'CollisionError'),
        ]
        for call, cls, name in cases:
            with self.subTest(error=name):
                self.assertTrue(issubclass(cls, Exception), f'{name} subclasses Exception')
                with self.assertRaises(cls, msg=f'raises {name}') as cm:
                    call()
                self.assertEqual(type(cm.exception).__name__, name, f'the error raised is a {name}')


class OptionsTest(unittest.TestCase):
    """options"""

    def test_unknown_strategy(self):
        """[R6] rejects an unknown strategy with ValueError naming strategy"""
        with self.assertRaises(ValueError, msg='strategy "random" raises ValueError') as cm:
            UrlShortener(strategy='random')
        self.assertMessage(cm.exception, 'strategy', msg='the message names strategy')

    def test_bad_counter_start(self):
        """[R7] rejects a counter_start that is not a non-negative safe integer with ValueError naming it"""
        for counter_start in [-1, 1.5, math.nan, MAX_SAFE + 1]:
            with self.subTest(counter_start=counter_start):
                with self.assertRaises(ValueError, msg=f'counter_start {counter_start} raises ValueError') as cm:
                    UrlShortener(counter_start=counter_start)
                self.assertMessage(cm.exception, 'counter_start', msg='the message names counter_start')
        s = UrlShortener(counter_start=0)
        self.assertEqual(s.shorten('https://example.com'), '0', 'counter_start 0 is allowed')


class UrlValidationTest(unittest.TestCase):
    """URL validation"""

    def test_only_http_and_https(self):
        """[R10] rejects anything that is not an http or https URL with a host"""
        s = UrlShortener()
        for url in ['ftp://example.com/f', 'javascript:alert(1)', 'mailto:a@example.com', 'data:text/plain,hi',
                    'file:///etc/passwd', 'not a url', '', 'example.com/path', 'http://[::1', 'http://',
                    'http:///path']:
            with self.subTest(url=url):
                with self.assertRaises(InvalidUrlError, msg=f'shorten({url!r}) raises InvalidUrlError'):
                    s.shorten(url)

    def test_only_a_string(self):
        """[R10] rejects a parsed URL or bytes: only a str is a long URL"""
        s = UrlShortener()
        for url in [urlsplit('https://example.com/a'), b'https://example.com/a']:
            with self.subTest(url=url):
                with self.assertRaises(InvalidUrlError, msg=f'shorten({url!r}) raises InvalidUrlError'):
                    s.shorten(url)
        self.assertEqual(s.shorten('https://example.com/a'), '1', 'nothing was stored for the non-strings')

    def test_says_why(self):
        """[R10] says why a URL is refused: the 2048 limit, the unparsable string, or the protocol"""
        s = UrlShortener()
        long = 'https://example.com/' + 'a' * 2048
        with self.assertRaises(InvalidUrlError, msg='a too long URL raises InvalidUrlError') as cm:
            s.shorten(long)
        self.assertMessage(cm.exception, '2048', msg='the message names the limit')
        for url in ['not a url', 'http://[::1']:
            with self.subTest(url=url):
                with self.assertRaises(InvalidUrlError, msg=f'{url!r} raises InvalidUrlError') as cm:
                    s.shorten(url)
                self.assertMessage(cm.exception, url, msg='the message contains the string')
        with self.assertRaises(InvalidUrlError, msg='an ftp URL raises InvalidUrlError') as cm:
            s.shorten('ftp://example.com/f')
        self.assertMessage(cm.exception, 'ftp:', msg='the message names the protocol')

    def test_stored_as_given(self):
        """[R11] stores the URL exactly as given, without normalising it"""
        s = UrlShortener()
        url = 'HTTPS://Example.COM:8443/Path?q=1#frag'
        self.assertEqual(s.resolve(s.shorten(url)), url)
        plain = 'http://example.com'
        self.assertEqual(s.resolve(s.shorten(plain)), plain, 'no trailing slash added')

    def test_length_boundary(self):
        """[R10] accepts a URL of exactly 2048 characters and rejects 2049"""
        s = UrlShortener()
        prefix = 'https://example.com/'
        ok = prefix + 'a' * (2048 - len(prefix))
        self.assertEqual(s.resolve(s.shorten(ok)), ok, 'a 2048-character URL is allowed')
        with self.assertRaises(InvalidUrlError, msg='a 2049-character URL raises InvalidUrlError'):
            s.shorten(ok + 'a')


class CounterAndReuseTest(unittest.TestCase):
    """counter codes and reuse"""

    def test_reuse_same_string_only(self):
        """[R15] reuses the permanent code for the very same URL string only"""
        s = UrlShortener()
        self.assertEqual(s.shorten('https://example.com/a'), '1')
        self.assertEqual(s.shorten('https://example.com/a'), '1', 'same URL, same code')
        self.assertEqual(s.shorten('https://example.com/a/'), '2', 'a different string is a different URL')

    def test_ttl_links_get_own_code(self):
        """[R15] gives every link with a TTL its own code and never reuses it"""
        s = UrlShortener(now=lambda: 0)
        url = 'https://example.com/a'
        self.assertEqual(s.shorten(url, ttl_ms=5000), '1')
        self.assertEqual(s.shorten(url), '2', 'a permanent link does not reuse a TTL link')
        self.assertEqual(s.shorten(url), '2', 'the permanent link is reused')
        self.assertEqual(s.shorten(url, ttl_ms=5000), '3', 'a TTL link never reuses the permanent one')

    def test_alias_never_reused(self):
        """[R15] never reuses an aliased link for a plain request"""
        s = UrlShortener()
        self.assertEqual(s.shorten('https://example.com/a', alias='mine'), 'mine')
        self.assertEqual(s.shorten('https://example.com/a'), '1', 'a generated code, not the alias')

    def test_counter_skips_alias(self):
        """[R8][R16] skips a counter code already taken as an alias instead of overwriting it"""
        s = UrlShortener(counter_start=decode_base62('abcd'))
        s.shorten('https://example.com/alias', alias='abcd')
        self.assertEqual(s.shorten('https://example.com/next'), 'abce', 'the taken "abcd" is skipped')
        self.assertEqual(s.resolve('abcd'), 'https://example.com/alias', 'the alias still points where it did')

    def test_counter_skips_reserved(self):
        """[R9][R16] skips counter codes that are reserved words, in any case"""
        s = UrlShortener(counter_start=decode_base62('admin'))
        self.assertEqual(s.shorten('https://example.com/a'), 'admio', '"admin" is reserved')
        t = UrlShortener(counter_start=decode_base62('LOGIN'))
        self.assertEqual(t.shorten('https://example.com/a'), 'LOGIO', '"LOGIN" is reserved case-insensitively')
        for word in ['api', 'about', 'health', 'static']:
            with self.subTest(word=word):
                u = UrlShortener(counter_start=decode_base62(word))
                following = encode_base62(decode_base62(word) + 1)
                self.assertEqual(u.shorten('https://example.com/a'), following, f'"{word}" is reserved')

    def test_failed_call_keeps_counter(self):
        """[R20] does not consume a counter value when shorten fails"""
        s = UrlShortener()
        with self.assertRaises(InvalidUrlError, msg='a bad URL raises InvalidUrlError'):
            s.shorten('ftp://example.com')
        with self.assertRaises(InvalidAliasError, msg='a short alias raises InvalidAliasError'):
            s.shorten('https://example.com', alias='no')
        with self.assertRaises(ValueError, msg='a zero TTL raises ValueError'):
            s.shorten('https://example.com', ttl_ms=0)
        self.assertEqual(s.shorten('https://example.com/a'), '1', 'the first successful code is still "1"')


class CustomAliasTest(unittest.TestCase):
    """custom aliases"""

    def test_alias_length(self):
        """[R13] accepts 4 to 30 characters and rejects 3 or 31"""
        s = UrlShortener()
        self.assertEqual(s.shorten('https://example.com', alias='abcd'), 'abcd')
        self.assertEqual(s.shorten('https://example.com', alias='x' * 30), 'x' * 30)
        for alias in ['abc', 'y' * 31]:
            with self.subTest(alias=alias):
                with self.assertRaises(InvalidAliasError, msg=f'a {len(alias)}-character alias is refused'):
                    s.shorten('https://example.com', alias=alias)

    def test_alias_characters(self):
        """[R13] accepts ASCII letters, digits, "_" and "-" only"""
        s = UrlShortener()
        self.assertEqual(s.shorten('https://example.com', alias='Under_score-9'), 'Under_score-9')
        for alias in ['has space', 'sl/sh', 'dot.dot', 'caf\u00e9s', 'new\nline', 'q?x=1', 'promo\n',
                      '\u0661\u0662\u0663\u0664']:
            with self.subTest(alias=alias):
                with self.assertRaises(InvalidAliasError, msg=f'alias {alias!r} is refused'):
                    s.shorten('https://example.com', alias=alias)
        self.assertIsNone(s.resolve('promo\n'), 'nothing was stored under "promo\\n"')
        self.assertIsNone(s.resolve('promo'), 'nothing was stored under "promo"')

    def test_alias_not_a_string(self):
        """[R13] rejects an alias that is not a string, even one that looks like digits"""
        s = UrlShortener()
        with self.assertRaises(InvalidAliasError, msg='alias 12345 (an int) is refused'):
            s.shorten('https://example.com', alias=12345)
        self.assertIsNone(s.resolve('12345'), 'nothing was stored')

    def test_alias_named(self):
        """[R13] names the alias it refuses as malformed or reserved"""
        s = UrlShortener()
        for alias in ['sl/sh', 'Admin']:
            with self.subTest(alias=alias):
                with self.assertRaises(InvalidAliasError, msg=f'alias {alias!r} is refused') as cm:
                    s.shorten('https://example.com', alias=alias)
                self.assertMessage(cm.exception, alias, msg=f'the message names {alias}')

    def test_reserved_aliases(self):
        """[R9][R13] rejects reserved words whatever their case"""
        s = UrlShortener()
        for alias in ['admin', 'Admin', 'HEALTH', 'login', 'Static', 'about']:
            with self.subTest(alias=alias):
                with self.assertRaises(InvalidAliasError, msg=f'reserved alias {alias!r} is refused'):
                    s.shorten('https://example.com', alias=alias)

    def test_taken_alias(self):
        """[R14][R20] refuses a taken alias, names it, and keeps the first link"""
        s = UrlShortener()
        s.shorten('https://example.com/first', alias='promo')
        with self.assertRaises(AliasTakenError, msg='a taken alias raises AliasTakenError') as cm:
            s.shorten('https://example.com/second', alias='promo')
        self.assertMessage(cm.exception, 'promo', msg='the message names the alias')
        self.assertEqual(s.resolve('promo'), 'https://example.com/first')

    def test_alias_case_sensitive(self):
        """[R14] treats aliases as case-sensitive"""
        s = UrlShortener()
        s.shorten('https://example.com/upper', alias='Promo')
        s.shorten('https://example.com/lower', alias='promo')
        self.assertEqual(s.resolve('Promo'), 'https://example.com/upper')
        self.assertEqual(s.resolve('promo'), 'https://example.com/lower')
        self.assertIsNone(s.resolve('PROMO'), 'no case folding on resolve')

    def test_alias_equal_to_generated_code(self):
        """[R8][R14] refuses an alias equal to a code the counter already issued"""
        s = UrlShortener(counter_start=decode_base62('abcd'))
        self.assertEqual(s.shorten('https://example.com/a'), 'abcd')
        with self.assertRaises(AliasTakenError, msg='an alias equal to a generated code is taken'):
            s.shorten('https://example.com/b', alias='abcd')
        self.assertEqual(s.resolve('abcd'), 'https://example.com/a')

    def test_expired_alias_stays_taken(self):
        """[R8][R14] never hands out an expired alias again"""
        t = 0
        s = UrlShortener(now=lambda: t)
        s.shorten('https://example.com/old', alias='sale', ttl_ms=10)
        t = 100
        self.assertIsNone(s.resolve('sale'), 'expired')
        with self.assertRaises(AliasTakenError, msg='an expired alias is still taken'):
            s.shorten('https://example.com/new', alias='sale')
        self.assertIsNone(s.resolve('sale'), 'still not pointing at the new URL')


class ExpiryTest(unittest.TestCase):
    """expiry"""

    def test_ttl_from_creation(self):
        """[R21] counts the TTL from creation, stays expired, and never expires links without a TTL"""
        t = 5000
        s = UrlShortener(now=lambda: t)
        code = s.shorten('https://example.com/x', ttl_ms=100)
        t = 5099
        self.assertEqual(s.resolve(code), 'https://example.com/x', 'live at created + ttl - 1')
        t = 5100
        self.assertIsNone(s.resolve(code), 'expired at created + ttl')
        forever = s.shorten('https://example.com/forever')
        t = 10**12
        self.assertIsNone(s.resolve(code), 'still expired much later')
        self.assertEqual(s.resolve(forever), 'https://example.com/forever', 'a link without ttl_ms never expires')

    def test_bad_ttl(self):
        """[R12] rejects a TTL that is not a positive integer"""
        s = UrlShortener()
        for ttl_ms in [0, -5, 1.5, math.nan, math.inf]:
            with self.subTest(ttl_ms=ttl_ms):
                with self.assertRaises(ValueError, msg=f'ttl_ms {ttl_ms} raises ValueError'):
                    s.shorten('https://example.com', ttl_ms=ttl_ms)

    def test_bad_ttl_named(self):
        """[R12] names ttl_ms when it rejects one"""
        s = UrlShortener()
        with self.assertRaises(ValueError, msg='ttl_ms -5 raises ValueError') as cm:
            s.shorten('https://example.com', ttl_ms=-5)
        self.assertMessage(cm.exception, 'ttl_ms', msg='the message names ttl_ms')

    def test_resolve_never_raises(self):
        """[R22] returns None instead of raising for codes that are not base62"""
        s = UrlShortener()
        for code in ['', '***', 'a b', '../etc']:
            with self.subTest(code=code):
                self.assertIsNone(s.resolve(code), f'resolve({code!r}) is None')


class HashStrategyTest(unittest.TestCase):
    """hash strategy"""

    def test_fnv_default_and_padding(self):
        """[R17][R19] uses FNV-1a by default and pads codes to 6 characters"""
        s = UrlShortener(strategy='hash')
        self.assertEqual(s.shorten('https://example.com/a'), '01EW6z')
        self.assertEqual(s.shorten('https://example.com/long/path'), '1Xz3Fe')
        self.assertEqual(s.shorten('https://example.com/a'), '01EW6z', 'the permanent link is reused')

    def test_fnv_utf16_units(self):
        """[R19] hashes UTF-16 code units, so an emoji counts as two units and an accent as one"""
        s = UrlShortener(strategy='hash')
        self.assertEqual(s.shorten('https://example.com/caf\u00e9'), '0pK1sp', '"\u00e9" is the single unit 0xE9')
        self.assertEqual(s.shorten('https://example.com/\U0001F600'), '14ZWxj',
                         'the emoji is the surrogate pair 0xD83D 0xDE00')

    def test_salted_probe(self):
        """[R17] probes with the salted input on a collision"""
        s = UrlShortener(strategy='hash', hash=len)
        self.assertEqual(s.shorten('http://a.co/x'), '00000d', 'length 13')
        self.assertEqual(s.shorten('http://a.co/y'), '00000f', 'collides, so hashes "http://a.co/y#1" (length 15)')
        self.assertEqual(s.resolve('00000d'), 'http://a.co/x')
        self.assertEqual(s.resolve('00000f'), 'http://a.co/y')

    def test_probe_past_expired(self):
        """[R8][R17] probes when the hashed code belongs to an expired link"""
        t = 0
        s = UrlShortener(strategy='hash', now=lambda: t)
        self.assertEqual(s.shorten('https://example.com/a', ttl_ms=10), '01EW6z')
        t = 50
        self.assertEqual(s.shorten('https://example.com/a'), '4ekypp', 'the expired code is not reissued; "#1" is hashed')

    def test_eight_attempts(self):
        """[R17][R18] makes exactly 8 attempts, salts #1 to #7, then raises CollisionError"""

        def free_on(salt):
            return lambda text: 100 if text.endswith(salt) else 42

        s = UrlShortener(strategy='hash', hash=free_on('#7'))
        self.assertEqual(s.shorten('https://example.com/a'), '00000G')
        self.assertEqual(s.shorten('https://example.com/b'), '00001C', 'the 8th attempt hashes "...#7"')

        t = UrlShortener(strategy='hash', hash=free_on('#8'))
        t.shorten('https://example.com/a')
        with self.assertRaises(CollisionError, msg='all 8 attempts collide') as cm:
            t.shorten('https://example.com/b')
        self.assertMessage(cm.exception, 'https://example.com/b', msg='the message names the long URL')
        self.assertEqual(t.resolve('00000G'), 'https://example.com/a', 'the first link is untouched')
        self.assertIsNone(t.resolve('00001C'), 'nothing was stored for the failed call')


class MoreRulesTest(unittest.TestCase):
    """more rules"""

    def test_check_order(self):
        """[R24] checks the URL before ttl_ms and ttl_ms before the alias"""
        s = UrlShortener()
        with self.assertRaises(InvalidUrlError, msg='a bad URL, TTL and alias raise InvalidUrlError'):
            s.shorten('ftp://e.com', ttl_ms=-1, alias='x')
        with self.assertRaises(ValueError, msg='a bad TTL and alias raise ValueError') as cm:
            s.shorten('https://e.com', ttl_ms=0, alias='x')
        self.assertNotIsInstance(cm.exception, InvalidAliasError, 'the TTL error comes first, not the alias error')
        self.assertEqual(s.shorten('https://e.com'), '1', 'nothing was used up')

    def test_counter_start(self):
        """[R16] starts at counter_start, including 0, and skips reserved and taken codes from there"""
        zero = UrlShortener(counter_start=0)
        self.assertEqual([zero.shorten('https://e.com/a'), zero.shorten('https://e.com/b')], ['0', '1'])
        # 'api' is 40008 in base62: a counter starting just below it must skip it.
        s = UrlShortener(counter_start=40007)
        self.assertEqual([s.shorten('https://e.com/a'), s.shorten('https://e.com/b')], ['aph', 'apj'])

    def test_injected_clock(self):
        """[R21] uses the injected clock for creation and for resolving, not the real time"""
        t = 1_000_000
        s = UrlShortener(now=lambda: t)
        code = s.shorten('https://e.com/x', ttl_ms=10)
        t += 9
        self.assertEqual(s.resolve(code), 'https://e.com/x', 'live 9 ms later')
        t += 1
        self.assertIsNone(s.resolve(code), 'expired at exactly ttl_ms')

    def test_ttl_unsafe_or_string(self):
        """[R12] rejects a TTL above MAX_SAFE_INTEGER or given as a string"""
        s = UrlShortener()
        for ttl_ms in [MAX_SAFE + 1, '10', math.inf]:
            with self.subTest(ttl_ms=ttl_ms):
                with self.assertRaises(ValueError, msg=f'ttl_ms {ttl_ms!r} raises ValueError'):
                    s.shorten('https://e.com', ttl_ms=ttl_ms)
        self.assertEqual(s.shorten('https://e.com', ttl_ms=MAX_SAFE - 1_000_000), '1', 'a huge but safe TTL')

    def test_collision_stores_nothing(self):
        """[R20] stores nothing when the hash strategy runs out of attempts"""
        s = UrlShortener(strategy='hash', hash=lambda text: 5)
        self.assertEqual(s.shorten('https://e.com/a'), '000005')
        with self.assertRaises(CollisionError, msg='every attempt collides'):
            s.shorten('https://e.com/b')
        self.assertEqual(s.shorten('https://e.com/b', alias='b-link'), 'b-link', 'the alias path still works')
        with self.assertRaises(CollisionError, msg='still colliding, and nothing was stored the first time'):
            s.shorten('https://e.com/b')


# ---------------------------------------------------------------------------------------------------------
# The model: the statement, literally.

ALPHA = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
RESERVED = ['admin', 'api', 'about', 'health', 'login', 'static']


def model_encode(n):
    out = ''
    while True:
        out = ALPHA[n % 62] + out
        n //= 62
        if n == 0:
            return out


def model_decode(text):
    n = 0
    for ch in text:
        n = n * 62 + ALPHA.index(ch)
    return n


@functools.lru_cache(maxsize=None)  # the 2048-character URL is hashed often
def model_fnv(text):
    units = []
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            units += [0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF)]
        else:
            units.append(cp)
    h = 0x811C9DC5
    for unit in units:
        h = ((h ^ unit) * 0x01000193) % 2**32
    return h


def tiny_hash(text):
    """4 codes make collisions, probing and CollisionError common; one URL hashes onto 'health'."""
    return model_decode('health') if text == 'https://h.io/health' else model_fnv(text) % 4


LONG = 'https://e.com/' + 'x' * (2048 - len('https://e.com/'))
GOOD_URLS = ['https://e.com/a', 'https://e.com/b', 'https://E.com/a', 'http://x.org', LONG, 'https://h.io/health',
             'https://e.com/\U0001F600']
BAD_URLS = [LONG + 'y', 'ftp://e.com', 'not a url', 'http://[::1', 'http:///path']
HOT_ALIASES = ['promo', 'Promo', '1000', '000003']
ALIASES = ['promo', 'Promo', '1000', '1001', 'my_link-2', 'abc', 'x' * 30, 'y' * 31, 'API', 'Health',
           'has space', '000005', '000003', 'abcd\n', 'caf\u00e9s']
OTHER_CODES = ['', 'zzzz', '!!', 'api', '1000', '000005', 'promo', 'ZZZ']
ENCODE_VALUES = [0, 61, 62, 3843, 3844, MAX_SAFE, -1, 1.5, MAX_SAFE + 1, math.nan, math.inf]
DECODE_TEXTS = ['', '0', '007', 'Z', 'FfGNdXsE7', 'FfGNdXsE8', '0FfGNdXsE7', 'ZZZZZZZZZZ', 'ab-c', ' 1', '1\u00e9']


def value(v):
    return ('value', v)


def error(cls, *words):
    return ('error', cls, words)


class Model:
    def __init__(self, strategy, counter_start, hash_fn):
        self.now = 0
        self.strategy = strategy or 'counter'
        self.counter = 1 if counter_start is None else counter_start
        self.hash = hash_fn or model_fnv
        self.links = {}  # code -> (url, expires_at or None), every code ever issued
        self.permanent = {}
        self.issued = []

    def free(self, code):
        return code not in self.links and code.lower() not in RESERVED

    def shorten(self, url, alias, ttl_ms):
        if len(url) > 2048:
            return error(InvalidUrlError, '2048')
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = None
        if parts is None or parts.scheme == '':
            return error(InvalidUrlError, url)
        if parts.scheme not in ('http', 'https'):
            return error(InvalidUrlError, parts.scheme + ':')
        if not parts.hostname:
            return error(InvalidUrlError)
        if ttl_ms is not None and not (isinstance(ttl_ms, int) and 0 < ttl_ms <= MAX_SAFE):
            return error(ValueError, 'ttl_ms')
        expires_at = None if ttl_ms is None else self.now + ttl_ms
        if alias is not None:
            ok = 4 <= len(alias) <= 30 and all(ch in ALPHA + '_-' for ch in alias)
            if not ok or alias.lower() in RESERVED:
                return error(InvalidAliasError, *([alias] if alias.isprintable() else []))
            if alias in self.links:
                return error(AliasTakenError, alias)
            return self.store(alias, url, expires_at)
        if ttl_ms is None and url in self.permanent:
            return value(self.permanent[url])
        code = None
        if self.strategy == 'counter':
            while code is None:
                candidate = model_encode(self.counter)
                self.counter += 1
                if self.free(candidate):
                    code = candidate
        else:
            for k in range(8):
                candidate = model_encode(self.hash(url if k == 0 else f'{url}#{k}')).rjust(6, '0')
                if self.free(candidate):
                    code = candidate
                    break
            if code is None:
                return error(CollisionError, url)
        if ttl_ms is None:
            self.permanent[url] = code
        return self.store(code, url, expires_at)

    def store(self, code, url, expires_at):
        self.links[code] = (url, expires_at)
        self.issued.append(code)
        return value(code)

    def resolve(self, code):
        link = self.links.get(code)
        if link is None or (link[1] is not None and self.now >= link[1]):
            return value(None)
        return value(link[0])


def encode_expected(n):
    if isinstance(n, int) and 0 <= n <= MAX_SAFE:
        return value(model_encode(n))
    return error(Base62Error, str(n))


def decode_expected(text):
    if text == '':
        return error(Base62Error, 'empty')
    bad = [ch for ch in text if ch not in ALPHA]
    if bad:
        return error(Base62Error, bad[0])
    if model_decode(text) > MAX_SAFE:
        return error(Base62Error, text)
    return value(model_decode(text))


def short(x):
    if isinstance(x, str) and len(x) > 40:
        return repr(x[:20]) + f'…({len(x)} chars)'
    return repr(x)


def random_op(rng):
    kind = rng.choices(['shorten', 'resolve', 'advance', 'encode', 'decode'], weights=[6, 5, 2, 1, 1])[0]
    if kind == 'shorten':
        r = rng.random()
        alias = rng.choice(HOT_ALIASES) if r < 0.2 else rng.choice(ALIASES) if r < 0.35 else None
        r = rng.random()
        ttl_ms = None if r < 0.55 else rng.choice([1, 5, 10]) if r < 0.9 else rng.choice([0, -1, 1.5, MAX_SAFE + 1])
        return ('shorten', rng.choice(GOOD_URLS if rng.random() < 0.85 else BAD_URLS), alias, ttl_ms)
    if kind == 'resolve':
        return ('resolve', rng.randrange(10), rng.choice(OTHER_CODES) if rng.random() < 0.25 else None)
    if kind == 'advance':
        return ('advance', rng.randint(0, 6))
    if kind == 'encode':
        return ('encode', rng.randrange(MAX_SAFE + 1) if rng.random() < 0.5 else rng.choice(ENCODE_VALUES))
    if rng.random() < 0.5:
        return ('decode', ''.join(rng.choice(ALPHA) for _ in range(rng.randint(1, 10))))
    return ('decode', rng.choice(DECODE_TEXTS))


class ModelTest(unittest.TestCase):
    """[model] random sequences of every operation agree with a small model"""

    def test_model(self):
        """[model] shorten, resolve, base62 and the clock match the model, errors included"""
        seed = 14
        rng = random.Random(seed)
        for scenario in range(100):
            strategy = rng.choice([None, 'counter', 'hash', 'hash'])
            counter_start = rng.choice([None, 0, 1, 61, 40007, 238327])
            tiny = rng.random() < 0.7
            clock = [0]
            kwargs = {'now': lambda: clock[0]}
            shown = ['now=clock']
            if strategy is not None:
                kwargs['strategy'] = strategy
                shown.append(f'strategy={strategy!r}')
            if counter_start is not None:
                kwargs['counter_start'] = counter_start
                shown.append(f'counter_start={counter_start}')
            if tiny:
                kwargs['hash'] = tiny_hash
                shown.append('hash=tiny_hash')
            done = [f'UrlShortener({", ".join(shown)})']
            solution = UrlShortener(**kwargs)
            model = Model(strategy, counter_start, tiny_hash if tiny else None)
            for _ in range(rng.randint(10, 30)):
                op = random_op(rng)
                if op[0] == 'advance':
                    clock[0] += op[1]
                    model.now += op[1]
                    done.append(f'{op[1]} ms pass')
                    continue
                if op[0] == 'encode':
                    what = f'encode_base62({op[1]!r})'
                    expected = encode_expected(op[1])
                    call = lambda: encode_base62(op[1])  # noqa: E731
                elif op[0] == 'decode':
                    what = f'decode_base62({op[1]!r})'
                    expected = decode_expected(op[1])
                    call = lambda: decode_base62(op[1])  # noqa: E731
                elif op[0] == 'shorten':
                    _, url, alias, ttl_ms = op
                    options = {}
                    if alias is not None:
                        options['alias'] = alias
                    if ttl_ms is not None:
                        options['ttl_ms'] = ttl_ms
                    shown_options = ''.join(f', {k}={v!r}' for k, v in options.items())
                    what = f'shorten({short(url)}{shown_options}) at {clock[0]} ms'
                    expected = model.shorten(url, alias, ttl_ms)
                    call = lambda: solution.shorten(url, **options)  # noqa: E731
                else:
                    code = op[2] if op[2] is not None else (model.issued[op[1] % len(model.issued)] if model.issued else 'zzzz')
                    what = f'resolve({code!r}) at {clock[0]} ms'
                    expected = model.resolve(code)
                    call = lambda: solution.resolve(code)  # noqa: E731
                where = f'{", ".join(done)}, {what}'
                suffix = f'(seed {seed}, scenario {scenario})'
                if expected[0] == 'error':
                    cls, words = expected[1], expected[2]
                    wanted = cls.__name__ + (f' mentioning {", ".join(short(w) for w in words)}' if words else '')
                    try:
                        got = call()
                    except Exception as err:  # noqa: BLE001 - every error is compared with the model's
                        if not isinstance(err, cls) or not all(w in str(err) for w in words):
                            self.fail(f'{where} expected {wanted}, got {type(err).__name__}: {err} {suffix}')
                        done.append(f'{what} → {cls.__name__}')
                        continue
                    self.fail(f'{where} expected {wanted}, got {short(got)} {suffix}')
                try:
                    got = call()
                except Exception as err:  # noqa: BLE001
                    self.fail(f'{where} expected {short(expected[1])}, got {type(err).__name__}: {err} {suffix}')
                if got != expected[1] or type(got) is not type(expected[1]):
                    self.fail(f'{where} expected {short(expected[1])}, got {short(got)} {suffix}')
                done.append(f'{what} → {short(got)}')


if __name__ == '__main__':
    unittest.main()
