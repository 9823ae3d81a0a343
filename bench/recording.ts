/**
 * npm run bench:recording — the cost of recording a session, against the production build in headless
 * Chromium with the fake microphone (the e2e fixture's speech WAV):
 *   - typing latency, keystroke to paint, p50/p95, with recording off (before Start) and on;
 *   - growth while recording and typing for SOAK_S seconds of real time — IndexedDB bytes (what the
 *     session's rows hold) and JS heap after GC — reported as MB per hour (MediaRecorder and the worklet
 *     run in real time, so 30 minutes cannot be compressed: the rate is measured and extrapolated), and
 *     the same typing without recording for comparison;
 *   - CPU of the voice analysis while recording (the worklet's meter with its voice level, the frame clock,
 *     the runs and the live silence detector: all the per-frame work) over 10 minutes of synthetic audio
 *     in Node, as a share of one core;
 *   - time to finish a 45-minute session's analysis: the duration read from a 45-minute WebM's blocks and
 *     the silences detected over 54 000 stored frames with gaps, synthesised.
 * Prints numbers; asserts nothing. BENCH_DIST / BENCH_PORT: another build folder and port (default dist, 4180);
 * BENCH_NODE_ONLY=1: only the two Node measurements.
 */
import { chromium, type Page } from '@playwright/test';
import { startPreview } from './preview.ts';
import { clickIntoEditor } from './page.ts';
import { appendToRuns, framesOnTimeline, type FrameRun } from '../src/core/audio/audioClock.ts';
import { createLevelMeter } from '../src/core/audio/levels.ts';
import { webmDurationMs } from '../src/core/audio/webmDuration.ts';
import { segmentSilences } from '../src/recorder/finaliseSession.ts';
import { SegmentLevels } from '../src/recorder/segmentLevels.ts';
import { BASE_ARGS, CHROMIUM, FAKE_MICROPHONE_ARGS } from '../e2e/fixtures/browser.ts';
import { makeSpeechFixture } from '../e2e/fixtures/speech.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const DIST = process.env.BENCH_DIST ?? 'dist';
const BASE = `http://127.0.0.1:${PORT}/`;
const KEYSTROKES = 200;
const SOAK_S = Number(process.env.SOAK_S ?? 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * In the page: from each keydown (its event timestamp, so input queueing counts) to the first frame
 * painted after Monaco changed the DOM (rAF, then a task: the frame has been committed by then).
 * Source text, so tsx does not wrap it in helpers the page lacks.
 */
const INSTALL_PROBE = `(() => {
  window.__latencies = [];
  window.__domLatencies = [];
  let pending = null;
  document.addEventListener('keydown', (e) => { pending = e.timeStamp; }, true);
  const lines = document.querySelector('.monaco-editor .view-lines');
  new MutationObserver(() => {
    if (pending === null) return;
    const t0 = pending;
    pending = null;
    window.__domLatencies.push(performance.now() - t0);
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0), 0));
  }).observe(lines, { subtree: true, childList: true, characterData: true });
})()`;

interface Latencies {
  paint: number[];
  /** Keydown to Monaco's DOM change: the main thread's own work, without waiting for a frame. */
  dom: number[];
}

async function typingLatencies(page: Page): Promise<Latencies> {
  await page.evaluate('window.__latencies = []; window.__domLatencies = []');
  const text = 'const refill = (tokens, elapsed) => Math.min(capacity, tokens + elapsed * rate); // ';
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(text[i % text.length]!);
    await page.waitForTimeout(40); // about 12 keys a second: fast typing
  }
  await page.waitForTimeout(300);
  return (await page.evaluate('({ paint: window.__latencies, dom: window.__domLatencies })')) as Latencies;
}

/** Bytes the session's rows hold in IndexedDB: audio blob sizes plus the structured size of the rest (JSON length). */
const SESSION_BYTES = `(async () => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('rehearse'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const all = (store) => new Promise((res, rej) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const audio = (await all('audioChunks')).reduce((s, r) => s + r.blob.size, 0);
  const events = JSON.stringify(await all('sessionEvents')).length;
  const levels = JSON.stringify(await all('levels')).length;
  db.close();
  return { audio, events, levels };
})()`;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Types 4 keys a second for SOAK_S seconds. */
async function soak(page: Page): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < SOAK_S * 1000) {
    await page.keyboard.type('x');
    await page.waitForTimeout(250);
  }
}

