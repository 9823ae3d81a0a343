/**
 * npm run bench — measures, against the production build in headless Chromium:
 *   - page load to an editable editor (deep link to the token-bucket problem);
 *   - Submit on the token-bucket problem: cold (first run after load) and warm p50/p95 over 30 runs,
 *     from the click to the results rendered;
 *   - the command-line loop a developer would otherwise use (mocha + tsx over the same hidden tests);
 *   - the entry JavaScript's gzip size (everything loaded before Monaco's lazy chunk).
 * Prints numbers; asserts nothing (performance is reported, not tested).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { measureCliLoop, percentile } from './cliLoop.ts';
import { pasteCode, timedClick, waitForOfflineReady } from './page.ts';
import { BASE_ARGS, CHROMIUM } from '../e2e/fixtures/browser.ts';
import { startPreview } from './preview.ts';

const ROOT = join(import.meta.dirname, '..');
const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}/`;
const WARM_RUNS = 30;
const CLI_RUNS = 10;

const ms = (n: number) => `${n.toFixed(1)} ms`;

const timedSubmit = (page: Page): Promise<number> => page.evaluate(timedClick('Submit')) as Promise<number>;

async function measureBrowser() {
  const stop = await startPreview(PORT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: BASE_ARGS,
  });
  try {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    // Measure the app, not the browser's own start-up: the renderer is up before the clock starts.
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(`${BASE}#/problems/token-bucket`);
    await page.locator('.monaco-editor textarea').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction('typeof window.__rehearseEditorText === "function"');
    const loadToEditor = Date.now() - t0;

    const reference = readFileSync(join(ROOT, 'problems/token-bucket/reference.ts'), 'utf8');
    await pasteCode(page, reference);
    const cold = await timedSubmit(page);
    const summary = await page.getByTestId('results-summary').textContent();
    // Warm runs in the steady state: the service worker has finished precaching the build (48 MB).
    await waitForOfflineReady(page);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      await page.waitForTimeout(150); // idle between clicks, as a person would be: lets the next worker pre-spawn
      warm.push(await timedSubmit(page));
    }
    return { loadToEditor, cold, warm, summary };
  } finally {
    await browser.close();
    stop();
  }
}

function entrySizes(): { raw: number; gzip: number; files: string[] } {
  const dist = join(ROOT, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const f of new Set(files)) {
    const buf = readFileSync(join(dist, f));
    raw += buf.length;
    gzip += gzipSync(buf).length;
  }
  return { raw, gzip, files: [...new Set(files)] };
}

const browser = await measureBrowser();
const cli = measureCliLoop(CLI_RUNS);
const sizes = entrySizes();
const warmP50 = percentile(browser.warm, 50);
const cliMedian = percentile(cli, 50);

console.log('Rehearse benchmark (production build, headless Chromium, token-bucket hidden tests)');
console.log(`  result of the runs             ${browser.summary}`);
console.log(`  page load → editable editor    ${ms(browser.loadToEditor)}   (target < 1500 ms)`);
console.log(`  Submit cold (first after load) ${ms(browser.cold)}   (target < 1000 ms)`);
console.log(`  Submit warm p50 over ${WARM_RUNS}        ${ms(warmP50)}   (target < 50 ms)`);
console.log(`  Submit warm p95 over ${WARM_RUNS}        ${ms(percentile(browser.warm, 95))}   (target < 100 ms)`);
console.log(`  CLI loop (mocha + tsx) median  ${ms(cliMedian)}   over ${CLI_RUNS} runs`);
console.log(`  speed-up warm p50 vs CLI       ${(cliMedian / warmP50).toFixed(1)}×   (target ≥ 20×)`);
console.log(
  `  entry JS+CSS before Monaco     ${(sizes.gzip / 1024).toFixed(1)} kB gzip (${(sizes.raw / 1024).toFixed(0)} kB raw; target < 300 kB gzip)`,
);
