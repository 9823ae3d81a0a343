/**
 * npm run bench:bundle — export and import time of a session bundle for a synthetic 45-minute session:
 * ~6 000 edit events (plus runs and phases), levels at 20 frames/s (54 000 values) and 10 MB of audio.
 * The audio is random bytes (incompressible, like Opus; it is stored in the zip, never decoded here).
 *   1. Node: the pure core — buildBundle (facts, report, SHA-256, zip) and parseBundle (directory checks,
 *      inflate, SHA-256, schemas, restore guards, replay check).
 *   2. Chromium (if a build exists: BENCH_DIST, default dist): the whole path through the UI — the
 *      session written into IndexedDB, Export clicked in the sessions library until the download, and
 *      the file imported in a fresh profile until "Imported" shows.
 *   3. Chromium: a bundle with a 20 MB event log (near the limit) imported through the UI, printing the
 *      total time and the longest main-thread task (PerformanceObserver "longtask", and the longest gap
 *      between animation frames) from the file chosen until "Imported" shows, then separately for the
 *      library's refresh that follows. The import window must stay under 100 ms: the bench says PASS or
 *      FAIL for it (and exits non-zero on FAIL); the unit and e2e tests assert no durations.
 * Prints p50 (and min/max); the target is under 1 s each for the 45-minute session.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from './preview.ts';
import { buildBundle, type BundleSource } from '../src/core/bundle/buildBundle.ts';
import { parseBundle } from '../src/core/bundle/parseBundle.ts';
import { largeLogSource } from '../src/core/bundle/testLargeLog.ts';
import { syntheticWebm } from '../src/core/bundle/testFixture.ts';
import { emptyReview } from '../src/core/review/rubrics.ts';
import { prng } from '../src/core/testing/prng.ts';
import type { SessionEvent, SessionRecord, TextChange } from '../src/core/session/types.ts';
import { findProtocol } from '../src/core/timer/protocols.ts';
import { BASE_ARGS, CHROMIUM } from '../e2e/fixtures/browser.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = process.env.BENCH_DIST ?? 'dist';
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const BASE = `http://127.0.0.1:${PORT}/`;
const SESSION_MS = 45 * 60_000;
const EDITS = 6_000;
const FRAME_MS = 50;
const AUDIO_BYTES = 10 * 1024 * 1024;
const RUNS_NODE = 9;
const RUNS_BROWSER = 5;

const WORDS = ['const ', 'return ', 'if (', ') {\n', '}\n', 'tokens', '.get(', 'now - last', ' * rate', ';\n', '  ', 'Math.min(capacity, '];

function syntheticSession(): { session: SessionRecord; events: SessionEvent[]; levels: number[]; audio: Uint8Array } {
  const random = prng(7);
  let text = 'export class RateLimiter {\n}\n';
  const events: SessionEvent[] = [
    { t: 0, type: 'snapshot', file: 'solution.ts', text },
    { t: 0, type: 'phase', phaseId: 'plan', phaseIndex: 0 },
  ];
  let cursor = text.length - 2;
  for (let i = 0; i < EDITS; i++) {
    const t = Math.round(((i + 1) / (EDITS + 1)) * SESSION_MS);
    if (i === 600)
      events.push(
        { t, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: t },
        { t, type: 'phase', phaseId: 'code', phaseIndex: 1 },
      );
    if (random() < 0.05) cursor = Math.floor(random() * (text.length + 1));
    let change: TextChange;
    if (random() < 0.75) change = { offset: cursor, deleteCount: 0, insert: WORDS[Math.floor(random() * WORDS.length)]! };
    else {
      const deleteCount = Math.min(cursor, 1 + Math.floor(random() * 6));
      change = { offset: cursor - deleteCount, deleteCount, insert: '' };
    }
    text = text.slice(0, change.offset) + change.insert + text.slice(change.offset + change.deleteCount);
    cursor = change.offset + change.insert.length;
    events.push({ t, type: 'edit', file: 'solution.ts', changes: [change], startT: Math.max(0, t - 300) });
    if (i % 300 === 299) {
      events.push({
        t,
        type: 'run',
        mode: i % 900 === 899 ? 'submit' : 'run',
        outcome: 'failed',
        passed: 3,
        total: 5,
        tests: Array.from({ length: 5 }, (_, k) => ({
          title: `case ${k}`,
          path: ['RateLimiter'],
          status: k < 3 ? ('passed' as const) : ('failed' as const),
          ...(k < 3 ? {} : { message: 'expected true to equal false' }),
        })),
      });
    }
  }
  const frames = SESSION_MS / FRAME_MS;
  // Speech around -30 dB with pauses at -100 (digital silence) now and then.
  const levels = Array.from({ length: frames }, (_, i) =>
    Math.floor(i / 400) % 5 === 4 ? -100 : Math.round((-45 + random() * 30) * 1000) / 1000,
  );
  const payload = new Uint8Array(AUDIO_BYTES);
  for (let i = 0; i < payload.length; i += 4) new DataView(payload.buffer).setUint32(i, (random() * 2 ** 32) >>> 0);
  // The importer checks the WebM structure, so the random "Opus" sits inside a real container header.
  const audio = syntheticWebm(payload);
  const startedAt = Date.UTC(2026, 10, 25, 9);
  const session: SessionRecord = {
    id: 'be0c4a11-0000-4000-8000-000000000045',
    problemId: 'token-bucket',
    protocolId: 'coding-45',
    phases: findProtocol('coding-45')!.phases.map((p) => ({ ...p })),
    startedAt,
    endedAt: startedAt + SESSION_MS,
    status: 'finished',
    audio: { segments: [{ index: 0, mimeType: 'audio/webm;codecs=opus', startMs: 0, durationMs: SESSION_MS }] },
    audioOffReason: null,
    silenceThresholdMs: 30_000,
    levelFrameMs: FRAME_MS,
    silences: [],
  };
  return { session, events, levels, audio };
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)}, n=${sorted.length})`;
}

async function benchNode(source: BundleSource): Promise<Uint8Array> {
  const exportMs: number[] = [];
  const importMs: number[] = [];
  let zip: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < RUNS_NODE; i++) {
    let start = performance.now();
    zip = await buildBundle({ ...source, now: new Date() });
    exportMs.push(performance.now() - start);
    start = performance.now();
    await parseBundle(zip);
    importMs.push(performance.now() - start);
  }
  console.log(`Node, core only: bundle ${(zip.length / 1024 / 1024).toFixed(1)} MB`);
  console.log(`  export (buildBundle): ${stats(exportMs)}`);
  console.log(`  import (parseBundle): ${stats(importMs)}`);
  return zip;
}

/** Writes the session's rows in the page's IndexedDB, as the recorder would have left them after Finish. */
async function seedSession(page: Page, data: ReturnType<typeof syntheticSession>): Promise<void> {
  await page.evaluate(
    async ({ session, events, levels, audioBytes, header }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('rehearse');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // Random bytes made in the page (10 MB through the protocol would measure Playwright, not us),
      // behind the WebM header the importer checks for.
      const audio = new Uint8Array(audioBytes + header.length);
      audio.set(header);
      for (let i = header.length; i < audio.length; i += 65_536)
        crypto.getRandomValues(audio.subarray(i, Math.min(audio.length, i + 65_536)));
      const tx = db.transaction(['sessions', 'sessionEvents', 'audioChunks', 'levels'], 'readwrite');
      tx.objectStore('sessions').put(session);
      for (let seq = 0; seq * 100 < events.length; seq++)
        tx.objectStore('sessionEvents').put({ sessionId: session.id, seq, events: events.slice(seq * 100, seq * 100 + 100) });
      tx.objectStore('audioChunks').put({
        sessionId: session.id,
        segment: 0,
        seq: 0,
        t: 2_700_000,
        blob: new Blob([audio], { type: 'audio/webm' }),
        final: true,
      });
      for (let seq = 0; seq * 20 < levels.length; seq++)
        tx.objectStore('levels').put({
          sessionId: session.id,
          segment: 0,
          seq,
          startFrame: seq * 20,
          db: levels.slice(seq * 20, seq * 20 + 20),
        });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      session: data.session,
      events: data.events,
      levels: data.levels,
      audioBytes: AUDIO_BYTES,
      header: Array.from(syntheticWebm(new Uint8Array(0))),
    },
  );
}

