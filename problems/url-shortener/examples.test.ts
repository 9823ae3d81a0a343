import { expect } from 'chai';
import { UrlShortener, decodeBase62, encodeBase62 } from './solution';

describe('url shortener: examples', () => {
  it('encodes small numbers with the stated alphabet', () => {
    expect(encodeBase62(0), '0 encodes as "0"').to.equal('0');
    expect(encodeBase62(61), '61 is the last digit, "Z"').to.equal('Z');
    expect(encodeBase62(62), '62 needs two digits').to.equal('10');
  });

  it('decodes what it encodes', () => {
    for (const n of [0, 1, 62, 3843, 123456789]) {
      expect(decodeBase62(encodeBase62(n)), `round trip of ${n}`).to.equal(n);
    }
  });

  it('hands out counter codes 1, 2, ... and resolves them', () => {
    const s = new UrlShortener();
    const a = s.shorten('https://example.com/a');
    const b = s.shorten('https://example.com/b');
    expect([a, b], 'the counter starts at 1').to.deep.equal(['1', '2']);
    expect(s.resolve(a)).to.equal('https://example.com/a');
    expect(s.resolve(b)).to.equal('https://example.com/b');
  });

  it('uses a valid custom alias as the code', () => {
    const s = new UrlShortener();
    expect(s.shorten('https://example.com/a', { alias: 'my-link' })).to.equal('my-link');
    expect(s.resolve('my-link')).to.equal('https://example.com/a');
  });

  it('expires a link ttlMs after it was created', () => {
    let t = 0;
    const s = new UrlShortener({ now: () => t });
    const code = s.shorten('https://example.com/sale', { ttlMs: 1000 });
    t = 999;
    expect(s.resolve(code), 'still live 1 ms before expiry').to.equal('https://example.com/sale');
    t = 1000;
    expect(s.resolve(code), 'expired at exactly created + ttlMs').to.equal(null);
  });

  it('returns null for a code that was never issued', () => {
    expect(new UrlShortener().resolve('nope')).to.equal(null);
  });
});
