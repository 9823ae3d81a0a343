import { describe, expect, it } from 'vitest';
import { displayBody, outcomeSummary, statusClass, statusLine, truncationNote } from './formatResponse';
import type { HttpResponse } from './http';

const response = (patch: Partial<HttpResponse> = {}): HttpResponse => ({ status: 200, headers: [], body: '', truncated: false, ...patch });
const JSON_TYPE = [['Content-Type', 'application/json; charset=utf-8']] as const;

describe('formatResponse', () => {
  it('gives a status its reason phrase, and a status without one stands alone', () => {
    expect(statusLine(429)).toBe('429 Too Many Requests');
    expect(statusLine(201)).toBe('201 Created');
    expect(statusLine(299)).toBe('299');
    expect([statusClass(204), statusClass(404), statusClass(503), statusClass(302)]).toEqual(['ok', 'client', 'server', 'other']);
  });

  it('pretty-prints a JSON body, and leaves other bodies as they came', () => {
    expect(displayBody(response({ headers: JSON_TYPE, body: '{"id":7,"tags":["a"]}' }))).toBe(
      '{\n  "id": 7,\n  "tags": [\n    "a"\n  ]\n}',
    );
    expect(displayBody(response({ headers: [['Content-Type', 'text/plain']], body: '{"id":7}' }))).toBe('{"id":7}');
    expect(displayBody(response({ headers: JSON_TYPE, body: '{not json' }))).toBe('{not json');
  });

  it('does not reformat a cut body, and says it was cut', () => {
    const cut = response({ headers: JSON_TYPE, body: '{"a":', truncated: true });
    expect(displayBody(cut)).toBe('{"a":');
    expect(truncationNote(cut)).toContain('only its first 5 characters');
    expect(truncationNote(response())).toBeNull();
  });

  it('sums an outcome up in one line', () => {
    expect(outcomeSummary({ kind: 'response', response: response({ status: 429 }), ms: 12.4 })).toBe('429 Too Many Requests · 12 ms');
    expect(outcomeSummary({ kind: 'timed-out', ms: 2000 })).toBe('timed out after 2000 ms');
    expect(outcomeSummary({ kind: 'error', message: 'SyntaxError: x\n  at line 2', file: 'app.py', line: 3 })).toBe(
      'error: SyntaxError: x',
    );
  });
});
