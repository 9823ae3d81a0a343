import { describe, expect, it, vi } from 'vitest';
import type { HttpRequest, RequestOutcome } from '../../core/api/http';
import { LOGGED_RESPONSE_BODY } from '../../core/api/loggedRequest';
import { singleFileMaterial } from '../../core/problems/assembleCode';
import type { ServiceReply, ServiceRequest } from '../../runner/types';
import { engineHarness, problem, PY_STARTER, STARTER } from '../testing/fakes';

const h = engineHarness();

/** An API scenario in TypeScript and Python: each language's code has a service entry. */
function apiProblem() {
  const ts = singleFileMaterial('typescript', { starter: STARTER, examples: 'e', hidden: 'h', reference: 'r' });
  const py = singleFileMaterial('python', { starter: PY_STARTER, examples: 'e', hidden: 'h', reference: 'r' });
  return problem({
    id: 'api',
    code: { typescript: { ...ts, service: { entry: 'server.ts' } }, python: { ...py, service: { entry: 'server.py' } } },
  });
}

const ok = (status = 200, body = '{"ok":true}'): RequestOutcome => ({
  kind: 'response',
  response: { status, headers: [['Content-Type', 'application/json']], body, truncated: false },
  ms: 7,
});

/** A fake service: records what it was asked, answers `next` (or waits while `hold` is set), takes 40 ms of the engine's clock. */
function connectService(
  answer: (r: ServiceRequest) => ServiceReply = () => ({ outcome: ok(), console: [{ level: 'log', text: 'handled' }] }),
) {
  const asked: ServiceRequest[] = [];
  const restarted: string[] = [];
  let release: (() => void) | null = null;
  const service = {
    asked,
    restarted,
    hold: false,
    release: () => release?.(),
  };
  h.connect({
    runner: async () => ({
      run: async () => h.nextResult,
      request: async (r: ServiceRequest) => {
        asked.push(r);
        if (service.hold) await new Promise<void>((resolve) => (release = resolve));
        h.now += 40;
        return answer(r);
      },
      restartService: async (key: string) => void restarted.push(key),
    }),
  });
  return service;
}

async function openRecording() {
  await h.engine.open(apiProblem());
  h.engine.start();
}

