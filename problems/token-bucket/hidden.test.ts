import { expect } from 'chai';
import { RateLimiter } from './solution';

describe('RateLimiter (hidden)', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  /** Makes `count` requests for `user` at the current time; returns how many were allowed. */
  function spend(limiter: RateLimiter, user: string, count: number): number {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (limiter.allow(user)) allowed++;
    return allowed;
  }

  describe('construction', () => {
    for (const capacity of [0, -1, 2.5, NaN, Infinity]) {
      it(`rejects capacity ${capacity} with a RangeError naming capacity`, () => {
        expect(() => new RateLimiter(capacity, 1000, clock), `capacity ${capacity} is invalid`).to.throw(
          RangeError,
          /capacity/,
        );
      });
    }

    for (const windowMs of [0, -5, NaN, Infinity, -Infinity]) {
      it(`rejects windowMs ${windowMs} with a RangeError naming windowMs`, () => {
        expect(() => new RateLimiter(5, windowMs, clock), `windowMs ${windowMs} is invalid`).to.throw(
          RangeError,
          /windowMs/,
        );
      });
    }

    it('rejects arguments that are not numbers with a TypeError', () => {
      expect(() => new RateLimiter('5' as unknown as number, 1000, clock), 'capacity "5"').to.throw(
        TypeError,
        /capacity/,
      );
      expect(() => new RateLimiter(5, '1000' as unknown as number, clock), 'windowMs "1000"').to.throw(
        TypeError,
        /windowMs/,
      );
    });

    it('rejects a clock that is not a function with a TypeError', () => {
      expect(() => new RateLimiter(5, 1000, 123 as unknown as () => number)).to.throw(TypeError, /clock/);
    });

    it('accepts the smallest limits: capacity 1 and a sub-millisecond window', () => {
      const limiter = new RateLimiter(1, 0.5, clock);
      expect(limiter.allow('u'), 'the single token is available').to.equal(true);
      expect(limiter.allow('u'), 'no time has passed').to.equal(false);
      now = 0.5;
      expect(limiter.allow('u'), 'a 0.5 ms window refills in 0.5 ms').to.equal(true);
    });

    it('uses the real clock when none is given', () => {
      const limiter = new RateLimiter(1, 60_000);
      expect(limiter.allow('u'), 'first request').to.equal(true);
      expect(limiter.allow('u'), 'a minute has not passed').to.equal(false);
      expect(limiter.remaining('u')).to.equal(0);
    });
  });

  describe('user ids', () => {
    it('rejects an empty user id in every method with a TypeError', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(() => limiter.allow(''), 'allow("")').to.throw(TypeError, /userId/);
      expect(() => limiter.remaining(''), 'remaining("")').to.throw(TypeError, /userId/);
      expect(() => limiter.retryAfterMs(''), 'retryAfterMs("")').to.throw(TypeError, /userId/);
    });

    it('rejects a user id that is not a string', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(() => limiter.allow(undefined as unknown as string), 'allow(undefined)').to.throw(TypeError, /userId/);
      expect(() => limiter.allow(42 as unknown as string), 'allow(42)').to.throw(TypeError, /userId/);
    });

    it('keeps users independent in both directions', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(spend(limiter, 'alice', 7), 'alice gets exactly 5').to.equal(5);
      expect(limiter.remaining('bob'), 'bob is untouched by alice').to.equal(5);
      expect(spend(limiter, 'bob', 3)).to.equal(3);
      now = 200;
      expect(limiter.remaining('alice'), "bob's requests do not change alice's bucket").to.equal(1);
      expect(limiter.remaining('bob'), 'bob refilled one token').to.equal(3);
    });
  });

  describe('allowing and refilling', () => {
    it('denies the 6th request in the same millisecond', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(spend(limiter, 'u', 5), 'the first five').to.equal(5);
      expect(limiter.allow('u'), 'the 6th').to.equal(false);
    });

    it('starts a new user with a full bucket', () => {
      const limiter = new RateLimiter(4, 1000, clock);
      now = 123_456;
      expect(limiter.remaining('new'), 'full before the first request').to.equal(4);
      expect(spend(limiter, 'new', 10), 'a new user can burst the full capacity').to.equal(4);
    });

    it('caps the refill at capacity however long the user was idle', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      now = 60_000;
      expect(limiter.remaining('u'), 'a minute refills 300 tokens, capped at 5').to.equal(5);
      expect(spend(limiter, 'u', 10), 'only 5 may burst after a long idle').to.equal(5);
    });

    it('keeps fractional refill between requests', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      now = 100;
      expect(limiter.allow('u'), 'half a token is not enough').to.equal(false);
      now = 200;
      expect(limiter.allow('u'), 'two half tokens make a whole one').to.equal(true);
      expect(limiter.allow('u'), 'and it was spent').to.equal(false);
    });

    it('allows exactly at the moment a whole token has refilled, not a millisecond earlier', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      now = 199;
      expect(limiter.allow('u'), 'at 199 ms the token is not whole yet').to.equal(false);
      now = 200;
      expect(limiter.allow('u'), 'at 200 ms it is').to.equal(true);
    });

    it('counts each elapsed millisecond of refill only once', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      let allowed = 0;
      for (now = 50; now <= 1000; now += 50) if (limiter.allow('u')) allowed++;
      expect(allowed, 'one token per 200 ms over one second').to.equal(5);
      expect(limiter.allow('u'), 'nothing left at 1000 ms').to.equal(false);
    });

    it('does not let denied requests push the bucket below empty', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      expect(spend(limiter, 'u', 20), 'all 20 extra requests denied').to.equal(0);
      now = 200;
      expect(limiter.allow('u'), 'denied requests cost nothing').to.equal(true);
    });

    it('refills at capacity per window for large limits', () => {
      const limiter = new RateLimiter(100, 60_000, clock);
      expect(spend(limiter, 'u', 150), 'a burst of 100').to.equal(100);
      now = 30_000;
      expect(limiter.remaining('u'), 'half a window refills half the bucket').to.equal(50);
    });

    it('never takes tokens away when the clock steps backwards', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      now = 1000;
      spend(limiter, 'u', 4);
      now = 500;
      expect(limiter.remaining('u'), 'still one token after the clock went back').to.equal(1);
      expect(limiter.allow('u'), 'that token can be spent').to.equal(true);
      expect(limiter.allow('u'), 'the bucket is now empty').to.equal(false);
      now = 1100;
      expect(limiter.remaining('u'), 'the backwards step does not count as refill time').to.equal(0);
      now = 1200;
      expect(limiter.remaining('u'), '200 ms after the last real reading').to.equal(1);
    });
  });

  describe('remaining', () => {
    it('rounds partial tokens down', () => {
      const limiter = new RateLimiter(2, 1000, clock);
      spend(limiter, 'u', 2);
      now = 250;
      expect(limiter.remaining('u'), 'half a token counts as 0').to.equal(0);
      now = 750;
      expect(limiter.remaining('u'), '1.5 tokens count as 1').to.equal(1);
    });

    it('does not consume tokens', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      for (let i = 0; i < 10; i++) limiter.remaining('u');
      expect(spend(limiter, 'u', 5), 'all three tokens still there').to.equal(3);
      expect(limiter.remaining('u')).to.equal(0);
    });
  });

  describe('retryAfterMs', () => {
    it('is 0 while a token is available', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(limiter.retryAfterMs('new'), 'a new user can go now').to.equal(0);
      spend(limiter, 'u', 5);
      now = 300;
      expect(limiter.retryAfterMs('u'), '1.5 tokens: go now').to.equal(0);
    });

    it('is the time until the next token, not until the bucket is full', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      expect(limiter.retryAfterMs('u'), 'one token every 200 ms').to.equal(200);
      now = 50;
      expect(limiter.retryAfterMs('u'), 'a quarter token refilled').to.equal(150);
      now = 100;
      expect(limiter.retryAfterMs('u'), 'half a token refilled').to.equal(100);
    });

    it('rounds up so that waiting that long is enough', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      spend(limiter, 'u', 3);
      const wait = limiter.retryAfterMs('u');
      expect(wait, '333.33 ms rounds up to 334').to.equal(334);
      now = wait - 1;
      expect(limiter.allow('u'), 'one millisecond early is too early').to.equal(false);
      now = wait;
      expect(limiter.allow('u'), 'retrying after the advised wait succeeds').to.equal(true);
    });

    it('does not consume or delay anything', () => {
      const limiter = new RateLimiter(1, 1000, clock);
      for (let i = 0; i < 5; i++) expect(limiter.retryAfterMs('u')).to.equal(0);
      expect(limiter.allow('u'), 'the token is still there').to.equal(true);
    });
  });

  describe('cleanup', () => {
    it('forgets only users whose buckets are full again', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'alice', 5);
      spend(limiter, 'bob', 1);
      expect(limiter.trackedUsers, 'two users seen').to.equal(2);
      now = 199;
      expect(limiter.cleanup(), 'bob is 0.005 tokens short of full').to.equal(0);
      expect(limiter.trackedUsers).to.equal(2);
      now = 200;
      expect(limiter.cleanup(), 'bob is full at 200 ms').to.equal(1);
      expect(limiter.trackedUsers, 'alice is still refilling').to.equal(1);
      expect(limiter.remaining('alice')).to.equal(1);
      now = 1000;
      expect(limiter.cleanup(), 'alice is full at 1000 ms').to.equal(1);
      expect(limiter.trackedUsers).to.equal(0);
    });

    it('changes no answer for a user it removed', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      spend(limiter, 'u', 3);
      now = 5000;
      limiter.cleanup();
      expect(limiter.remaining('u')).to.equal(3);
      expect(spend(limiter, 'u', 5), 'a forgotten user starts full').to.equal(3);
    });

    it('returns 0 when nobody is tracked', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      expect(limiter.cleanup()).to.equal(0);
      expect(limiter.trackedUsers).to.equal(0);
    });
  });
});
