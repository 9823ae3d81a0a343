/**
 * A session with an event log near the bundle's 20 MB limit, for the import's e2e journey and
 * `npm run bench:bundle`: 45 minutes of typing and deleting (the code stays a few kB, as real code
 * does, so the replay check is realistic), a Run every 300 edits, phases, and no audio. Deterministic.
 */
import type { SessionEvent, TextChange } from '../session/types';
import { BUNDLE_LIMITS } from './format';
import type { BundleSource } from './buildBundle';
import { fixtureSource } from './testFixture';

const WORDS = ['const ', 'return ', 'if (', ') {\n', '}\n', 'tokens', '.get(', 'now - last', ' * rate', ';\n', '  ', 'Math.min(capacity, '];
const SESSION_MS = 45 * 60_000;

/** `targetBytes` of events.jsonl (default: 97 % of the limit). */
export function largeLogSource(
  targetBytes = Math.floor(BUNDLE_LIMITS.maxEventsBytes * 0.97),
  id = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
): BundleSource {
  const base = fixtureSource({ review: null, audio: [], levels: [] });
  let text = 'export class RateLimiter {\n}\n';
  const events: SessionEvent[] = [
    { t: 0, type: 'snapshot', file: 'solution.ts', text },
    { t: 0, type: 'phase', phaseId: 'plan', phaseIndex: 0 },
  ];
  // Each edit line is ~115 bytes; the runs add about 5 %.
  const edits = Math.floor(targetBytes / 121);
  let bytes = 0;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  let cursor = text.length - 2;
  for (let i = 0; i < edits && bytes < targetBytes - 2_000; i++) {
    const t = Math.round(((i + 1) / (edits + 2)) * SESSION_MS);
    if (i === Math.floor(edits / 10))
      events.push(
        { t, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: t },
        { t, type: 'phase', phaseId: 'code', phaseIndex: 1 },
      );
    if (random() < 0.05) cursor = Math.floor(random() * (text.length + 1));
    let change: TextChange;
    // Grows to about 3 kB, then deletes as much as it types.
    if (random() < (text.length < 3_000 ? 0.75 : 0.35))
      change = { offset: cursor, deleteCount: 0, insert: WORDS[Math.floor(random() * WORDS.length)]! };
    else {
      const deleteCount = Math.min(cursor, 1 + Math.floor(random() * 12));
      change = { offset: cursor - deleteCount, deleteCount, insert: '' };
    }
    text = text.slice(0, change.offset) + change.insert + text.slice(change.offset + change.deleteCount);
    cursor = change.offset + change.insert.length;
    const edit: SessionEvent = { t, type: 'edit', file: 'solution.ts', changes: [change], startT: Math.max(0, t - 300) };
    events.push(edit);
    bytes += JSON.stringify(edit).length + 1;
    if (i % 300 === 299) {
      const run: SessionEvent = {
        t,
        type: 'run',
        mode: 'run',
        outcome: 'failed',
        passed: 3,
        total: 5,
        tests: Array.from({ length: 5 }, (_, k) => ({
          title: `case ${k}`,
          path: ['RateLimiter'],
          status: k < 3 ? ('passed' as const) : ('failed' as const),
          ...(k < 3 ? {} : { message: 'expected true to equal false' }),
        })),
      };
      events.push(run);
      bytes += JSON.stringify(run).length + 1;
    }
  }
  events.push({ t: SESSION_MS, type: 'phase-end', phaseId: 'code', phaseIndex: 1, plannedMs: 2_100_000, actualMs: SESSION_MS - 300_000 });
  return {
    ...base,
    session: {
      ...base.session,
      id,
      startedAt: base.session.startedAt,
      endedAt: base.session.startedAt + SESSION_MS,
      audio: null,
      audioOffReason: 'denied',
      silences: [],
    },
    events,
  };
}
