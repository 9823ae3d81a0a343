import { describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BODY } from '../../core/api/http';
import { checkResponse } from './response';

describe("the service's answer as a response", () => {
  it('keeps a response as it is when it fits', () => {
    expect(checkResponse({ status: 201, headers: [['Location', '/users/7']], body: '{"id":7}' })).toEqual({
      ok: true,
      response: { status: 201, headers: [['Location', '/users/7']], body: '{"id":7}', truncated: false },
    });
    expect(checkResponse({ status: 204 })).toEqual({ ok: true, response: { status: 204, headers: [], body: '', truncated: false } });
  });

  it('cuts a body over the limit and says so', () => {
    const exact = checkResponse({ status: 200, headers: [], body: 'x'.repeat(MAX_RESPONSE_BODY) });
    expect(exact.ok && exact.response.truncated).toBe(false);
    const over = checkResponse({ status: 200, headers: [], body: 'x'.repeat(MAX_RESPONSE_BODY + 1) });
    expect(over.ok && over.response.truncated).toBe(true);
    expect(over.ok && over.response.body.length).toBe(MAX_RESPONSE_BODY);
    expect(checkResponse({ status: 200, body: 'abcdef' }, 4)).toMatchObject({ ok: true, response: { body: 'abcd', truncated: true } });
  });

  it('refuses what is not a response, saying what is wrong', () => {
    expect(checkResponse(undefined)).toEqual({ ok: false, message: "The service's answer is not a response: it returned undefined." });
    expect(checkResponse({ status: 99, headers: [], body: '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('status 99'),
    });
    expect(checkResponse({ status: '200', body: '' })).toMatchObject({ ok: false, message: expect.stringContaining('"200"') });
    expect(checkResponse({ status: 200, headers: { a: 'b' }, body: '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('headers'),
    });
    expect(checkResponse({ status: 200, headers: [['a', 1]], body: '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('header'),
    });
    expect(checkResponse({ status: 200, headers: [], body: { a: 1 } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('body'),
    });
  });
});
