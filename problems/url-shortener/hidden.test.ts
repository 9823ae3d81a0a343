import { expect } from 'chai';
import {
  AliasTakenError,
  Base62Error,
  CollisionError,
  InvalidAliasError,
  InvalidUrlError,
  UrlShortener,
  decodeBase62,
  encodeBase62,
} from './solution';

function expectThrow(fn: () => unknown, type: Function, what: string): Error {
  try {
    fn();
  } catch (err) {
    expect(err, `${what}: expected a ${type.name}`).to.be.instanceOf(type);
    return err as Error;
  }
  expect.fail(`${what}: expected a ${type.name}, but nothing was thrown`);
}

describe('base62', () => {
  it('orders the alphabet digits, then lowercase, then uppercase', () => {
    expect(encodeBase62(9)).to.equal('9');
    expect(encodeBase62(10), '10 is "a"').to.equal('a');
    expect(encodeBase62(35), '35 is "z"').to.equal('z');
    expect(encodeBase62(36), '36 is "A"').to.equal('A');
    expect(decodeBase62('A'), '"A" is 36, not 10: decoding is case-sensitive').to.equal(36);
  });

  it('encodes zero as the single digit "0" and decodes leading zeros', () => {
    expect(encodeBase62(0)).to.equal('0');
    expect(decodeBase62('0')).to.equal(0);
    expect(decodeBase62('007'), 'leading zeros are allowed').to.equal(7);
    const s = new UrlShortener({ counterStart: 0 });
    expect(s.shorten('https://example.com/zero'), 'counter value 0 gives code "0"').to.equal('0');
  });

  it('writes the most significant digit first without leading zeros', () => {
    expect(encodeBase62(63)).to.equal('11');
    expect(encodeBase62(124), '2*62 + 0').to.equal('20');
    expect(encodeBase62(3844), '62^2').to.equal('100');
    expect(encodeBase62(123456789)).to.equal('8m0Kx');
  });

  it('round-trips Number.MAX_SAFE_INTEGER', () => {
    expect(encodeBase62(Number.MAX_SAFE_INTEGER)).to.equal('FfGNdXsE7');
    expect(decodeBase62('FfGNdXsE7')).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('refuses to encode negative, fractional, non-finite and unsafe numbers', () => {
    for (const n of [-1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      expectThrow(() => encodeBase62(n), Base62Error, `encodeBase62(${n})`);
    }
  });

  it('refuses characters outside the alphabet and names the character', () => {
    for (const [s, bad] of [['ab-c', '-'], ['a b', ' '], ['x+y', '+'], ['caf\u00e9', '\u00e9']]) {
      const err = expectThrow(() => decodeBase62(s), Base62Error, `decodeBase62(${JSON.stringify(s)})`);
      expect(err.message, `the message names the bad character ${JSON.stringify(bad)}`).to.include(bad);
    }
  });

  it('names the number it refuses to encode', () => {
    for (const n of [-1, 1.5]) {
      const err = expectThrow(() => encodeBase62(n), Base62Error, `encodeBase62(${n})`);
      expect(err.message, `the message contains ${n}`).to.include(String(n));
    }
  });

  it('says the input is empty, or names a value that is too large, when it refuses to decode', () => {
    const empty = expectThrow(() => decodeBase62(''), Base62Error, 'decodeBase62("")');
    expect(empty.message, 'the message says the input is empty').to.match(/empty/i);
    const large = expectThrow(() => decodeBase62('FfGNdXsE8'), Base62Error, 'MAX_SAFE_INTEGER + 1');
    expect(large.message, 'the message names the input').to.include('FfGNdXsE8');
  });

  it('refuses to decode the empty string and values above Number.MAX_SAFE_INTEGER', () => {
    expectThrow(() => decodeBase62(''), Base62Error, 'decodeBase62("")');
    expectThrow(() => decodeBase62('FfGNdXsE8'), Base62Error, 'MAX_SAFE_INTEGER + 1');
    expectThrow(() => decodeBase62('10000000000'), Base62Error, '62^10');
  });
});

describe('errors', () => {
  it('sets every error\'s name to its class name', () => {
    const s = new UrlShortener({ strategy: 'hash', hash: () => 42 });
    s.shorten('https://example.com/taken', { alias: 'taken' });
    s.shorten('https://example.com/first');
    const cases: Array<[Error, string]> = [
      [expectThrow(() => decodeBase62('-'), Base62Error, 'bad base62'), 'Base62Error'],
      [expectThrow(() => s.shorten('ftp://example.com'), InvalidUrlError, 'bad URL'), 'InvalidUrlError'],
      [expectThrow(() => s.shorten('https://example.com', { alias: 'no' }), InvalidAliasError, 'bad alias'), 'InvalidAliasError'],
      [expectThrow(() => s.shorten('https://example.com', { alias: 'taken' }), AliasTakenError, 'taken alias'), 'AliasTakenError'],
      [expectThrow(() => s.shorten('https://example.com/second'), CollisionError, 'all collide'), 'CollisionError'],
    ];
    for (const [err, name] of cases) expect(err.name, `name of a ${name}`).to.equal(name);
  });
});

describe('options', () => {
  it('rejects an unknown strategy with RangeError naming strategy', () => {
    expect(() => new UrlShortener({ strategy: 'random' as 'counter' })).to.throw(RangeError, /strategy/);
  });

  it('rejects a counterStart that is not a non-negative safe integer with RangeError naming counterStart', () => {
    for (const counterStart of [-1, 1.5, NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => new UrlShortener({ counterStart }), `counterStart ${counterStart}`).to.throw(RangeError, /counterStart/);
    }
    expect(new UrlShortener({ counterStart: 0 }).shorten('https://example.com'), 'counterStart 0 is allowed').to.equal('0');
  });
});

describe('URL validation', () => {
  it('rejects anything that is not an http or https URL', () => {
    const s = new UrlShortener();
    for (const url of ['ftp://example.com/f', 'javascript:alert(1)', 'mailto:a@example.com', 'data:text/plain,hi',
      'file:///etc/passwd', 'not a url', '', 'example.com/path']) {
      expectThrow(() => s.shorten(url), InvalidUrlError, `shorten(${JSON.stringify(url)})`);
    }
  });

  it('rejects a URL object: only a string is a long URL', () => {
    const s = new UrlShortener();
    const url = new URL('https://example.com/a');
    expectThrow(() => s.shorten(url as unknown as string), InvalidUrlError, 'a URL object');
    expect(s.shorten('https://example.com/a'), 'nothing was stored for the URL object').to.equal('1');
  });

  it('says why a URL is refused: the 2048 limit, the unparsable string, or the protocol', () => {
    const s = new UrlShortener();
    const long = 'https://example.com/' + 'a'.repeat(2048);
    expect(expectThrow(() => s.shorten(long), InvalidUrlError, 'too long').message, 'names the limit').to.match(/\b2048\b/);
    expect(expectThrow(() => s.shorten('not a url'), InvalidUrlError, 'unparsable').message, 'contains the string').to.include('not a url');
    expect(expectThrow(() => s.shorten('ftp://example.com/f'), InvalidUrlError, 'ftp').message, 'names the protocol').to.include('ftp:');
  });

  it('stores the URL exactly as given, without normalising it', () => {
    const s = new UrlShortener();
    const url = 'HTTPS://Example.COM:8443/Path?q=1#frag';
    expect(s.resolve(s.shorten(url))).to.equal(url);
    const plain = 'http://example.com';
    expect(s.resolve(s.shorten(plain)), 'no trailing slash added').to.equal(plain);
  });

  it('accepts a URL of exactly 2048 characters and rejects 2049', () => {
    const s = new UrlShortener();
    const prefix = 'https://example.com/';
    const ok = prefix + 'a'.repeat(2048 - prefix.length);
    expect(s.resolve(s.shorten(ok)), 'a 2048-character URL is allowed').to.equal(ok);
    expectThrow(() => s.shorten(ok + 'a'), InvalidUrlError, 'a 2049-character URL');
  });
});

describe('counter codes and reuse', () => {
  it('reuses the permanent code for the very same URL string only', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com/a')).to.equal('1');
    expect(s.shorten('https://example.com/a'), 'same URL, same code').to.equal('1');
    expect(s.shorten('https://example.com/a/'), 'a different string is a different URL').to.equal('2');
  });

  it('gives every link with a TTL its own code and never reuses it', () => {
    const s = new UrlShortener({ now: () => 0 });
    const url = 'https://example.com/a';
    expect(s.shorten(url, { ttlMs: 5000 })).to.equal('1');
    expect(s.shorten(url), 'a permanent link does not reuse a TTL link').to.equal('2');
    expect(s.shorten(url), 'the permanent link is reused').to.equal('2');
    expect(s.shorten(url, { ttlMs: 5000 }), 'a TTL link never reuses the permanent one').to.equal('3');
  });

  it('never reuses an aliased link for a plain request', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com/a', { alias: 'mine' })).to.equal('mine');
    expect(s.shorten('https://example.com/a'), 'a generated code, not the alias').to.equal('1');
  });

  it('skips a counter code already taken as an alias instead of overwriting it', () => {
    const s = new UrlShortener({ counterStart: decodeBase62('abcd') });
    s.shorten('https://example.com/alias', { alias: 'abcd' });
    expect(s.shorten('https://example.com/next'), 'the taken "abcd" is skipped').to.equal('abce');
    expect(s.resolve('abcd'), 'the alias still points where it did').to.equal('https://example.com/alias');
  });

  it('skips counter codes that are reserved words, in any case', () => {
    const s = new UrlShortener({ counterStart: decodeBase62('admin') });
    expect(s.shorten('https://example.com/a'), '"admin" is reserved').to.equal('admio');
    const t = new UrlShortener({ counterStart: decodeBase62('LOGIN') });
    expect(t.shorten('https://example.com/a'), '"LOGIN" is reserved case-insensitively').to.equal('LOGIO');
    for (const word of ['api', 'about', 'health', 'static']) {
      const u = new UrlShortener({ counterStart: decodeBase62(word) });
      const next = encodeBase62(decodeBase62(word) + 1);
      expect(u.shorten('https://example.com/a'), `"${word}" is reserved`).to.equal(next);
    }
  });

  it('does not consume a counter value when shorten fails', () => {
    const s = new UrlShortener();
    expectThrow(() => s.shorten('ftp://example.com'), InvalidUrlError, 'bad URL');
    expectThrow(() => s.shorten('https://example.com', { alias: 'no' }), InvalidAliasError, 'short alias');
    expectThrow(() => s.shorten('https://example.com', { ttlMs: 0 }), RangeError, 'zero TTL');
    expect(s.shorten('https://example.com/a'), 'the first successful code is still "1"').to.equal('1');
  });
});

describe('custom aliases', () => {
  it('accepts 4 to 30 characters and rejects 3 or 31', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com', { alias: 'abcd' })).to.equal('abcd');
    expect(s.shorten('https://example.com', { alias: 'x'.repeat(30) })).to.equal('x'.repeat(30));
    expectThrow(() => s.shorten('https://example.com', { alias: 'abc' }), InvalidAliasError, '3 characters');
    expectThrow(() => s.shorten('https://example.com', { alias: 'y'.repeat(31) }), InvalidAliasError, '31 characters');
  });

  it('accepts letters, digits, "_" and "-" only', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com', { alias: 'Under_score-9' })).to.equal('Under_score-9');
    for (const alias of ['has space', 'sl/sh', 'dot.dot', 'caf\u00e9s', 'new\nline', 'q?x=1']) {
      expectThrow(() => s.shorten('https://example.com', { alias }), InvalidAliasError, JSON.stringify(alias));
    }
  });

  it('rejects an alias that is not a string, even one that looks like digits', () => {
    const s = new UrlShortener();
    expectThrow(() => s.shorten('https://example.com', { alias: 12345 as unknown as string }), InvalidAliasError, 'alias 12345');
    expect(s.resolve('12345'), 'nothing was stored').to.equal(null);
  });

  it('names the alias it refuses as malformed or reserved', () => {
    const s = new UrlShortener();
    for (const alias of ['sl/sh', 'Admin']) {
      const err = expectThrow(() => s.shorten('https://example.com', { alias }), InvalidAliasError, alias);
      expect(err.message, `the message names ${alias}`).to.include(alias);
    }
  });

  it('rejects reserved words whatever their case', () => {
    const s = new UrlShortener();
    for (const alias of ['admin', 'Admin', 'HEALTH', 'login', 'Static', 'about']) {
      expectThrow(() => s.shorten('https://example.com', { alias }), InvalidAliasError, alias);
    }
  });

  it('refuses a taken alias, names it, and keeps the first link', () => {
    const s = new UrlShortener();
    s.shorten('https://example.com/first', { alias: 'promo' });
    const err = expectThrow(() => s.shorten('https://example.com/second', { alias: 'promo' }), AliasTakenError, 'taken');
    expect(err.message, 'the message names the alias').to.include('promo');
    expect(s.resolve('promo')).to.equal('https://example.com/first');
  });

  it('treats aliases as case-sensitive', () => {
    const s = new UrlShortener();
    s.shorten('https://example.com/upper', { alias: 'Promo' });
    s.shorten('https://example.com/lower', { alias: 'promo' });
    expect(s.resolve('Promo')).to.equal('https://example.com/upper');
    expect(s.resolve('promo')).to.equal('https://example.com/lower');
    expect(s.resolve('PROMO'), 'no case folding on resolve').to.equal(null);
  });

  it('refuses an alias equal to a code the counter already issued', () => {
    const s = new UrlShortener({ counterStart: decodeBase62('abcd') });
    expect(s.shorten('https://example.com/a')).to.equal('abcd');
    expectThrow(() => s.shorten('https://example.com/b', { alias: 'abcd' }), AliasTakenError, 'generated code');
    expect(s.resolve('abcd')).to.equal('https://example.com/a');
  });

  it('never hands out an expired alias again', () => {
    let t = 0;
    const s = new UrlShortener({ now: () => t });
    s.shorten('https://example.com/old', { alias: 'sale', ttlMs: 10 });
    t = 100;
    expect(s.resolve('sale'), 'expired').to.equal(null);
    expectThrow(() => s.shorten('https://example.com/new', { alias: 'sale' }), AliasTakenError, 'expired alias');
    expect(s.resolve('sale'), 'still not pointing at the new URL').to.equal(null);
  });
});