async function benchBrowser(data: ReturnType<typeof syntheticSession>): Promise<void> {
  if (!existsSync(join(ROOT, DIST, 'index.html'))) {
    console.log(`Chromium: skipped (no build in ${DIST}/; run npm run build, or set BENCH_DIST).`);
    return;
  }
  const stop = await startPreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const origin = await browser.newContext();
    const page = await origin.newPage();
    await page.goto(`${BASE}#/sessions`);
    await page.getByRole('button', { name: 'Import a session' }).waitFor();
    await seedSession(page, data);
    await page.reload();
    const exportButton = page.getByRole('button', { name: /^Export/ });
    await exportButton.waitFor();
    const exportMs: number[] = [];
    let file = '';
    for (let i = 0; i < RUNS_BROWSER; i++) {
      const download = page.waitForEvent('download');
      const start = performance.now();
      await exportButton.click();
      const d = await download;
      exportMs.push(performance.now() - start);
      file = join(dir, d.suggestedFilename());
      await d.saveAs(file);
    }
    console.log(`Chromium, through the UI (IndexedDB read + bundle + download):`);
    console.log(`  export (click → download): ${stats(exportMs)}`);

    const importMs: number[] = [];
    for (let i = 0; i < RUNS_BROWSER; i++) {
      const fresh = await browser.newContext();
      const other = await fresh.newPage();
      await other.goto(`${BASE}#/sessions`);
      const chooser = other.waitForEvent('filechooser');
      await other.getByRole('button', { name: 'Import a session' }).click();
      const start = performance.now();
      await (await chooser).setFiles(file);
      await other.getByRole('status').filter({ hasText: 'Imported the session' }).waitFor({ timeout: 30_000 });
      importMs.push(performance.now() - start);
      await fresh.close();
    }
    console.log(`  import (file chosen → "Imported", in a fresh profile; checks + one IndexedDB transaction): ${stats(importMs)}`);
    await origin.close();
    await benchLargeLog(browser, dir);
  } finally {
    await browser.close();
    stop();
  }
}