describe('the Requests pane', () => {
  it('has no service for a problem without one: nothing is sent', async () => {
    const service = connectService();
    await h.engine.open(problem());
    expect(h.engine.state.requests.serviceKey).toBeNull();
    await h.engine.sendRequest();
    expect(service.asked).toEqual([]);
  });

  it('refuses malformed JSON and a bad header line with their messages: nothing sent, nothing logged', async () => {
    const service = connectService();
    await openRecording();
    h.engine.setRequestDraft({ method: 'POST', path: '/users', headers: 'X-Ok: 1\nnot a header', body: '{"email": }' });
    await h.engine.sendRequest();
    expect(service.asked).toEqual([]);
    expect(h.rec.logged('request')).toEqual([]);
    expect(h.engine.state.requests.problems.map((p) => p.field)).toEqual(['headers', 'body']);
    expect(h.engine.state.requests.problems[0]!.message).toContain('Header line 2');
    h.engine.setRequestDraft({ headers: '' });
    expect(h.engine.state.requests.problems, 'typing clears the refusal').toEqual([]);
  });

  it('sends to the service of the problem and language, logs the exchange at the time of the Send, and shows it', async () => {
    const service = connectService();
    await openRecording();
    h.engine.setRequestDraft({ method: 'POST', path: '/users', body: '{"email":"a@b.c"}' });
    const sentAt = h.now;
    await h.engine.sendRequest();
    const expected: HttpRequest = {
      method: 'POST',
      path: '/users',
      headers: [['Content-Type', 'application/json']],
      body: '{"email":"a@b.c"}',
    };
    expect(service.asked).toEqual([
      { serviceKey: 'api:typescript', language: 'typescript', files: h.engine.state.files, entry: 'server.ts', request: expected },
    ]);
    expect(h.rec.logged('request')).toEqual([{ type: 'request', request: expected, outcome: ok() }]);
    expect(h.rec.loggedAt.at(-1)).toBe(sentAt);
    expect(h.engine.state.requests).toMatchObject({ sending: false, shown: { at: sentAt, request: expected, outcome: ok() } });
    expect(h.engine.state.requests.history).toHaveLength(1);
    expect(h.engine.state.console.map((l) => l.text)).toEqual(['POST /users → 200 OK · 7 ms', 'handled']);
  });

  it('refuses a second Send while one is on its way (not queued)', async () => {
    const service = connectService();
    await openRecording();
    service.hold = true;
    const first = h.engine.sendRequest();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.engine.state.requests.sending).toBe(true);
    await h.engine.sendRequest();
    expect(service.asked).toHaveLength(1);
    service.release();
    await first;
    expect(h.engine.state.requests.sending).toBe(false);
    expect(h.rec.logged('request')).toHaveLength(1);
  });

  it('keeps the history per problem and language across a reload, and resends an entry as it was sent', async () => {
    const service = connectService();
    await h.engine.open(apiProblem());
    h.engine.setRequestDraft({ path: '/users/1' });
    await h.engine.sendRequest();
    h.engine.setRequestDraft({ path: '/health', headers: 'X-Trace: 9' });
    await h.engine.flushDrafts();

    h.rebuild();
    const again = connectService();
    await h.engine.open(apiProblem());
    expect(h.engine.state.requests.draft).toMatchObject({ path: '/health', headers: 'X-Trace: 9' });
    expect(h.engine.state.requests.history.map((s) => s.request.path)).toEqual(['/users/1']);
    await h.engine.resendRequest(0);
    expect(again.asked.map((r) => r.request.path)).toEqual(['/users/1']);
    expect(h.engine.state.requests.draft.path).toBe('/users/1');
    expect(h.engine.state.requests.history).toHaveLength(2);
    expect(service.asked).toHaveLength(1);

    await h.engine.chooseLanguage('python');
    expect(h.engine.state.requests).toMatchObject({ serviceKey: 'api:python', history: [] });
    await h.engine.sendRequest();
    expect(again.asked.at(-1)).toMatchObject({ serviceKey: 'api:python', entry: 'server.py' });
  });

  it('clears the history, keeping what is typed', async () => {
    connectService();
    await h.engine.open(apiProblem());
    h.engine.setRequestDraft({ path: '/x' });
    await h.engine.sendRequest();
    h.engine.clearRequestHistory();
    expect(h.engine.state.requests).toMatchObject({ history: [], shown: null, draft: { path: '/x' } });
  });

  it('restarts the service and logs the restart', async () => {
    const service = connectService();
    await openRecording();
    await h.engine.restartService();
    expect(service.restarted).toEqual(['api:typescript']);
    expect(h.rec.logged('service-restart')).toEqual([{ type: 'service-restart' }]);
    expect(h.engine.state.console[0]!.text).toMatch(/Service restarted/);
  });

  it('New attempt empties the history in every language and restarts their services', async () => {
    const service = connectService();
    await h.engine.open(apiProblem());
    await h.engine.sendRequest();
    await h.engine.flushDrafts();
    await h.engine.newAttempt();
    expect(h.engine.state.requests).toMatchObject({ serviceKey: 'api:typescript', history: [], shown: null });
    expect(service.restarted.sort()).toEqual(['api:python', 'api:typescript']);
    h.rebuild();
    connectService();
    await h.engine.open(apiProblem());
    expect(h.engine.state.requests.history).toEqual([]);
  });

  it('refuses to send while the session is paused, saying so', async () => {
    const service = connectService();
    await openRecording();
    h.engine.pause();
    await h.engine.sendRequest();
    expect(service.asked).toEqual([]);
    expect(h.engine.state.requests.notice).toMatch(/paused/);
  });

  it('shows a huge response whole but logs and keeps it bounded; a time-out and an error are exchanges too', async () => {
    const huge = 'x'.repeat(LOGGED_RESPONSE_BODY * 3);
    let next: RequestOutcome = ok(200, huge);
    connectService(() => ({ outcome: next, console: [] }));
    await openRecording();
    await h.engine.sendRequest();
    expect(h.engine.state.requests.shown?.outcome).toEqual(next);
    const logged = h.rec.logged('request')[0]!.outcome;
    expect(logged.kind === 'response' && logged.response.body.length).toBe(LOGGED_RESPONSE_BODY);
    expect(logged.kind === 'response' && logged.response.truncated).toBe(true);
    next = { kind: 'timed-out', ms: 2000 };
    await h.engine.sendRequest();
    next = { kind: 'error', message: 'SyntaxError', file: 'app.ts', line: 3 };
    await h.engine.sendRequest();
    expect(h.rec.logged('request').map((e) => e.outcome.kind)).toEqual(['response', 'timed-out', 'error']);
    expect(h.engine.state.console[0]).toEqual({ level: 'error', text: 'GET / → error: SyntaxError' });
  });

  it('ends a Send whose runner throws, with the failure as its outcome', async () => {
    await h.engine.open(apiProblem());
    h.connect({ runner: async () => Promise.reject(new Error('no worker')) });
    await h.engine.sendRequest();
    expect(h.engine.state.requests.shown?.outcome).toEqual({ kind: 'error', message: 'The code runner failed: no worker' });
    expect(h.engine.state.requests.sending).toBe(false);
  });
});
