import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota';

describe('isQuotaError', () => {
  it('recognises the quota error and its wrapped form only', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'Quota exceeded.' })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'aborted' })).toBe(false);
    expect(isQuotaError(new Error('nope'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
