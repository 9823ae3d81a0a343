import { expect } from 'chai';
import { SlidingWindowLimiter } from './solution';

describe('SlidingWindowLimiter — examples', () => {
  it('allows up to the limit in a window, then denies', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 1000, () => now);
    expect(limiter.allow('alice'), 'request 1 at t=0 should be allowed').to.equal(true);
    now = 400;
    expect(limiter.allow('alice'), 'request 2 at t=400 should be allowed').to.equal(true);
    now = 900;
    expect(limiter.allow('alice'), 'request 3 at t=900 should be allowed').to.equal(true);
    now = 950;
    expect(limiter.allow('alice'), 'request 4 at t=950 should be denied (3 still count)').to.equal(false);
  });

  it('tells a denied user how long to wait (Example 1)', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 1000, () => now);
    limiter.allow('alice');
    now = 400;
    limiter.allow('alice');
    now = 900;
    limiter.allow('alice');
    now = 950;
    expect(limiter.timeUntilResetMs('alice'), 'the request at 0 stops counting at 1000').to.equal(50);
    now = 1000;
    expect(limiter.allow('alice'), 'at t=1000 the request at t=0 no longer counts').to.equal(true);
  });

  it('counts users separately', () => {
    const now = 0;
    const limiter = new SlidingWindowLimiter(1, 1000, () => now);
    expect(limiter.allow('alice')).to.equal(true);
    expect(limiter.allow('alice'), 'alice is at her limit').to.equal(false);
    expect(limiter.allow('bob'), 'bob has his own window').to.equal(true);
  });

  it('reports remaining requests without using them', () => {
    const now = 0;
    const limiter = new SlidingWindowLimiter(5, 1000, () => now);
    expect(limiter.remaining('carol'), 'a new user has the full limit').to.equal(5);
    limiter.allow('carol');
    limiter.allow('carol');
    expect(limiter.remaining('carol'), 'two of five used').to.equal(3);
    expect(limiter.remaining('carol'), 'asking again uses nothing').to.equal(3);
  });

  it('forgets idle users on cleanup (Example 2)', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(2, 1000, () => now);
    now = 990;
    limiter.allow('u');
    limiter.allow('u');
    now = 1010;
    expect(limiter.allow('u'), 'a sliding window has not reset at 1000').to.equal(false);
    expect(limiter.timeUntilResetMs('u')).to.equal(980);
    now = 5000;
    expect(limiter.remaining('u')).to.equal(2);
    expect(limiter.cleanup(), 'one idle user removed').to.equal(1);
    expect(limiter.trackedUsers, 'nothing left in memory').to.equal(0);
  });
});
