/**
 * npm run bench (Python column) — against the production build in headless Chromium, on token-bucket:
 *   - the first Python run: from choosing Python in the Language control to the examples' results, in a
 *     fresh profile: on a first visit (Pyodide and the interpreter's snapshot downloaded from the local
 *     preview server), and once the app is installed (the service worker has precached the build; the
 *     profile has never run Python);
 *   - Submit of the Python reference: cold, then warm p50/p95, with a person's pause between clicks
 *     (each run gets an interpreter restored from the snapshot, and the next one is restored during that pause);
 *   - the command-line loop a developer would otherwise use: `python3` running unittest on the same tests (with the harness's `assertMessage`);
 *   - what Python adds to the precache (Pyodide's files and the problems' Python files).
 * Prints numbers; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { percentile } from './cliLoop.ts';
import { pasteCode, RESOLVE_ON_NEXT_SUMMARY, timedClick, waitForOfflineReady } from './page.ts';
import { BASE_ARGS, CHROMIUM } from '../e2e/fixtures/browser.ts';
import { ROOT, startPreview } from './preview.ts';

const PORT = 4181;
const BASE = `http://127.0.0.1:${PORT}/`;
const WARM_RUNS = 20;
const CLI_RUNS = 10;
const PAUSES_MS = [300, 2000];

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Chooses Python and clicks Run as soon as it can: ms from the choice to the examples' results. */
const FIRST_RUN = `new Promise((resolve) => {
  const select = document.querySelector('select[aria-label="Language"]');
  let t0 = 0;
  // The control is enabled once the problem's drafts are read (a choice before that would be refused).
  const choose = () => {
    if (select.disabled) return requestAnimationFrame(choose);
    t0 = performance.now();
    select.value = 'python';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    tryRun();
  };
  const tryRun = () => {
    const run = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run');
    if (!run || run.disabled || !(window.__rehearseEditorText?.() ?? '').includes('NotImplementedError')) return requestAnimationFrame(tryRun);
    ${RESOLVE_ON_NEXT_SUMMARY}(t0, resolve);
    run.click();
  };
  choose();
})`;

async function openTokenBucket(page: Page): Promise<void> {
  await page.goto(`${BASE}#/problems/token-bucket`);
  await page.locator('.monaco-editor textarea').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction('typeof window.__rehearseEditorText === "function"');
}

async function measureBrowser() {
  const stop = await startPreview(PORT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: BASE_ARGS,
  });
  try {
    // Installed: a fresh profile whose service worker has precached the build, then a new visit.
    const installedContext = await browser.newContext();
    const installedPage = await installedContext.newPage();
    await openTokenBucket(installedPage);
    await waitForOfflineReady(installedPage);
    await installedPage.waitForTimeout(3000); // let the precache finish and the page go quiet
    await installedPage.reload();
    await openTokenBucket(installedPage);
    const firstRunInstalled = (await installedPage.evaluate(FIRST_RUN)) as number;
    await installedContext.close();

    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await openTokenBucket(page);
    // First Python run on a first visit: the download and start-up are on the clock.
    const firstRun = (await page.evaluate(FIRST_RUN)) as number;
    await pasteCode(page, readFileSync(join(ROOT, 'problems/token-bucket/reference.py'), 'utf8'));
    const cold = (await page.evaluate(timedClick('Submit'))) as number;
    const summary = await page.getByTestId('results-summary').textContent();
    const warm: Record<number, number[]> = {};
    for (const pause of PAUSES_MS) {
      warm[pause] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        await page.waitForTimeout(pause);
        warm[pause]!.push((await page.evaluate(timedClick('Submit'))) as number);
      }
    }
    return { firstRun, firstRunInstalled, cold, warm, summary };
  } finally {
    await browser.close();
    stop();
  }
}

const CLI_MAIN = [
  'import sys',
  `sys.path.insert(0, ${JSON.stringify(join(ROOT, 'src/runner/python'))})`,
  'import _harness_asserts',
  '_harness_asserts.add_message_assert()',
  'import unittest',
  "unittest.main(module='hidden_test', argv=['unittest', '-q'])",
].join('\n');

function measureCli(): number[] {
  const dir = join(ROOT, '.tmp/bench-python-cli');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'problems/token-bucket/reference.py'), join(dir, 'solution.py'));
  cpSync(join(ROOT, 'problems/token-bucket/hidden_test.py'), join(dir, 'hidden_test.py'));
  const times: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const t0 = performance.now();
    // The hidden tests check messages with `assertMessage`, which the harness adds to TestCase: add it here too.
    const r = spawnSync('python3', ['-c', CLI_MAIN], { cwd: dir, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`python3 -m unittest failed: ${r.stdout}${r.stderr}`);
  }
  return times;
}

/** Bytes Python adds to the build (and so to the precache): Pyodide's assets and the Python problem chunks. */
function pythonBytes(): { pyodide: number; count: number } {
  const assets = join(ROOT, 'dist/assets');
  let pyodide = 0;
  let count = 0;
  for (const f of readdirSync(assets)) {
    if (/^(pyodide|python_stdlib|runtimeFiles|interpreter-)/.test(f) || /\.py-|_test-|python-/.test(f)) {
      pyodide += statSync(join(assets, f)).size;
      count++;
    }
  }
  return { pyodide, count };
}

const browser = await measureBrowser();
const cli = measureCli();
const bytes = pythonBytes();
const cliMedian = percentile(cli, 50);
console.log('');
console.log('Python (production build, headless Chromium, token-bucket, Pyodide from the local preview server)');
console.log(`  result of the runs                      ${browser.summary}`);
console.log(`  first Python run, first visit           ${ms(browser.firstRun)}   (choose → results; downloads on the clock)`);
console.log(`  first Python run, app installed         ${ms(browser.firstRunInstalled)}   (target < 3000 ms)`);
console.log(`  Submit cold (first after Run)           ${ms(browser.cold)}`);
for (const pause of PAUSES_MS) {
  const runs = browser.warm[pause]!;
  console.log(
    `  Submit warm, ${String(pause).padStart(4)} ms between clicks  p50 ${ms(percentile(runs, 50))}, p95 ${ms(percentile(runs, 95))}   (target p50 < 150 ms)`,
  );
}
console.log(`  CLI loop (python3, unittest) median     ${ms(cliMedian)}   over ${CLI_RUNS} runs`);
for (const pause of PAUSES_MS) {
  console.log(`  speed-up warm p50 vs CLI (${pause} ms)     ${(cliMedian / percentile(browser.warm[pause]!, 50)).toFixed(1)}×`);
}
console.log(`  Python in the build / precache          ${(bytes.pyodide / 1e6).toFixed(1)} MB in ${bytes.count} files`);