/** In the page: every long task and frame gap, with when it started, and when a status text first showed. */
function installMainThreadWatch(): void {
  const w = window as unknown as {
    __watch: { tasks: { start: number; ms: number }[]; gaps: { start: number; ms: number }[]; seen: Record<string, number> };
  };
  w.__watch = { tasks: [], gaps: [], seen: {}, stages: [] } as typeof w.__watch;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__watch.tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now: number) => {
    if (now - last > 50) w.__watch.gaps.push({ start: last, ms: now - last });
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    const text = document.body.innerText;
    const status = document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext');
    const stages = (w.__watch as unknown as { stages: [number, string][] }).stages;
    if (status && stages[stages.length - 1]?.[1] !== status) stages.push([performance.now(), status]);
    for (const key of ['Imported the session', 'sessions'])
      if (!(key in w.__watch.seen) && text.includes(key === 'sessions' ? '1 of 1 sessions' : key)) w.__watch.seen[key] = performance.now();
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

type Watch = { tasks: { start: number; ms: number }[]; gaps: { start: number; ms: number }[]; seen: Record<string, number> };

const LONG_TASK_LIMIT_MS = 100;

/** Imports a bundle with a 20 MB event log in a fresh profile; prints the longest task in and after the import. */
async function benchLargeLog(browser: import('@playwright/test').Browser, dir: string): Promise<void> {
  const source = largeLogSource();
  const file = join(dir, 'large-log.zip');
  const zip = await buildBundle(source);
  writeFileSync(file, zip);
  const logBytes = Buffer.byteLength(source.events.map((e) => JSON.stringify(e)).join('\n'));
  console.log(
    `Chromium, a bundle with a ${(logBytes / 1024 / 1024).toFixed(1)} MB event log (${source.events.length} events; zip ${(zip.length / 1024 / 1024).toFixed(1)} MB):`,
  );
  let worst = 0;
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}#/sessions`);
    await page.getByRole('button', { name: 'Import a session' }).waitFor();
    // tsx names functions through an `__name` helper that does not exist in the page.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(installMainThreadWatch);
    // The same page doing nothing for 3 s: on a loaded machine the OS alone makes "long tasks" (a task
    // is timed on the wall clock), and this shows how much of the import's figure is that.
    const idleFrom = await page.evaluate(() => performance.now());
    await page.waitForTimeout(3_000);
    const idle = (await page.evaluate(
      (from) => Math.max(0, ...(window as unknown as { __watch: Watch }).__watch.tasks.filter((t) => t.start >= from).map((t) => t.ms)),
      idleFrom,
    )) as number;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a session' }).click();
    const chosenAt = await page.evaluate(() => performance.now());
    const start = performance.now();
    await (await chooser).setFiles(file);
    await page.getByRole('status').filter({ hasText: 'Imported the session' }).waitFor({ timeout: 300_000 });
    const totalMs = performance.now() - start;
    await page.getByTestId('sessions-count').filter({ hasText: '1 of 1 sessions' }).waitFor({ timeout: 120_000 });
    const watch = (await page.evaluate(() => (window as unknown as { __watch: Watch }).__watch)) as Watch;
    const importedAt = watch.seen['Imported the session'] ?? Infinity;
    const during = (xs: { start: number; ms: number }[]) =>
      Math.max(0, ...xs.filter((x) => x.start >= chosenAt && x.start < importedAt).map((x) => x.ms));
    const after = (xs: { start: number; ms: number }[]) => Math.max(0, ...xs.filter((x) => x.start >= importedAt).map((x) => x.ms));
    const task = during(watch.tasks);
    if (process.env.BENCH_VERBOSE) {
      const stages = (watch as unknown as { stages: [number, string][] }).stages;
      for (const t of watch.tasks.filter((x) => x.start >= chosenAt && x.start < importedAt)) {
        const stage = [...stages].reverse().find(([at]) => at <= t.start)?.[1] ?? 'before the first progress';
        console.log(`    long task at +${(t.start - chosenAt).toFixed(0)} ms: ${t.ms.toFixed(0)} ms (shown: ${stage})`);
      }
    }
    worst = Math.max(worst, task);
    console.log(
      `  run ${i + 1}: file chosen → "Imported" ${totalMs.toFixed(0)} ms; longest main-thread task during the import ${task.toFixed(0)} ms (longest frame gap ${during(watch.gaps).toFixed(0)} ms); ` +
        `then the library's refresh: longest task ${after(watch.tasks).toFixed(0)} ms; the idle page before: longest task ${idle.toFixed(0)} ms`,
    );
    await context.close();
  }
  const verdict = worst < LONG_TASK_LIMIT_MS ? 'PASS' : 'FAIL';
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  console.log(
    `  ${verdict}: longest main-thread task during a 20 MB-log import ${worst.toFixed(0)} ms (must be < ${LONG_TASK_LIMIT_MS} ms; load average ${load})`,
  );
  if (verdict === 'FAIL') process.exitCode = 1;
}

