import { describe, expect, it } from 'vitest';
import { expectMessage, expectRejection, expectThrow, messageHasPart, missingParts } from './expectMessage';

describe('messageHasPart', () => {
  it('finds a part in any case, as a whole word or number', () => {
    expect(messageHasPart('Unknown job: JOB-42', 'unknown job')).toBe(true);
    expect(messageHasPart('Unknown job: JOB-42', 'job-42')).toBe(true);
    expect(messageHasPart('Unknown job: job-42', 'job-4'), 'job-4 is not job-42').toBe(false);
    expect(messageHasPart('partition 17 is out of range', 7), '7 is not 17').toBe(false);
    expect(messageHasPart('partition 17 is out of [0, 2]', 2)).toBe(true);
    expect(messageHasPart('maxCapacity is required', 'capacity'), 'part of a longer word').toBe(false);
    expect(messageHasPart('unsupported protocol ftp:', 'ftp:')).toBe(true);
    expect(messageHasPart('max_records must be positive', 'max'), '_ separates words').toBe(true);
    expect(messageHasPart('a.b+c is not allowed', 'a.b+c'), 'regex characters are literal').toBe(true);
    expect(messageHasPart('größe must be positive', 'GRÖSSE'), 'no case folding beyond letter case').toBe(false);
    expect(messageHasPart('Größe must be positive', 'größe')).toBe(true);
  });

  it('lists the missing parts in the order asked', () => {
    expect(missingParts('capacity must be positive', ['positive', 'R3', 'capacity', 'integer'])).toEqual(['R3', 'integer']);
  });
});

describe('expectMessage', () => {
  it('passes when every part is there, in any order', () => {
    expect(() => expectMessage(new RangeError('Positive integer required for CAPACITY'), ['capacity', 'positive'])).not.toThrow();
  });

  it('fails naming the call, the missing parts and the message', () => {
    expect(() => expectMessage(new Error('bad'), ['userId', 'empty'], 'allow("")')).toThrow(
      'allow(""): expected the message to contain "userId", "empty" (words in any order and any case), got "bad"',
    );
  });

  it('fails on something that is not an error with a string message', () => {
    expect(() => expectMessage('capacity', ['capacity'])).toThrow('expected an error with a message containing "capacity", got "capacity"');
    expect(() => expectMessage({ message: 5 }, ['5'])).toThrow('got [object Object]');
  });

  it('is reported as an AssertionError', () => {
    try {
      expectMessage(new Error('x'), ['y']);
    } catch (err) {
      expect((err as Error).name).toBe('AssertionError');
    }
  });
});

describe('expectThrow and expectRejection', () => {
  it('return the error of the right class with the right words', async () => {
    const thrown = new TypeError('userId must be a string');
    expect(
      expectThrow(
        () => {
          throw thrown;
        },
        TypeError,
        ['USERID'],
      ),
    ).toBe(thrown);
    expect(await expectRejection(Promise.reject(thrown), TypeError, ['string'])).toBe(thrown);
  });

  it('fail when nothing is thrown, the class is wrong or the promise resolves', async () => {
    expect(() => expectThrow(() => 1, RangeError, ['x'], 'f()')).toThrow('f(): expected a RangeError, but nothing was thrown');
    expect(() =>
      expectThrow(
        () => {
          throw new TypeError('x');
        },
        RangeError,
        ['x'],
      ),
    ).toThrow('expected it to throw a RangeError, but it threw TypeError: "x"');
    await expect(expectRejection(Promise.resolve(3), RangeError, ['x'])).rejects.toThrow(
      'expected a rejection with a RangeError, but it resolved with 3',
    );
    await expect(expectRejection(Promise.reject(new Error('y')), RangeError, [])).rejects.toThrow(
      'expected it to reject with a RangeError, but it rejected with Error: "y"',
    );
  });
});