async function measureBrowser() {
  makeSpeechFixture();
  const stop = await startPreview(PORT, DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...BASE_ARGS, ...FAKE_MICROPHONE_ARGS, '--use-fake-ui-for-media-stream'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}#/problems/token-bucket`);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await page.waitForFunction('typeof window.__rehearseEditorText === "function"');
    await page.evaluate(INSTALL_PROBE);
    await clickIntoEditor(page);
    await page.keyboard.press('ControlOrMeta+End');
    await typingLatencies(page); // warm-up: Monaco's first keystrokes are slower
    const off = await typingLatencies(page);
    // The same soak without recording: what typing alone (Monaco's undo history, the draft saves) costs.
    const heapOff0 = await heapMb(page);
    const tOff = Date.now();
    await soak(page);
    const heapOffMbH = ((await heapMb(page)) - heapOff0) / ((Date.now() - tOff) / 3_600_000);

    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
    await clickIntoEditor(page);
    await page.keyboard.press('ControlOrMeta+End');
    const on = await typingLatencies(page);

    // Soak: keep typing (4 keys a second) while recording, measure growth from here.
    const bytes0 = (await page.evaluate(SESSION_BYTES)) as { audio: number; events: number; levels: number };
    const heap0 = await heapMb(page);
    const t0 = Date.now();
    await soak(page);
    await page.waitForTimeout(1200); // let the last flush land
    const elapsedH = (Date.now() - t0) / 3_600_000;
    const bytes1 = (await page.evaluate(SESSION_BYTES)) as typeof bytes0;
    const heap1 = await heapMb(page);
    const perHour = (a: number, b: number) => (b - a) / 1024 / 1024 / elapsedH;
    return {
      off,
      on,
      heap0,
      heap1,
      audioMbH: perHour(bytes0.audio, bytes1.audio),
      eventsMbH: perHour(bytes0.events, bytes1.events),
      levelsMbH: perHour(bytes0.levels, bytes1.levels),
      heapMbH: (heap1 - heap0) / elapsedH,
      heapOffMbH,
    };
  } finally {
    await browser.close();
    stop();
  }
}

/** The per-frame work of voice analysis over 10 minutes of noisy speech-like audio, in 128-sample blocks. */
function levelAnalysisCpu(): { audioS: number; cpuMs: number } {
  const rate = 48_000;
  const audioS = 600;
  const block = new Float32Array(128);
  const levels = new SegmentLevels({ sampleRate: rate, frameMs: 50, dropPlan: null });
  let wallMs = 1_800_000_000_000;
  const meter = createLevelMeter(rate, 50, (db, frame) => {
    wallMs += 50;
    levels.push({
      type: 'level',
      db,
      voiceDb: frame.voiceDb,
      periodicity: frame.periodicity,
      position: frame.position,
      samples: frame.samples,
      wallMs,
    });
    levels.silence.currentSilenceMs();
    levels.silence.isSpeaking();
    if (frame.position % 24_000 === 0) levels.take();
  });
  let phase = 0;
  const t0 = process.cpuUsage();
  for (let n = 0; n < (audioS * rate) / 128; n++) {
    const talking = Math.floor(n / 2000) % 3 !== 0;
    for (let i = 0; i < 128; i++) {
      phase += 0.05;
      block[i] = (talking ? 0.2 * Math.sin(phase) : 0) + (Math.random() - 0.5) * 0.002;
    }
    meter.push(block, n * 128);
  }
  const used = process.cpuUsage(t0);
  return { audioS, cpuMs: (used.user + used.system) / 1000 };
}

