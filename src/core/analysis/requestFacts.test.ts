import { describe, expect, it } from 'vitest';
import { findProtocol } from '../timer/protocols';
import type { SessionEvent } from '../session/types';
import { sessionRecord } from '../testing/fixtures';
import { factRows } from './describeFacts';
import { computeFacts } from './facts';

const session = () => sessionRecord({ protocolId: 'coding-45', phases: findProtocol('coding-45')!.phases });

describe("an API scenario's requests", () => {
  it('are counted by outcome, with the restarts', () => {
    const request = { method: 'GET' as const, path: '/', headers: [], body: '' };
    const answered = { kind: 'response' as const, response: { status: 500, headers: [], body: '', truncated: false }, ms: 2 };
    const events: SessionEvent[] = [
      { t: 1_000, type: 'request', request, outcome: answered },
      { t: 2_000, type: 'request', request, outcome: { kind: 'timed-out', ms: 2000 } },
      { t: 3_000, type: 'service-restart' },
      { t: 4_000, type: 'request', request, outcome: { kind: 'error', message: 'SyntaxError' } },
      { t: 5_000, type: 'request', request, outcome: answered },
    ];
    const facts = computeFacts({ session: session(), events });
    expect(facts.requests).toEqual({ sent: 4, answered: 2, timedOut: 1, errors: 1, serviceRestarts: 1 });
    expect(factRows(facts).at(-1)).toEqual({
      label: 'Requests sent (answered / timed out / errors)',
      value: '4 (2 / 1 / 1), service restarted once',
    });
  });
});
