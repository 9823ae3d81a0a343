/**
 * Seek latency of the replay on a synthetic 2-hour session with 20 000 edits: `createReplay(...).frameAt`,
 * the exact call the replay page makes when the play head moves (text at the play head from the checkpointed
 * index, the current edit's ranges, the last run before it).
 * The same for a codebase session (many files, created and renamed ones).
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
const WORDS = [
  'const ',
  'return ',
  'if (',
  ') {\n',
  '}\n',
  'items',
  '.map(',
  'x => x',
  ' + 1',
  ';\n',
  '  ',
  'for (let i = 0; i < n; i++) ',
];

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

// ─── A codebase session (issue 22) ─────────────────────────────────────────────────────────────────
// The same typing spread over a project of 12 files: the candidate opens another file every 200 edits,
// creates a file now and then and renames one. A seek asks what the page asks: the files at the play head,
// the file being edited, and its frame.
{
  const { events: single } = syntheticSession(0.005);
  const starter = Array.from({ length: 12 }, (_, i) => `chat/part${i}.ts`);
  const events: SessionEvent[] = starter.map((file) => ({ t: 0, type: 'snapshot', file, text: '// starter\n' }));
  const texts = new Map(starter.map((f) => [f, '// starter\n']));
  let file = starter[0]!;
  let edits = 0;
  for (const event of single) {
    if (event.type !== 'edit') continue;
    if (edits % 200 === 0) {
      if (edits % 2_000 === 1_000) {
        const created = `chat/new${edits}.ts`;
        events.push({ t: event.t, type: 'file-create', file: created }, { t: event.t, type: 'snapshot', file: created, text: '' });
        texts.set(created, '');
        file = created;
      } else if (edits % 2_000 === 1_200) {
        const renamed = `${file.replace('.ts', '')}_renamed.ts`;
        events.push({ t: event.t, type: 'file-rename', from: file, to: renamed });
        texts.set(renamed, texts.get(file)!);
        texts.delete(file);
        file = renamed;
      } else file = [...texts.keys()][Math.floor(random() * texts.size)]!;
      events.push({ t: event.t, type: 'file-open', file });
    }
    edits++;
    // Typing at the end of the current file: the single-file changes' sizes, applied where they fit.
    const text = texts.get(file)!;
    const change = event.changes[0]!;
    const deleteCount = Math.min(change.deleteCount, text.length);
    events.push({ t: event.t, type: 'edit', file, changes: [{ offset: text.length - deleteCount, deleteCount, insert: change.insert }] });
    texts.set(file, text.slice(0, text.length - deleteCount) + change.insert);
  }
  const buildStart = performance.now();
  const replay = createReplay(sessionRecord(), events);
  const buildMs = performance.now() - buildStart;
  const latencies: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const atMs = random() * SESSION_MS;
    const start = performance.now();
    replay.codeFilesAt(atMs);
    const active = replay.activeFileAt(atMs);
    if (active) replay.frameAt(atMs, active);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `codebase session: ${edits} edits over ${replay.codeFiles.length} files (${texts.size} at the end): replay build ${buildMs.toFixed(0)} ms; ` +
      `${SEEKS} random seeks (files, active file, its frame): p50 ${percentile(latencies, 0.5).toFixed(2)} ms, ` +
      `p95 ${percentile(latencies, 0.95).toFixed(2)} ms, max ${latencies[latencies.length - 1]!.toFixed(2)} ms`,
  );
}

// ─── The whiteboard (issue 15) ───────────────────────────────────────────────────────────────────
// A 45-minute design session with 2,000 board changes: boxes and arrows added, moved and relabelled,
// some freehand strokes (points grow while drawn), a few deletions. Measures what the replay does on a
// seek (the board at the play head from the checkpointed index, then the shapes the SVG view draws),
// and what logging costs while drawing: the diff against the last logged versions on every change
// (Excalidraw hands over the whole scene each time), and the bytes the log grows by.
{
  const { BoardDiffer } = await import('../src/core/whiteboard/boardDiff.ts');
  const { createBoardReplay } = await import('../src/core/whiteboard/boardReplay.ts');
  const { boardPicture } = await import('../src/core/whiteboard/boardShapes.ts');
  const { arrow, rect, text } = await import('../src/core/whiteboard/testElements.ts');
  type BoardElement = import('../src/core/whiteboard/types.ts').BoardElement;
  type BoardEvent = import('../src/core/session/types.ts').BoardEvent;

  const BOARD_MS = 45 * 60 * 1000;
  const CHANGES = 2_000;
  const rand = prng(7);
  const scene: BoardElement[] = [];
  const differ = new BoardDiffer();
  const changes: BoardEvent[] = [{ t: 0, type: 'board', ...differ.full([]) }];
  let diffMs = 0;
  let maxDiffMs = 0;
  for (let i = 0; i < CHANGES; i++) {
    const t = Math.round(((i + 1) / CHANGES) * BOARD_MS);
    const roll = rand();
    const pick = () => scene[Math.floor(rand() * scene.length)]!;
    if (scene.length < 5 || roll < 0.2) {
      const kind = rand();
      const id = `e${i}`;
      const x = Math.round(rand() * 2000);
      const y = Math.round(rand() * 1200);
      if (kind < 0.5) scene.push(rect(id, x, y));
      else if (kind < 0.8) scene.push(arrow(id, [x, y], [x + 150, y + 40]));
      else scene.push(text(id, x, y, 'load balancer'));
    } else if (roll < 0.3) {
      // A freehand stroke that grows by a few points per change.
      const last = scene.find((e) => e.type === 'freedraw' && (e.points as unknown[]).length < 200);
      if (last) {
        const i2 = scene.indexOf(last);
        const points = [...(last.points as [number, number][]), [rand() * 200, rand() * 200] as [number, number]];
        scene[i2] = { ...last, points, version: last.version + 1 };
      } else scene.push({ ...arrow(`f${i}`, [0, 0], [5, 5]), type: 'freedraw' });
    } else if (roll < 0.33) {
      const e = pick();
      scene[scene.indexOf(e)] = { ...e, isDeleted: true, version: e.version + 1 };
    } else {
      const e = pick();
      scene[scene.indexOf(e)] = { ...e, x: e.x + 10, y: e.y - 5, version: e.version + 1 };
    }
    const start = performance.now();
    const diff = differ.diff(scene);
    const took = performance.now() - start;
    diffMs += took;
    maxDiffMs = Math.max(maxDiffMs, took);
    if (diff) changes.push({ t, type: 'board', ...diff });
  }
  const stringifyStart = performance.now();
  const bytes = changes.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
  const stringifyMs = performance.now() - stringifyStart;
  console.log(
    `whiteboard: ${changes.length - 1} logged changes over 45 min, ${scene.filter((e) => !e.isDeleted).length} elements at the end; ` +
      `log ${(bytes / 1024).toFixed(0)} kB of JSON (${(bytes / (changes.length - 1)).toFixed(0)} B per change); ` +
      `diffing on the main thread: ${diffMs.toFixed(0)} ms in all, ${((diffMs / CHANGES) * 1000).toFixed(0)} µs per change, max ${maxDiffMs.toFixed(2)} ms; serialising ${stringifyMs.toFixed(0)} ms`,
  );
  for (const every of [25, 50, 100]) {
    const buildStart = performance.now();
    const board = createBoardReplay(changes, every);
    const buildMs = performance.now() - buildStart;
    const latencies: number[] = [];
    for (let i = 0; i < SEEKS; i++) {
      const atMs = rand() * BOARD_MS;
      const start = performance.now();
      boardPicture(board.boardAt(atMs));
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `  checkpoint every ${every}: index ${buildMs.toFixed(0)} ms; ${SEEKS} random seeks (board + shapes): ` +
        `p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms, max ${latencies[latencies.length - 1]!.toFixed(2)} ms`,
    );
  }
}
