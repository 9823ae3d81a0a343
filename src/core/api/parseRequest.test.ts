import { describe, expect, it } from 'vitest';
import { MAX_HEADERS, MAX_REQUEST_BODY, parseHeaders, parseRequest, type RequestDraft } from './parseRequest';

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({ method: 'GET', path: '/users', headers: '', body: '', ...patch });

function problemsOf(d: RequestDraft) {
  const parsed = parseRequest(d);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems;
}

describe('parseRequest', () => {
  it('reads a plain GET with no headers and no body', () => {
    expect(parseRequest(draft())).toEqual({ ok: true, request: { method: 'GET', path: '/users', headers: [], body: '' } });
  });

  it('keeps headers in order, repeats included, trimmed around the colon; blank lines are ignored', () => {
    const parsed = parseRequest(draft({ headers: '\nX-Api-Key:  abc \n\nAccept: text/plain\r\nX-Api-Key: def:ghi\n' }));
    expect(parsed.ok && parsed.request.headers).toEqual([
      ['X-Api-Key', 'abc'],
      ['Accept', 'text/plain'],
      ['X-Api-Key', 'def:ghi'],
    ]);
  });

  it('sends a JSON body as its text and adds content-type application/json unless one is given', () => {
    const body = '{ "email": "a@b.c" }';
    const parsed = parseRequest(draft({ method: 'POST', body }));
    expect(parsed.ok && parsed.request).toEqual({ method: 'POST', path: '/users', headers: [['Content-Type', 'application/json']], body });
    const own = parseRequest(draft({ method: 'POST', body, headers: 'content-type: application/merge-patch+json' }));
    expect(own.ok && own.request.headers).toEqual([['content-type', 'application/merge-patch+json']]);
  });

  it('treats a body of only whitespace as no body, with no content-type', () => {
    const parsed = parseRequest(draft({ method: 'POST', body: '  \n ' }));
    expect(parsed.ok && parsed.request).toMatchObject({ body: '', headers: [] });
  });

  it('refuses a path that does not start with /, has a space, or is empty', () => {
    expect(problemsOf(draft({ path: 'users' }))[0]).toMatchObject({ field: 'path', message: expect.stringContaining('start with /') });
    expect(problemsOf(draft({ path: '/a b' }))[0]!.message).toContain('space');
    expect(problemsOf(draft({ path: '/a\u0000b' }))[0]!.message).toContain('control character');
    expect(problemsOf(draft({ path: '' }))[0]!.message).toContain('Type a path');
    expect(problemsOf(draft({ path: '/' + 'x'.repeat(5000) }))[0]!.message).toContain('at most');
  });

  it('refuses a method it does not know', () => {
    expect(problemsOf(draft({ method: 'TRACE' }))).toEqual([{ field: 'method', message: expect.stringContaining('GET, POST') }]);
  });

  it('names the line of a bad header: no colon, no name, a bad name, a control character', () => {
    const problems = problemsOf(draft({ headers: 'Accept: */*\n\nno colon here\n: value\nBad Name: x\nX-Ok: a\u0007b' }));
    expect(problems.map((p) => p.message)).toEqual([
      'Header line 3 has no colon: write it as Name: value.',
      'Header line 4 has no name before its colon.',
      expect.stringMatching(/^Header line 5: “Bad Name” is not a header name/),
      'Header line 6: the value has a control character in it.',
    ]);
    expect(problems.every((p) => p.field === 'headers')).toBe(true);
  });

  it('refuses malformed JSON with where it stopped, and sends nothing', () => {
    const problems = problemsOf(draft({ method: 'POST', body: '{\n  "email": "a@b.c",\n}' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('body');
    expect(problems[0]!.message).toMatch(/^The body is not valid JSON \(at line 3, column 1\)/);
  });

  it('reports every problem at once', () => {
    const fields = problemsOf(draft({ path: 'x', headers: 'nope', body: '{' })).map((p) => p.field);
    expect(fields).toEqual(['path', 'headers', 'body']);
  });

  it('refuses a huge body without parsing it', () => {
    const problems = problemsOf(draft({ method: 'POST', body: `"${'a'.repeat(MAX_REQUEST_BODY)}"` }));
    expect(problems[0]!.message).toContain(`at most ${MAX_REQUEST_BODY}`);
  });

  it('stops at the header limit: 10 000 header lines give one message, not 10 000', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `X-H${i}: ${i}`).join('\n');
    const problems = problemsOf(draft({ headers: text }));
    expect(problems).toEqual([
      { field: 'headers', message: expect.stringContaining(`More than ${MAX_HEADERS} header lines (line ${MAX_HEADERS + 1}`) },
    ]);
  });

  it('says at most a few header problems, then that there are more', () => {
    const { problems } = parseHeaders(Array.from({ length: 50 }, () => 'broken').join('\n'));
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe('…and more problems after line 6.');
  });

  it('refuses a header line longer than the limit', () => {
    expect(parseHeaders(`X-Long: ${'a'.repeat(9000)}`).problems[0]).toContain('Header line 1 is');
  });
});
