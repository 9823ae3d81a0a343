import { describe, expect, it } from 'vitest';
import type { LoggedTest, SessionEvent } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { buildReport } from './report';

const passed = (group: string, status: LoggedTest['status'] = 'passed'): LoggedTest => ({ title: 'a case', path: [group], status });

function report(features: string[] | undefined, events: SessionEvent[]): string {
  return buildReport({
    title: 'Support desk',
    session: sessionRecord({ problemId: 'support-desk', ...(features ? { features } : {}) }),
    events,
    review: null,
    summary: null,
    kind: 'coding',
    files: ['chat/hub.ts', 'clients/agent.ts'],
  });
}

describe('report.md for a session with features', () => {
  it('lists the features chosen at Start and every test group of the last Submit, with the feature groups passing', () => {
    const tests = [passed('Requirement 1'), passed('Typing indicator'), passed('Presence', 'failed'), passed('Presence')];
    const text = report(
      ['typing', 'presence'],
      [{ t: 90_000, type: 'run', mode: 'submit', outcome: 'completed', passed: 3, total: 4, tests }],
    );
    expect(text).toContain('## Features\n\nChosen at Start: `typing`, `presence`.');
    expect(text).toContain('At the last Submit (1 min 30 s in)');
    expect(text).toContain('| Requirement 1 | 1 / 1 | yes |\n| Typing indicator | 1 / 1 | yes |\n| Presence | 1 / 2 | no |');
    expect(text).toContain('Feature groups passing: 1 (Typing indicator).');
  });

  it('says when nothing was submitted or no feature was chosen', () => {
    const text = report([], []);
    expect(text).toContain('No feature was chosen at Start.');
    expect(text).toContain('_Nothing was submitted._');
  });

  it('has no features section for a session without features', () => {
    expect(report(undefined, [])).not.toContain('## Features');
  });
});

describe('report.md for an API scenario', () => {
  const get = { method: 'GET' as const, path: '/items?page=`2`', headers: [], body: '' };
  const events: SessionEvent[] = [
    {
      t: 61_000,
      type: 'request',
      request: get,
      outcome: { kind: 'response', response: { status: 429, headers: [], body: '', truncated: false }, ms: 3 },
    },
    { t: 62_000, type: 'service-restart' },
    { t: 63_000, type: 'request', request: { ...get, path: '/slow' }, outcome: { kind: 'timed-out', ms: 2000 } },
  ];

  it('lists every request (method path → status) and restart in the order they happened', () => {
    expect(report(undefined, events)).toContain(
      '## Requests\n\n- 1 min 1 s in: `` GET /items?page=`2` `` → 429 Too Many Requests · 3 ms\n- 1 min 2 s in: service restarted\n- 1 min 3 s in: `GET /slow` → timed out after 2000 ms\n',
    );
  });

  it('has no requests section for a session without any', () => {
    expect(report(undefined, [])).not.toContain('## Requests');
  });
});
