import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, expectThrow, messageHasPart } from 'rehearse-test';
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

function thrownBy(fn: () => unknown, type: Function, what: string): Error {
  try {
    fn();
  } catch (err) {
    expect(err, `${what}: expected a ${type.name}`).to.be.instanceOf(type);
    return err as Error;
  }
  expect.fail(`${what}: expected a ${type.name}, but nothing was thrown`);
}

describe('base62', () => {
  it('[R1 encodeBase62, decodeBase62] orders the alphabet digits, then lowercase, then uppercase', () => {
    expect(encodeBase62(9)).to.equal('9');
    expect(encodeBase62(10), '10 is "a"').to.equal('a');
    expect(encodeBase62(35), '35 is "z"').to.equal('z');
    expect(encodeBase62(36), '36 is "A"').to.equal('A');
    expect(decodeBase62('A'), '"A" is 36, not 10: decoding is case-sensitive').to.equal(36);
  });

  it('[R2][R4] encodes zero as the single digit "0" and decodes leading zeros', () => {
    expect(encodeBase62(0)).to.equal('0');
    expect(decodeBase62('0')).to.equal(0);
    expect(decodeBase62('007'), 'leading zeros are allowed').to.equal(7);
    const s = new UrlShortener({ counterStart: 0 });
    expect(s.shorten('https://example.com/zero'), 'counter value 0 gives code "0"').to.equal('0');
  });

  it('[R2] writes the most significant digit first without leading zeros', () => {
    expect(encodeBase62(63)).to.equal('11');
    expect(encodeBase62(124), '2*62 + 0').to.equal('20');
    expect(encodeBase62(3844), '62^2').to.equal('100');
    expect(encodeBase62(123456789)).to.equal('8m0Kx');
  });

  it('[R2][R4] round-trips Number.MAX_SAFE_INTEGER', () => {
    expect(encodeBase62(Number.MAX_SAFE_INTEGER)).to.equal('FfGNdXsE7');
    expect(decodeBase62('FfGNdXsE7')).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('[R3] refuses to encode negative, fractional, non-finite and unsafe numbers', () => {
    for (const n of [-1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      thrownBy(() => encodeBase62(n), Base62Error, `encodeBase62(${n})`);
    }
  });

  it('[R5] refuses characters outside the alphabet and names the character', () => {
    for (const [s, bad] of [['ab-c', '-'], ['a b', ' '], ['x+y', '+'], ['caf\u00e9', '\u00e9']]) {
      const err = thrownBy(() => decodeBase62(s), Base62Error, `decodeBase62(${JSON.stringify(s)})`);
      expectMessage(err, [bad], `the message names the bad character ${JSON.stringify(bad)}`);
    }
  });

  it('[R3] names the number it refuses to encode', () => {
    for (const n of [-1, 1.5]) {
      const err = thrownBy(() => encodeBase62(n), Base62Error, `encodeBase62(${n})`);
      expectMessage(err, [String(n)], `the message contains ${n}`);
    }
  });

  it('[R5] says the input is empty, or names a value that is too large, when it refuses to decode', () => {
    const empty = thrownBy(() => decodeBase62(''), Base62Error, 'decodeBase62("")');
    expectMessage(empty, ['empty'], 'the message says the input is empty');
    const large = thrownBy(() => decodeBase62('FfGNdXsE8'), Base62Error, 'MAX_SAFE_INTEGER + 1');
    expectMessage(large, ['FfGNdXsE8'], 'the message names the input');
  });

  it('[R5] refuses to decode the empty string and values above Number.MAX_SAFE_INTEGER', () => {
    thrownBy(() => decodeBase62(''), Base62Error, 'decodeBase62("")');
    thrownBy(() => decodeBase62('FfGNdXsE8'), Base62Error, 'MAX_SAFE_INTEGER + 1');
    thrownBy(() => decodeBase62('10000000000'), Base62Error, '62^10');
  });
});

describe('errors', () => {
  it('[R23] sets every error\'s name to its class name', () => {
    const s = new UrlShortener({ strategy: 'hash', hash: () => 42 });
    s.shorten('https://example.com/taken', { alias: 'taken' });
    s.shorten('https://example.com/first');
    const cases: Array<[Error, string]> = [
      [thrownBy(() => decodeBase62('-'), Base62Error, 'bad base62'), 'Base62Error'],
      [thrownBy(() => s.shorten('ftp://example.com'), InvalidUrlError, 'bad URL'), 'InvalidUrlError'],
      [thrownBy(() => s.shorten('https://example.com', { alias: 'no' }), InvalidAliasError, 'bad alias'), 'InvalidAliasError'],
      [thrownBy(() => s.shorten('https://example.com', { alias: 'taken' }), AliasTakenError, 'taken alias'), 'AliasTakenError'],
      [thrownBy(() => s.shorten('https://example.com/second'), CollisionError, 'all collide'), 'CollisionError'],
    ];
    for (const [err, name] of cases) expect(err.name, `name of a ${name}`).to.equal(name);
  });
});

describe('options', () => {
  it('[R6] rejects an unknown strategy with RangeError naming strategy', () => {
    expectThrow(() => new UrlShortener({ strategy: 'random' as 'counter' }), RangeError, ['strategy']);
  });

  it('[R7] rejects a counterStart that is not a non-negative safe integer with RangeError naming counterStart', () => {
    for (const counterStart of [-1, 1.5, NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expectThrow(() => new UrlShortener({ counterStart }), RangeError, ['counterStart'], `counterStart ${counterStart}`);
    }
    expect(new UrlShortener({ counterStart: 0 }).shorten('https://example.com'), 'counterStart 0 is allowed').to.equal('0');
  });
});

describe('URL validation', () => {
  it('[R10] rejects anything that is not an http or https URL', () => {
    const s = new UrlShortener();
    for (const url of ['ftp://example.com/f', 'javascript:alert(1)', 'mailto:a@example.com', 'data:text/plain,hi',
      'file:///etc/passwd', 'not a url', '', 'example.com/path']) {
      thrownBy(() => s.shorten(url), InvalidUrlError, `shorten(${JSON.stringify(url)})`);
    }
  });

  it('[R10] rejects a URL object: only a string is a long URL', () => {
    const s = new UrlShortener();
    const url = new URL('https://example.com/a');
    thrownBy(() => s.shorten(url as unknown as string), InvalidUrlError, 'a URL object');
    expect(s.shorten('https://example.com/a'), 'nothing was stored for the URL object').to.equal('1');
  });

  it('[R10] says why a URL is refused: the 2048 limit, the unparsable string, or the protocol', () => {
    const s = new UrlShortener();
    const long = 'https://example.com/' + 'a'.repeat(2048);
    expectMessage(thrownBy(() => s.shorten(long), InvalidUrlError, 'too long'), ['2048'], 'names the limit');
    expectMessage(thrownBy(() => s.shorten('not a url'), InvalidUrlError, 'unparsable'), ['not a url'], 'contains the string');
    expectMessage(thrownBy(() => s.shorten('ftp://example.com/f'), InvalidUrlError, 'ftp'), ['ftp:'], 'names the protocol');
  });

  it('[R11] stores the URL exactly as given, without normalising it', () => {
    const s = new UrlShortener();
    const url = 'HTTPS://Example.COM:8443/Path?q=1#frag';
    expect(s.resolve(s.shorten(url))).to.equal(url);
    const plain = 'http://example.com';
    expect(s.resolve(s.shorten(plain)), 'no trailing slash added').to.equal(plain);
  });

  it('[R10] accepts a URL of exactly 2048 characters and rejects 2049', () => {
    const s = new UrlShortener();
    const prefix = 'https://example.com/';
    const ok = prefix + 'a'.repeat(2048 - prefix.length);
    expect(s.resolve(s.shorten(ok)), 'a 2048-character URL is allowed').to.equal(ok);
    thrownBy(() => s.shorten(ok + 'a'), InvalidUrlError, 'a 2049-character URL');
  });
});

describe('counter codes and reuse', () => {
  it('[R15] reuses the permanent code for the very same URL string only', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com/a')).to.equal('1');
    expect(s.shorten('https://example.com/a'), 'same URL, same code').to.equal('1');
    expect(s.shorten('https://example.com/a/'), 'a different string is a different URL').to.equal('2');
  });

  it('[R15] gives every link with a TTL its own code and never reuses it', () => {
    const s = new UrlShortener({ now: () => 0 });
    const url = 'https://example.com/a';
    expect(s.shorten(url, { ttlMs: 5000 })).to.equal('1');
    expect(s.shorten(url), 'a permanent link does not reuse a TTL link').to.equal('2');
    expect(s.shorten(url), 'the permanent link is reused').to.equal('2');
    expect(s.shorten(url, { ttlMs: 5000 }), 'a TTL link never reuses the permanent one').to.equal('3');
  });

  it('[R15] never reuses an aliased link for a plain request', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com/a', { alias: 'mine' })).to.equal('mine');
    expect(s.shorten('https://example.com/a'), 'a generated code, not the alias').to.equal('1');
  });

  it('[R8][R16] skips a counter code already taken as an alias instead of overwriting it', () => {
    const s = new UrlShortener({ counterStart: decodeBase62('abcd') });
    s.shorten('https://example.com/alias', { alias: 'abcd' });
    expect(s.shorten('https://example.com/next'), 'the taken "abcd" is skipped').to.equal('abce');
    expect(s.resolve('abcd'), 'the alias still points where it did').to.equal('https://example.com/alias');
  });

  it('[R9][R16] skips counter codes that are reserved words, in any case', () => {
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

  it('[R20] does not consume a counter value when shorten fails', () => {
    const s = new UrlShortener();
    thrownBy(() => s.shorten('ftp://example.com'), InvalidUrlError, 'bad URL');
    thrownBy(() => s.shorten('https://example.com', { alias: 'no' }), InvalidAliasError, 'short alias');
    thrownBy(() => s.shorten('https://example.com', { ttlMs: 0 }), RangeError, 'zero TTL');
    expect(s.shorten('https://example.com/a'), 'the first successful code is still "1"').to.equal('1');
  });
});

describe('custom aliases', () => {
  it('[R13] accepts 4 to 30 characters and rejects 3 or 31', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com', { alias: 'abcd' })).to.equal('abcd');
    expect(s.shorten('https://example.com', { alias: 'x'.repeat(30) })).to.equal('x'.repeat(30));
    thrownBy(() => s.shorten('https://example.com', { alias: 'abc' }), InvalidAliasError, '3 characters');
    thrownBy(() => s.shorten('https://example.com', { alias: 'y'.repeat(31) }), InvalidAliasError, '31 characters');
  });

  it('[R13] accepts letters, digits, "_" and "-" only', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com', { alias: 'Under_score-9' })).to.equal('Under_score-9');
    for (const alias of ['has space', 'sl/sh', 'dot.dot', 'caf\u00e9s', 'new\nline', 'q?x=1']) {
      thrownBy(() => s.shorten('https://example.com', { alias }), InvalidAliasError, JSON.stringify(alias));
    }
  });

  it('[R13] rejects an alias that is not a string, even one that looks like digits', () => {
    const s = new UrlShortener();
    thrownBy(() => s.shorten('https://example.com', { alias: 12345 as unknown as string }), InvalidAliasError, 'alias 12345');
    expect(s.resolve('12345'), 'nothing was stored').to.equal(null);
  });

  it('[R13] names the alias it refuses as malformed or reserved', () => {
    const s = new UrlShortener();
    for (const alias of ['sl/sh', 'Admin']) {
      const err = thrownBy(() => s.shorten('https://example.com', { alias }), InvalidAliasError, alias);
      expectMessage(err, [alias], `the message names ${alias}`);
    }
  });

  it('[R9][R13] rejects reserved words whatever their case', () => {
    const s = new UrlShortener();
    for (const alias of ['admin', 'Admin', 'HEALTH', 'login', 'Static', 'about']) {
      thrownBy(() => s.shorten('https://example.com', { alias }), InvalidAliasError, alias);
    }
  });

  it('[R14][R20] refuses a taken alias, names it, and keeps the first link', () => {
    const s = new UrlShortener();
    s.shorten('https://example.com/first', { alias: 'promo' });
    const err = thrownBy(() => s.shorten('https://example.com/second', { alias: 'promo' }), AliasTakenError, 'taken');
    expectMessage(err, ['promo'], 'the message names the alias');
    expect(s.resolve('promo')).to.equal('https://example.com/first');
  });

  it('[R14] treats aliases as case-sensitive', () => {
    const s = new UrlShortener();
    s.shorten('https://example.com/upper', { alias: 'Promo' });
    s.shorten('https://example.com/lower', { alias: 'promo' });
    expect(s.resolve('Promo')).to.equal('https://example.com/upper');
    expect(s.resolve('promo')).to.equal('https://example.com/lower');
    expect(s.resolve('PROMO'), 'no case folding on resolve').to.equal(null);
  });

  it('[R8][R14] refuses an alias equal to a code the counter already issued', () => {
    const s = new UrlShortener({ counterStart: decodeBase62('abcd') });
    expect(s.shorten('https://example.com/a')).to.equal('abcd');
    thrownBy(() => s.shorten('https://example.com/b', { alias: 'abcd' }), AliasTakenError, 'generated code');
    expect(s.resolve('abcd')).to.equal('https://example.com/a');
  });

  it('[R8][R14] never hands out an expired alias again', () => {
    let t = 0;
    const s = new UrlShortener({ now: () => t });
    s.shorten('https://example.com/old', { alias: 'sale', ttlMs: 10 });
    t = 100;
    expect(s.resolve('sale'), 'expired').to.equal(null);
    thrownBy(() => s.shorten('https://example.com/new', { alias: 'sale' }), AliasTakenError, 'expired alias');
    expect(s.resolve('sale'), 'still not pointing at the new URL').to.equal(null);
  });
});

describe('expiry', () => {
  it('[R21] counts the TTL from creation, stays expired, and never expires links without a TTL', () => {
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

  it('[R12] rejects a TTL that is not a positive integer', () => {
    const s = new UrlShortener();
    for (const ttlMs of [0, -5, 1.5, NaN, Infinity]) {
      thrownBy(() => s.shorten('https://example.com', { ttlMs }), RangeError, `ttlMs ${ttlMs}`);
    }
  });

  it('[R12] names ttlMs when it rejects one', () => {
    const s = new UrlShortener();
    expectThrow(() => s.shorten('https://example.com', { ttlMs: -5 }), RangeError, ['ttlMs']);
  });

  it('[R22] returns null instead of throwing for codes that are not base62', () => {
    const s = new UrlShortener();
    for (const code of ['', '***', 'a b', '../etc']) {
      expect(s.resolve(code), `resolve(${JSON.stringify(code)})`).to.equal(null);
    }
  });
});

describe('hash strategy', () => {
  it('[R17][R19] uses FNV-1a by default and pads codes to 6 characters', () => {
    const s = new UrlShortener({ strategy: 'hash' });
    expect(s.shorten('https://example.com/a')).to.equal('01EW6z');
    expect(s.shorten('https://example.com/long/path')).to.equal('1Xz3Fe');
    expect(s.shorten('https://example.com/a'), 'the permanent link is reused').to.equal('01EW6z');
  });

  it('[R17] probes with the salted input on a collision', () => {
    const byLength = (input: string) => input.length;
    const s = new UrlShortener({ strategy: 'hash', hash: byLength });
    expect(s.shorten('http://a.co/x'), 'length 13').to.equal('00000d');
    expect(s.shorten('http://a.co/y'), 'collides, so hashes "http://a.co/y#1" (length 15)').to.equal('00000f');
    expect(s.resolve('00000d')).to.equal('http://a.co/x');
    expect(s.resolve('00000f')).to.equal('http://a.co/y');
  });

  it('[R8][R17] probes when the hashed code belongs to an expired link', () => {
    let t = 0;
    const s = new UrlShortener({ strategy: 'hash', now: () => t });
    expect(s.shorten('https://example.com/a', { ttlMs: 10 })).to.equal('01EW6z');
    t = 50;
    expect(s.shorten('https://example.com/a'), 'the expired code is not reissued; "#1" is hashed').to.equal('4ekypp');
  });

  it('[R17][R18] makes exactly 8 attempts, salts #1 to #7, then throws CollisionError', () => {
    const freeOn = (salt: string) => (input: string) => (input.endsWith(salt) ? 100 : 42);
    const s = new UrlShortener({ strategy: 'hash', hash: freeOn('#7') });
    expect(s.shorten('https://example.com/a')).to.equal('00000G');
    expect(s.shorten('https://example.com/b'), 'the 8th attempt hashes "...#7"').to.equal('00001C');

    const t = new UrlShortener({ strategy: 'hash', hash: freeOn('#8') });
    t.shorten('https://example.com/a');
    const err = thrownBy(() => t.shorten('https://example.com/b'), CollisionError, 'all 8 attempts collide');
    expectMessage(err, ['https://example.com/b'], 'the message names the long URL');
    expect(t.resolve('00000G'), 'the first link is untouched').to.equal('https://example.com/a');
    expect(t.resolve('00001C'), 'nothing was stored for the failed call').to.equal(null);
  });
});

describe('more rules', () => {
  it('[R24] checks the URL before ttlMs and ttlMs before the alias', () => {
    const s = new UrlShortener();
    thrownBy(() => s.shorten('ftp://e.com', { ttlMs: -1, alias: 'x' }), InvalidUrlError, 'bad URL, TTL and alias');
    thrownBy(() => s.shorten('https://e.com', { ttlMs: 0, alias: 'x' }), RangeError, 'bad TTL and alias');
    expect(s.shorten('https://e.com'), 'nothing was used up').to.equal('1');
  });

  it('[R16] starts at counterStart, including 0, and skips reserved and taken codes from there', () => {
    const zero = new UrlShortener({ counterStart: 0 });
    expect([zero.shorten('https://e.com/a'), zero.shorten('https://e.com/b')]).to.deep.equal(['0', '1']);
    // 'api' is 40008 in base62: a counter starting just below it must skip it.
    const s = new UrlShortener({ counterStart: 40007 });
    expect([s.shorten('https://e.com/a'), s.shorten('https://e.com/b')]).to.deep.equal(['aph', 'apj']);
  });

  it('[R21] uses the injected clock for creation and for resolving, not Date.now', () => {
    let t = 1_000_000;
    const s = new UrlShortener({ now: () => t });
    const code = s.shorten('https://e.com/x', { ttlMs: 10 });
    t += 9;
    expect(s.resolve(code), 'live 9 ms later').to.equal('https://e.com/x');
    t += 1;
    expect(s.resolve(code), 'expired at exactly ttlMs').to.equal(null);
  });

  it('[R12] rejects a TTL above Number.MAX_SAFE_INTEGER or given as a string', () => {
    const s = new UrlShortener();
    for (const ttlMs of [Number.MAX_SAFE_INTEGER + 1, '10' as unknown as number, Infinity]) {
      thrownBy(() => s.shorten('https://e.com', { ttlMs }), RangeError, `ttlMs ${String(ttlMs)}`);
    }
    expect(s.shorten('https://e.com', { ttlMs: Number.MAX_SAFE_INTEGER - 1_000_000 }), 'a huge but safe TTL').to.equal('1');
  });

  it('[R20] stores nothing when the hash strategy runs out of attempts', () => {
    const s = new UrlShortener({ strategy: 'hash', hash: () => 5 });
    expect(s.shorten('https://e.com/a')).to.equal('000005');
    thrownBy(() => s.shorten('https://e.com/b'), CollisionError, 'every attempt collides');
    expect(s.shorten('https://e.com/b', { alias: 'b-link' }), 'the alias path still works').to.equal('b-link');
    thrownBy(() => s.shorten('https://e.com/b'), CollisionError, 'still colliding, and nothing was stored the first time');
  });
});

describe('[model] random sequences of every operation agree with a small model', () => {
  const ALPHA = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const enc = (n: number): string => {
    let out = '';
    do {
      out = ALPHA[n % 62] + out;
      n = Math.floor(n / 62);
    } while (n > 0);
    return out;
  };
  const dec = (x: string): number => [...x].reduce((n, ch) => n * 62 + ALPHA.indexOf(ch), 0);
  const fnv = (str: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193) >>> 0;
    return h >>> 0;
  };
  const RESERVED = ['admin', 'api', 'about', 'health', 'login', 'static'];
  const LONG = `https://e.com/${'x'.repeat(2048 - 'https://e.com/'.length)}`;
  const URLS = ['https://e.com/a', 'https://e.com/b', 'https://E.com/a', 'http://x.org', LONG, 'https://h.io/health', `${LONG}y`, 'ftp://e.com', 'not a url'];
  // A tiny hash (8 codes) makes collisions, probing and CollisionError common; one URL hashes onto 'health'.
  const tinyHash = (x: string): number => (x === 'https://h.io/health' ? dec('health') : fnv(x) % 8);
  type Setup = { strategy: 'counter' | 'hash' | undefined; counterStart: number | undefined; tiny: boolean };
  type Op =
    | { op: 'shorten'; url: string; alias: string | undefined; ttlMs: number | undefined }
    | { op: 'resolve'; pick: number; other: string | undefined }
    | { op: 'advance'; ms: number }
    | { op: 'encode'; n: number }
    | { op: 'decode'; text: string };
  const setupArb: fc.Arbitrary<Setup> = fc.record({
    strategy: fc.constantFrom<Setup['strategy']>(undefined, 'counter', 'hash'),
    // 40007 runs into 'api' (40008); 238327 runs into the 4-character codes '1000', '1001' that aliases can take.
    counterStart: fc.constantFrom(undefined, 0, 1, 61, 40007, 238327),
    tiny: fc.boolean(),
  });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('shorten' as const),
        url: fc.constantFrom(...URLS),
        alias: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom('promo', 'Promo', '1000', '1001', 'my_link-2', 'abc', 'x'.repeat(30), 'y'.repeat(31), 'API', 'Health', 'has space', '000005') }),
        ttlMs: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom(1, 5, 10) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5) }),
      }),
    },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('resolve' as const), pick: fc.nat(9), other: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('', 'zzzz', '!!', 'api', '1000', '000005', 'promo') }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('encode' as const),
        n: fc.oneof(fc.maxSafeNat(), fc.constantFrom(0, 61, 62, 3843, 3844, Number.MAX_SAFE_INTEGER, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity)),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('decode' as const),
        text: fc.oneof(
          fc.string({ unit: fc.constantFrom(...ALPHA), minLength: 1, maxLength: 10 }),
          // 'fFFFFFFFF' is MAX_SAFE_INTEGER; 'fFFFFFFFG' is one more.
          fc.constantFrom('', '0', '007', 'Z', 'fFFFFFFFF', 'fFFFFFFFG', '0fFFFFFFFF', 'ZZZZZZZZZZ', 'ab-c', ' 1', '1é'),
        ),
      }),
    },
  );

  type Expected = { value: unknown } | { error: string; accepts: (e: unknown) => boolean };
  const err = (type: Function, ...words: string[]): Expected => ({
    error: `${type.name} mentioning ${words.map((w) => JSON.stringify(w.length > 30 ? `${w.slice(0, 30)}…` : w)).join(' and ')}`,
    accepts: (e) => e instanceof type && (e as Error).name === type.name && words.every((w) => messageHasPart((e as Error).message, w)),
  });

  class Model {
    now = 0;
    counter: number;
    links = new Map<string, { url: string; expiresAt: number | null }>();
    permanent = new Map<string, string>();
    issued: string[] = [];
    constructor(readonly setup: Setup) {
      this.counter = setup.counterStart ?? 1;
    }
    free(code: string): boolean {
      return !this.links.has(code) && !RESERVED.includes(code.toLowerCase());
    }
    shorten(o: Extract<Op, { op: 'shorten' }>): Expected {
      const { url, alias, ttlMs } = o;
      if (url.length > 2048) return err(InvalidUrlError, '2048');
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return err(InvalidUrlError, url);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return err(InvalidUrlError, parsed.protocol);
      if (ttlMs !== undefined && !(Number.isSafeInteger(ttlMs) && ttlMs > 0)) return err(RangeError, 'ttlMs');
      const expiresAt = ttlMs === undefined ? null : this.now + ttlMs;
      if (alias !== undefined) {
        if (!/^[A-Za-z0-9_-]{4,30}$/.test(alias) || RESERVED.includes(alias.toLowerCase())) return err(InvalidAliasError, alias);
        if (this.links.has(alias)) return err(AliasTakenError, alias);
        return this.store(alias, url, expiresAt);
      }
      if (ttlMs === undefined && this.permanent.has(url)) return { value: this.permanent.get(url) };
      let code: string | undefined;
      if ((this.setup.strategy ?? 'counter') === 'counter') {
        do code = enc(this.counter++);
        while (!this.free(code));
      } else {
        const h = this.setup.tiny ? tinyHash : fnv;
        for (let k = 0; k < 8 && code === undefined; k++) {
          const candidate = enc(h(k === 0 ? url : `${url}#${k}`)).padStart(6, '0');
          if (this.free(candidate)) code = candidate;
        }
        if (code === undefined) return err(CollisionError, url);
      }
      if (ttlMs === undefined) this.permanent.set(url, code);
      return this.store(code, url, expiresAt);
    }
    store(code: string, url: string, expiresAt: number | null): Expected {
      this.links.set(code, { url, expiresAt });
      this.issued.push(code);
      return { value: code };
    }
    resolve(code: string): Expected {
      const link = this.links.get(code);
      return { value: link === undefined || (link.expiresAt !== null && this.now >= link.expiresAt) ? null : link.url };
    }
  }

  const short = (x: string): string => JSON.stringify(x.length > 40 ? `${x.slice(0, 20)}…(${x.length} chars)` : x);

  it('[model] shorten, resolve and the clock match the model, errors included', () => {
    fc.assert(
      fc.property(setupArb, fc.array(opArb, { minLength: 15, maxLength: 50 }), (setup, ops) => {
        let t = 0;
        const options: Record<string, unknown> = { now: () => t };
        if (setup.strategy !== undefined) options.strategy = setup.strategy;
        if (setup.counterStart !== undefined) options.counterStart = setup.counterStart;
        if (setup.tiny) options.hash = tinyHash;
        const s = new UrlShortener(options);
        const m = new Model(setup);
        const shown: Record<string, unknown> = { ...options, now: '() => t' };
        if (setup.tiny) shown.hash = 'tinyHash';
        const done = [`new UrlShortener(${JSON.stringify(shown)})`];
        for (const o of ops) {
          let expected: Expected;
          let what: string;
          let run: () => unknown;
          if (o.op === 'advance') {
            t += o.ms;
            m.now += o.ms;
            done.push(`${o.ms} ms pass`);
            continue;
          } else if (o.op === 'encode') {
            what = `encodeBase62(${o.n})`;
            expected = Number.isSafeInteger(o.n) && o.n >= 0 ? { value: enc(o.n) } : err(Base62Error, String(o.n));
            run = () => encodeBase62(o.n);
          } else if (o.op === 'decode') {
            what = `decodeBase62(${JSON.stringify(o.text)})`;
            const bad = [...o.text].find((ch) => !ALPHA.includes(ch));
            expected =
              o.text === ''
                ? err(Base62Error, 'empty')
                : bad !== undefined
                  ? err(Base62Error, bad)
                  : dec(o.text) > Number.MAX_SAFE_INTEGER
                    ? err(Base62Error, o.text)
                    : { value: dec(o.text) };
            run = () => decodeBase62(o.text);
          } else if (o.op === 'shorten') {
            const opts: Record<string, unknown> = {};
            if (o.alias !== undefined) opts.alias = o.alias;
            if (o.ttlMs !== undefined) opts.ttlMs = o.ttlMs;
            what = `shorten(${short(o.url)}${Object.keys(opts).length > 0 ? `, ${JSON.stringify(opts)}` : ''}) at ${t} ms`;
            expected = m.shorten(o);
            run = () => s.shorten(o.url, opts as { alias?: string; ttlMs?: number });
          } else {
            const code = o.other ?? m.issued[o.pick % Math.max(1, m.issued.length)] ?? 'zzzz';
            what = `resolve(${JSON.stringify(code)}) at ${t} ms`;
            expected = m.resolve(code);
            run = () => s.resolve(code);
          }
          const where = (): string => `after ${done.join(', ')}: ${what}`;
          let got: unknown;
          try {
            got = run();
          } catch (e) {
            if (!('error' in expected)) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${String(e)}`);
            if (!expected.accepts(e)) throw new Error(`${where()}: expected ${expected.error}, got ${String(e)}`);
            done.push(what);
            continue;
          }
          if ('error' in expected) throw new Error(`${where()}: expected ${expected.error}, got ${JSON.stringify(got)}`);
          if (got !== expected.value) throw new Error(`${where()}: expected ${short(String(expected.value))}, got ${short(String(got))}`);
          done.push(what);
        }
      }),
      { seed: 14, numRuns: 80 },
    );
  });
});
