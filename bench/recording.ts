/**
 * npm run bench:recording — the cost of recording a session, against the production build in headless
 * Chromium with the fake microphone (the e2e fixture's speech WAV):
 *   - typing latency, keystroke to paint, p50/p95, with recording off (before Start) and on;
 *   - growth while recording and typing for SOAK_S seconds of real time — IndexedDB bytes (what the
 *     session's rows hold) and JS heap after GC — reported as MB per hour (MediaRecorder and the worklet
 *     run in real time, so 30 minutes cannot be compressed: the rate is measured and extrapolated), and
 *     the same typing without recording for comparison;
 *   - CPU of the level analysis (meter + silence detector, the worklet's and recorder's per-frame work)
 *     over 10 minutes of synthetic audio in Node, as a share of one core.
 * Prints numbers; asserts nothing.
 */
import { chromium, type Page } from '@playwright/test';
import { startPreview } from './preview.ts';
import { createLevelMeter } from '../src/core/audio/levels.ts';
import { createSilenceDetector } from '../src/core/audio/voiceActivity.ts';
import { BASE_ARGS, CHROMIUM, FAKE_MICROPHONE_ARGS } from '../e2e/fixtures/browser.ts';
import { makeSpeechFixture } from '../e2e/fixtures/speech.ts';

const PORT = 4180;
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
  const stop = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...BASE_ARGS, ...FAKE_MICROPHONE_ARGS, '--use-fake-ui-for-media-stream'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}#/problems/token-bucket`);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await page.waitForFunction('typeof window.__rehearseEditorText === "function"');
    await page.evaluate(INSTALL_PROBE);
    await page.locator('.monaco-editor .view-lines').click();
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
    await page.locator('.monaco-editor .view-lines').click();
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

/** The per-frame work of level analysis over 10 minutes of noisy speech-like audio, in 128-sample blocks. */
function levelAnalysisCpu(): { audioS: number; cpuMs: number } {
  const rate = 48_000;
  const audioS = 600;
  const block = new Float32Array(128);
  const detector = createSilenceDetector({ frameMs: 50 });
  const meter = createLevelMeter(rate, 50, (db) => {
    detector.push(db);
    detector.currentSilenceMs();
    detector.isSpeaking();
  });
  let phase = 0;
  const t0 = process.cpuUsage();
  for (let n = 0; n < (audioS * rate) / 128; n++) {
    const talking = Math.floor(n / 2000) % 3 !== 0;
    for (let i = 0; i < 128; i++) {
      phase += 0.05;
      block[i] = (talking ? 0.2 * Math.sin(phase) : 0) + (Math.random() - 0.5) * 0.002;
    }
    meter.push(block);
  }
  const used = process.cpuUsage(t0);
  return { audioS, cpuMs: (used.user + used.system) / 1000 };
}

const b = await measureBrowser();
const cpu = levelAnalysisCpu();
const f = (n: number) => n.toFixed(1);
console.log('Rehearse recording benchmark (production build, headless Chromium, fake microphone)');
const row = (label: string, xs: number[]) => console.log(`  ${label.padEnd(39)}p50 ${f(percentile(xs, 50))} ms  p95 ${f(percentile(xs, 95))} ms  (${xs.length} keys)`);
row('typing keystroke→paint, recording off', b.off.paint);
row('typing keystroke→paint, recording on', b.on.paint);
console.log(`  p95 difference on − off                ${f(percentile(b.on.paint, 95) - percentile(b.off.paint, 95))} ms   (target < 2 ms)`);
row('keystroke→DOM updated, recording off', b.off.dom);
row('keystroke→DOM updated, recording on', b.on.dom);
console.log(`  IndexedDB growth while recording       audio ${f(b.audioMbH)} MB/h, events ${f(b.eventsMbH)} MB/h, levels ${f(b.levelsMbH)} MB/h (measured over ${SOAK_S} s, typing 4 keys/s)`);
console.log(`  IndexedDB for 30 minutes (extrapolated) ${f((b.audioMbH + b.eventsMbH + b.levelsMbH) / 2)} MB`);
console.log(`  JS heap after GC, recording on         ${f(b.heap0)} → ${f(b.heap1)} MB (${f(b.heapMbH)} MB/h)`);
console.log(`  JS heap growth, same typing, off       ${f(b.heapOffMbH)} MB/h (so recording itself adds ${f(b.heapMbH - b.heapOffMbH)} MB/h)`);
console.log(`  level analysis CPU (meter + detector)  ${f(cpu.cpuMs)} ms for ${cpu.audioS} s of 48 kHz audio = ${((cpu.cpuMs / (cpu.audioS * 1000)) * 100).toFixed(3)} % of one core`);