describe('expiry', () => {
  it('counts the TTL from creation, stays expired, and never expires links without a TTL', () => {
    let t = 5000;
    const s = new UrlShortener({ now: () => t });
    const code = s.shorten('https://example.com/x', { ttlMs: 100 });
    t = 5099;
    expect(s.resolve(code), 'live at created + ttl - 1').to.equal('https://example.com/x');
    t = 5100;
    expect(s.resolve(code), 'expired at created + ttl').to.equal(null);
    const forever = s.shorten('https://example.com/forever');
    t = 10 ** 12;
    expect(s.resolve(code), 'still expired much later').to.equal(null);
    expect(s.resolve(forever), 'a link without ttlMs never expires').to.equal('https://example.com/forever');
  });

  it('rejects a TTL that is not a positive integer', () => {
    const s = new UrlShortener();
    for (const ttlMs of [0, -5, 1.5, NaN, Infinity]) {
      expectThrow(() => s.shorten('https://example.com', { ttlMs }), RangeError, `ttlMs ${ttlMs}`);
    }
  });

  it('names ttlMs when it rejects one', () => {
    const s = new UrlShortener();
    expect(() => s.shorten('https://example.com', { ttlMs: -5 })).to.throw(RangeError, /ttlMs/);
  });

  it('returns null instead of throwing for codes that are not base62', () => {
    const s = new UrlShortener();
    for (const code of ['', '***', 'a b', '../etc']) {
      expect(s.resolve(code), `resolve(${JSON.stringify(code)})`).to.equal(null);
    }
  });
});

