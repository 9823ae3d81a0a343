import { expect } from 'chai';
import { RateLimiter } from './solution';

describe('RateLimiter (examples)', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  it('allows up to capacity requests at once, then denies', () => {
    const limiter = new RateLimiter(5, 1000, clock);
    const results: boolean[] = [];
    for (let i = 0; i < 6; i++) results.push(limiter.allow('alice'));
    expect(results, 'five allowed, the 6th denied').to.deep.equal([true, true, true, true, true, false]);
  });

  it('allows again once a token has refilled', () => {
    const limiter = new RateLimiter(5, 1000, clock);
    for (let i = 0; i < 5; i++) limiter.allow('alice');
    now = 200;
    expect(limiter.allow('alice'), 'one token refills every 200 ms').to.equal(true);
  });

  it('gives every user their own bucket', () => {
    const limiter = new RateLimiter(1, 1000, clock);
    expect(limiter.allow('alice')).to.equal(true);
    expect(limiter.allow('alice'), 'alice has used her only token').to.equal(false);
    expect(limiter.allow('bob'), 'bob starts with a full bucket').to.equal(true);
  });

  it('reports the remaining whole tokens', () => {
    const limiter = new RateLimiter(3, 1000, clock);
    expect(limiter.remaining('carol'), 'a new user has a full bucket').to.equal(3);
    limiter.allow('carol');
    expect(limiter.remaining('carol'), 'one token used').to.equal(2);
  });

  it('says how long to wait when denied', () => {
    const limiter = new RateLimiter(5, 1000, clock);
    for (let i = 0; i < 5; i++) limiter.allow('dave');
    expect(limiter.retryAfterMs('dave'), 'next token in 200 ms').to.equal(200);
  });
});
