/**
 * Seek latency of the replay on a synthetic 2-hour session with 20 000 edits: `createReplay(...).frameAt`,
 * the exact call the replay page makes when the play head moves (text at the play head from the checkpointed
 * index, the current edit's ranges, the last run before it).
 * Run: npx tsx bench/seek.ts   (the budget is < 50 ms per seek, anywhere in the session)
 */
import { createReplay } from '../src/core/replay/replayModel.ts';
import { replayText } from '../src/core/session/editLog.ts';
import { prng } from '../src/core/testing/prng.ts';
import type { SessionEvent, SessionRecord, TextChange } from '../src/core/session/types.ts';

const SESSION_MS = 2 * 60 * 60 * 1000;
const EDITS = 20_000;
const SEEKS = 1_000;


const random = prng(42);
const WORDS = ['const ', 'return ', 'if (', ') {\n', '}\n', 'items', '.map(', 'x => x', ' + 1', ';\n', '  ', 'for (let i = 0; i < n; i++) '];

/**
 * Mostly typing at a cursor that wanders, some deletions, a paste now and then: like a real session.
 * `pasteRate` sets how large the text grows (0.005: about 80 kB at the end, already more than a real solution; 0.03: about 150 kB, a stress case).
 */
function syntheticSession(pasteRate: number): { events: SessionEvent[]; finalLength: number } {
  let text = '// starter\nexport function solve(input: string): string {\n  return input;\n}\n';
  const events: SessionEvent[] = [{ t: 0, type: 'snapshot', file: 'solution.ts', text }];
  let cursor = text.length - 2;
  for (let i = 0; i < EDITS; i++) {
    const t = Math.round(((i + 1) / EDITS) * SESSION_MS);
    if (random() < 0.05) cursor = Math.floor(random() * (text.length + 1));
    const roll = random();
    let change: TextChange;
    if (roll < pasteRate) change = { offset: cursor, deleteCount: 0, insert: WORDS.join('').repeat(2) };
    else if (roll < 0.75) change = { offset: cursor, deleteCount: 0, insert: WORDS[Math.floor(random() * WORDS.length)]! };
    else {
      const deleteCount = Math.min(cursor, 1 + Math.floor(random() * 8));
      change = { offset: cursor - deleteCount, deleteCount, insert: '' };
    }
    text = text.slice(0, change.offset) + change.insert + text.slice(change.offset + change.deleteCount);
    cursor = change.offset + change.insert.length;
    events.push({ t, type: 'edit', file: 'solution.ts', changes: [change] });
    if (i % 500 === 0) events.push({ t, type: 'run', mode: 'run', outcome: 'failed', passed: 1, total: 3 });
  }
  return { events, finalLength: text.length };
}

function sessionRecord(): SessionRecord {
  return {
    id: 'bench',
    problemId: 'bench',
    protocolId: 'pairing-120',
    phases: [],
    startedAt: 0,
    endedAt: SESSION_MS,
    status: 'finished',
    audio: null,
    audioOffReason: null,
    silenceThresholdMs: 30_000,
    levelFrameMs: 50,
    silences: [],
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

for (const pasteRate of [0.005, 0.03]) {
  const { events, finalLength } = syntheticSession(pasteRate);
  console.log(`session: ${EDITS} edits over ${SESSION_MS / 3_600_000} h, final text ${(finalLength / 1024).toFixed(1)} kB`);
  for (const everyN of [50, 100, 200]) {
    const buildStart = performance.now();
    const replay = createReplay(sessionRecord(), events, everyN);
    const buildMs = performance.now() - buildStart;
    const latencies: number[] = [];
    for (let i = 0; i < SEEKS; i++) {
      const atMs = random() * SESSION_MS;
      const start = performance.now();
      replay.frameAt(atMs, 'solution.ts');
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `  everyN=${everyN}: replay build ${buildMs.toFixed(0)} ms; ${SEEKS} random seeks: ` +
        `p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms, ` +
        `max ${latencies[latencies.length - 1]!.toFixed(2)} ms`,
    );
  }
  const naiveStart = performance.now();
  replayText(events, 'solution.ts', SESSION_MS);
  console.log(`  for comparison, one full replay to the end without the index: ${(performance.now() - naiveStart).toFixed(0)} ms`);
}