describe('hash strategy', () => {
  it('uses FNV-1a by default and pads codes to 6 characters', () => {
    const s = new UrlShortener({ strategy: 'hash' });
    expect(s.shorten('https://example.com/a')).to.equal('01EW6z');
    expect(s.shorten('https://example.com/long/path')).to.equal('1Xz3Fe');
    expect(s.shorten('https://example.com/a'), 'the permanent link is reused').to.equal('01EW6z');
  });

  it('probes with the salted input on a collision', () => {
    const byLength = (input: string) => input.length;
    const s = new UrlShortener({ strategy: 'hash', hash: byLength });
    expect(s.shorten('http://a.co/x'), 'length 13').to.equal('00000d');
    expect(s.shorten('http://a.co/y'), 'collides, so hashes "http://a.co/y#1" (length 15)').to.equal('00000f');
    expect(s.resolve('00000d')).to.equal('http://a.co/x');
    expect(s.resolve('00000f')).to.equal('http://a.co/y');
  });

  it('probes when the hashed code belongs to an expired link', () => {
    let t = 0;
    const s = new UrlShortener({ strategy: 'hash', now: () => t });
    expect(s.shorten('https://example.com/a', { ttlMs: 10 })).to.equal('01EW6z');
    t = 50;
    expect(s.shorten('https://example.com/a'), 'the expired code is not reissued; "#1" is hashed').to.equal('4ekypp');
  });

  it('makes exactly 8 attempts, salts #1 to #7, then throws CollisionError', () => {
    const freeOn = (salt: string) => (input: string) => (input.endsWith(salt) ? 100 : 42);
    const s = new UrlShortener({ strategy: 'hash', hash: freeOn('#7') });
    expect(s.shorten('https://example.com/a')).to.equal('00000G');
    expect(s.shorten('https://example.com/b'), 'the 8th attempt hashes "...#7"').to.equal('00001C');

    const t = new UrlShortener({ strategy: 'hash', hash: freeOn('#8') });
    t.shorten('https://example.com/a');
    const err = expectThrow(() => t.shorten('https://example.com/b'), CollisionError, 'all 8 attempts collide');
    expect(err.message, 'the message names the long URL').to.include('https://example.com/b');
    expect(t.resolve('00000G'), 'the first link is untouched').to.equal('https://example.com/a');
    expect(t.resolve('00001C'), 'nothing was stored for the failed call').to.equal(null);
  });
});
