import { describe, expect, it } from 'vitest';
import { LOGGED_RESPONSE_BODY, loggedOutcome } from '../api/loggedRequest';
import { restoreSessionEvent } from './restoreEvent';
import { EVENT_SAMPLES } from './testEventSamples';

const sample = EVENT_SAMPLES.request;
const clone = () => JSON.parse(JSON.stringify(sample)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('restoring a request event', () => {
  it('keeps a valid request with each kind of outcome', () => {
    expect(restoreSessionEvent(clone())).toEqual(sample);
    const timedOut = { ...clone(), outcome: { kind: 'timed-out', ms: 2000 } };
    expect(restoreSessionEvent(timedOut)).toEqual(timedOut);
    const error = { ...clone(), outcome: { kind: 'error', message: 'NameError', file: 'app/routes.py', line: 12 } };
    expect(restoreSessionEvent(error)).toEqual(error);
    expect(restoreSessionEvent({ t: 5, type: 'service-restart', extra: 1 })).toEqual({ t: 5, type: 'service-restart' });
  });

  it.each([
    ['an unknown method', (e: any) => (e.request.method = 'TRACE')], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a path without its /', (e: any) => (e.request.path = 'users')], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a path with a space', (e: any) => (e.request.path = '/a b')], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a header that is not a pair', (e: any) => (e.request.headers = [['X']])], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a header with an empty name', (e: any) => (e.request.headers = [['', 'v']])], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['10 000 headers', (e: any) => (e.request.headers = Array.from({ length: 10_000 }, () => ['X', 'y']))], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a body that is not text', (e: any) => (e.request.body = { a: 1 })], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a status out of range', (e: any) => (e.outcome.response.status = 999)], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a fractional status', (e: any) => (e.outcome.response.status = 200.5)], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a response body over the log limit', (e: any) => (e.outcome.response.body = 'a'.repeat(LOGGED_RESPONSE_BODY + 1))], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['no truncated flag', (e: any) => delete e.outcome.response.truncated], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a negative time taken', (e: any) => (e.outcome.ms = -1)], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['an unknown outcome', (e: any) => (e.outcome = { kind: 'maybe', ms: 1 })], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['an error in a file outside the project', (e: any) => (e.outcome = { kind: 'error', message: 'x', file: '../etc/passwd' })], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['an error on line 0', (e: any) => (e.outcome = { kind: 'error', message: 'x', line: 0 })], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['no request', (e: any) => delete e.request], // eslint-disable-line @typescript-eslint/no-explicit-any
  ])('drops the event with %s', (_, spoil) => {
    const event = clone();
    spoil(event);
    expect(restoreSessionEvent(event)).toBeNull();
  });

  it('logs an outcome within the limits it restores with', () => {
    const huge = {
      kind: 'response' as const,
      ms: 3,
      response: {
        status: 200,
        headers: Array.from({ length: 500 }, (_, i): [string, string] => [`X-${i}`, 'v'.repeat(20_000)]),
        body: 'b'.repeat(2_000_000),
        truncated: false,
      },
    };
    const logged = loggedOutcome(huge);
    expect(logged.kind === 'response' && logged.response.truncated).toBe(true);
    expect(restoreSessionEvent({ ...clone(), outcome: logged })).not.toBeNull();
    expect(loggedOutcome({ kind: 'error', message: 'e'.repeat(10_000) })).toEqual({ kind: 'error', message: 'e'.repeat(4000) });
  });
});
