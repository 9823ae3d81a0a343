import unittest

from solution import UrlShortener, decode_base62, encode_base62


class ExamplesTest(unittest.TestCase):
    """url shortener: examples"""

    def test_encodes_small_numbers(self):
        """encodes small numbers with the stated alphabet"""
        self.assertEqual(encode_base62(0), '0', '0 encodes as "0"')
        self.assertEqual(encode_base62(61), 'Z', '61 is the last digit, "Z"')
        self.assertEqual(encode_base62(62), '10', '62 needs two digits')

    def test_decodes_what_it_encodes(self):
        """decodes what it encodes"""
        for n in [0, 1, 62, 3843, 123456789]:
            with self.subTest(n=n):
                self.assertEqual(decode_base62(encode_base62(n)), n, f'round trip of {n}')

    def test_counter_codes(self):
        """hands out counter codes 1, 2, ... and resolves them"""
        s = UrlShortener()
        a = s.shorten('https://example.com/a')
        b = s.shorten('https://example.com/b')
        self.assertEqual([a, b], ['1', '2'], 'the counter starts at 1')
        self.assertEqual(s.resolve(a), 'https://example.com/a')
        self.assertEqual(s.resolve(b), 'https://example.com/b')

    def test_custom_alias(self):
        """uses a valid custom alias as the code"""
        s = UrlShortener()
        self.assertEqual(s.shorten('https://example.com/a', alias='my-link'), 'my-link')
        self.assertEqual(s.resolve('my-link'), 'https://example.com/a')

    def test_expiry(self):
        """expires a link ttl_ms after it was created"""
        t = 0
        s = UrlShortener(now=lambda: t)
        code = s.shorten('https://example.com/sale', ttl_ms=1000)
        t = 999
        self.assertEqual(s.resolve(code), 'https://example.com/sale', 'still live 1 ms before expiry')
        t = 1000
        self.assertIsNone(s.resolve(code), 'expired at exactly created + ttl_ms')

    def test_unknown_code(self):
        """returns None for a code that was never issued"""
        self.assertIsNone(UrlShortener().resolve('nope'))


if __name__ == '__main__':
    unittest.main()