/** A MediaRecorder-like WebM of `minutes` of 20 ms Opus blocks (80 bytes each, 32 kb/s) in 1 s clusters. */
function syntheticWebm(minutes: number): Uint8Array {
  const block = (relativeMs: number) => [
    0xa3,
    0x80 | 84,
    0x81,
    (relativeMs >> 8) & 0xff,
    relativeMs & 0xff,
    0x80,
    31 << 3,
    ...new Array<number>(79).fill(7),
  ];
  const parts: number[][] = [
    [0x1a, 0x45, 0xdf, 0xa3, 0x80],
    [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  ];
  for (let second = 0; second < minutes * 60; second++) {
    const t = second * 1000;
    parts.push([
      0x1f,
      0x43,
      0xb6,
      0x75,
      0x01,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xe7,
      0x84,
      (t >>> 24) & 0xff,
      (t >> 16) & 0xff,
      (t >> 8) & 0xff,
      t & 0xff,
    ]);
    for (let i = 0; i < 50; i++) parts.push(block(i * 20));
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/** Finish's analysis of a 45-minute segment: its duration from the WebM, its silences from 54 000 stored frames (every 20th lost). */
function finishAnalysisMs(): { ms: number; durationMs: number | null; silences: number; webmBytes: number } {
  const minutes = 45;
  const webm = syntheticWebm(minutes);
  const runs: FrameRun[] = [];
  for (let slot = 0; slot < minutes * 60 * 20; slot++) {
    if (slot % 20 === 19) continue;
    const talking = Math.floor(slot / 400) % 4 !== 0; // 20 s talking, then a 20 s silence
    appendToRuns(runs, { slot, db: talking ? -22 : -60, voiceDb: talking ? -25 + (slot % 7) : -62, periodicity: talking ? 0.8 : 0.1 });
  }
  const t0 = performance.now();
  const durationMs = webmDurationMs(webm);
  const voiceDb = framesOnTimeline(runs, Math.ceil(durationMs! / 50), (r) => r.voiceDb);
  const silences = segmentSilences(voiceDb, durationMs!, 50);
  return { ms: performance.now() - t0, durationMs, silences: silences.length, webmBytes: webm.length };
}

const cpu = levelAnalysisCpu();
const finish = finishAnalysisMs();
if (process.env.BENCH_NODE_ONLY) {
  console.log(
    `voice analysis ${((cpu.cpuMs / (cpu.audioS * 1000)) * 100).toFixed(3)} % of one core; Finish analysis of 45 minutes ${finish.ms.toFixed(1)} ms (${finish.durationMs} ms, ${finish.silences} silences)`,
  );
  process.exit(0);
}
const b = await measureBrowser();
const f = (n: number) => n.toFixed(1);
console.log('Rehearse recording benchmark (production build, headless Chromium, fake microphone)');
const row = (label: string, xs: number[]) =>
  console.log(`  ${label.padEnd(39)}p50 ${f(percentile(xs, 50))} ms  p95 ${f(percentile(xs, 95))} ms  (${xs.length} keys)`);
row('typing keystroke→paint, recording off', b.off.paint);
row('typing keystroke→paint, recording on', b.on.paint);
console.log(`  p95 difference on − off                ${f(percentile(b.on.paint, 95) - percentile(b.off.paint, 95))} ms   (target < 2 ms)`);
row('keystroke→DOM updated, recording off', b.off.dom);
row('keystroke→DOM updated, recording on', b.on.dom);
console.log(
  `  IndexedDB growth while recording       audio ${f(b.audioMbH)} MB/h, events ${f(b.eventsMbH)} MB/h, levels ${f(b.levelsMbH)} MB/h (measured over ${SOAK_S} s, typing 4 keys/s)`,
);
console.log(`  IndexedDB for 30 minutes (extrapolated) ${f((b.audioMbH + b.eventsMbH + b.levelsMbH) / 2)} MB`);
console.log(`  JS heap after GC, recording on         ${f(b.heap0)} → ${f(b.heap1)} MB (${f(b.heapMbH)} MB/h)`);
console.log(
  `  JS heap growth, same typing, off       ${f(b.heapOffMbH)} MB/h (so recording itself adds ${f(b.heapMbH - b.heapOffMbH)} MB/h)`,
);
console.log(
  `  voice analysis CPU while recording      ${f(cpu.cpuMs)} ms for ${cpu.audioS} s of 48 kHz audio = ${((cpu.cpuMs / (cpu.audioS * 1000)) * 100).toFixed(3)} % of one core (target < 5 %)`,
);
console.log(
  `  Finish analysis of a 45-minute session ${f(finish.ms)} ms (duration ${finish.durationMs} ms from ${(finish.webmBytes / 1e6).toFixed(1)} MB of WebM, ${finish.silences} silences; target < 2000 ms)`,
);
console.log(
  `  bytes per hour while recording          ${f(b.audioMbH + b.eventsMbH + b.levelsMbH)} MB/h (audio ${f(b.audioMbH)}, events ${f(b.eventsMbH)}, levels ${f(b.levelsMbH)})`,
);
