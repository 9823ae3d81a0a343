import { describe, expect, it } from 'vitest';
import { isFrameToHostService, isHostToFrameService, isHostToService, isServiceToHost } from './serviceProtocol';

const noDisk = { changed: [], removed: [] };
const request = { method: 'GET', path: '/users/7', headers: [['Accept', 'application/json']], body: '' };

describe('the service protocol', () => {
  it('accepts the page’s messages to a service worker, and nothing malformed', () => {
    expect(isHostToService({ type: 'start', language: 'typescript', code: 'x', entry: 'server.ts', disk: noDisk })).toBe(true);
    expect(isHostToService({ type: 'start', language: 'python', files: { 'server.py': '' }, entry: 'server.py', disk: noDisk })).toBe(true);
    expect(isHostToService({ type: 'request', id: 1, request })).toBe(true);
    expect(isHostToService({ type: 'request', id: 1, request: { ...request, method: 'TRACE' } })).toBe(false);
    expect(isHostToService({ type: 'request', id: 1, request: { ...request, path: 'users' } })).toBe(false);
    expect(isHostToService({ type: 'request', id: 1, request: { ...request, headers: [['a']] } })).toBe(false);
    expect(isHostToService({ type: 'start', language: 'python', files: { 'a.py': 1 }, entry: 'a.py', disk: noDisk })).toBe(false);
    expect(
      isHostToService({
        type: 'start',
        language: 'typescript',
        code: 'x',
        entry: 'server.ts',
        disk: { changed: [['a', 'text']], removed: [] },
      }),
    ).toBe(false);
  });

  it("checks the worker's answers before the page uses them", () => {
    const response = { status: 200, headers: [], body: 'ok', truncated: false };
    const disk = { changed: [['app.db', new ArrayBuffer(2)]], removed: ['old.db'] };
    expect(isServiceToHost({ type: 'reply', id: 3, response, console: [{ level: 'log', text: 'hi' }], disk })).toBe(true);
    expect(isServiceToHost({ type: 'reply', id: 3, response: { ...response, truncated: 'no' }, console: [], disk })).toBe(false);
    expect(isServiceToHost({ type: 'reply', id: 3, response, console: [{ level: 'shout', text: 'hi' }], disk })).toBe(false);
    expect(isServiceToHost({ type: 'request-failed', id: 3, error: { message: 'TypeError: x' }, console: [], disk })).toBe(true);
    expect(isServiceToHost({ type: 'start-failed', error: { message: 'm', stack: 1 }, console: [] })).toBe(false);
    expect(isServiceToHost({ type: 'started', console: [] })).toBe(true);
  });

  it('refuses a disk file name that could reach outside the data folder (the next service writes it there)', () => {
    const response = { status: 200, headers: [], body: 'ok', truncated: false };
    const reply = (disk: unknown) => isServiceToHost({ type: 'reply', id: 1, response, console: [], disk });
    expect(reply({ changed: [['data/app.db', new ArrayBuffer(1)]], removed: [] })).toBe(true);
    for (const name of ['../server.py', '/etc/passwd', 'a/../../b', '', 'a//b']) {
      expect(reply({ changed: [[name, new ArrayBuffer(1)]], removed: [] }), name).toBe(false);
      expect(reply({ changed: [], removed: [name] }), name).toBe(false);
    }
  });

  it('checks the messages between the page and the frame', () => {
    expect(isHostToFrameService({ type: 'service-spawn', service: 1, language: 'typescript', workerScript: 's' })).toBe(true);
    expect(isHostToFrameService({ type: 'service-spawn', service: 1, language: 'ruby' })).toBe(false);
    expect(isHostToFrameService({ type: 'service-stop', service: 1 })).toBe(true);
    expect(isFrameToHostService({ type: 'service-port', service: 2 })).toBe(true);
    expect(isFrameToHostService({ type: 'service-died', service: 2 })).toBe(false);
    expect(isFrameToHostService({ type: 'service-failed', service: 2, message: 'no Python' })).toBe(true);
  });
});