// BENCH_ONLY=large-log runs only part 3 (the 20 MB-log import).
if (process.env.BENCH_ONLY === 'large-log') {
  if (!existsSync(join(ROOT, DIST, 'index.html'))) throw new Error(`no build in ${DIST}/`);
  const stop = await startPreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
  try {
    await benchLargeLog(browser, mkdtempSync(join(tmpdir(), 'bench-bundle-')));
  } finally {
    await browser.close();
    stop();
  }
} else {
  const data = syntheticSession();
  console.log(
    `synthetic session: ${data.events.length} events over 45 min, ${data.levels.length} level frames, ${AUDIO_BYTES / 1024 / 1024} MB audio (random bytes)`,
  );
  const review = emptyReview(data.session.id, null, Date.now());
  review.selfScores.talked = { score: 6, note: 'long pause in the middle' };
  const zip = await benchNode({
    session: data.session,
    problemTitle: 'Token-bucket rate limiter',
    events: data.events,
    review,
    levels: [{ index: 0, db: data.levels }],
    audio: [{ index: 0, mimeType: 'audio/webm;codecs=opus', bytes: data.audio }],
    appVersion: 'bench',
    now: new Date(),
  });
  writeFileSync(join(tmpdir(), 'bench-bundle.zip'), zip);
  await benchBrowser(data);
}
