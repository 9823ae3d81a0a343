/**
 * Part of `npm run bench` — the codebase problem (issue 22) against a single-file one, in the same run and
 * the same browser, against the production build in headless Chromium. Prints numbers; asserts nothing.
 *   - opening: catalog card click → the first file typeable (the plain text area while Monaco loads), for
 *     token-bucket and for support-desk, each from a freshly loaded catalog left idle 2 s, on a warm profile;
 *   - warm Submit p50/p95 of the whole project (every file of the reference pasted into its file) against
 *     token-bucket's warm Submit, alternating, so load on the machine weighs on both alike.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { percentile } from './cliLoop.ts';
import { readTree } from './tree.ts';
import { pasteCode, timedClick, waitForOfflineReady } from './page.ts';
import { BASE_ARGS, CHROMIUM } from '../e2e/fixtures/browser.ts';
import { ROOT, startPreview } from './preview.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4183);
const DIST = process.env.BENCH_DIST ?? 'dist';
const BASE = `http://127.0.0.1:${PORT}/`;
const WARM_RUNS = 20;
const CODEBASE = { id: 'support-desk', title: 'Support desk chat (codebase)' };
const SINGLE = { id: 'token-bucket', title: 'Token-bucket rate limiter' };

const ms = (n: number) => `${n.toFixed(0)} ms`;

async function launch(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: BASE_ARGS,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await (context.pages()[0] ?? (await context.newPage())).goto('about:blank');
  return context;
}

async function showCatalog(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.getByRole('link', { name: SINGLE.title, exact: true }).waitFor({ timeout: 60_000 });
}

/** Click on the card → the editor holds the first file's starter and takes keys. */
async function open(page: Page, title: string, firstText: string): Promise<number> {
  const t0 = Date.now();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.waitForFunction(`window.__rehearseEditorText?.() === ${JSON.stringify(firstText)}`, undefined, { timeout: 60_000 });
  return Date.now() - t0;
}

/** Pastes the reference into every file it changes (opening each from the Files tree). */
async function pasteReference(page: Page, overlay: Map<string, string>): Promise<void> {
  for (const [path, text] of overlay) {
    const item = page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: path, exact: true });
    if ((await item.count()) === 0) {
      await page.getByRole('button', { name: 'New file', exact: true }).click();
      const field = page.getByRole('textbox', { name: /New file’s path/ });
      await field.fill(path);
      await field.press('Enter');
    } else {
      await item.click();
    }
    await page.getByRole('tab', { name: path, exact: true, selected: true }).waitFor();
    await pasteCode(page, text);
  }
}

async function main() {
  const stop = await startPreview(PORT, DIST);
  const profile = mkdtempSync(join(tmpdir(), 'rehearse-bench-codebase-'));
  try {
    const starter = readTree(join(ROOT, `problems/${CODEBASE.id}/project/typescript/starter`));
    const overlay = readTree(join(ROOT, `problems/${CODEBASE.id}/project/typescript/reference`));
    const singleStarter = readFileSync(join(ROOT, `problems/${SINGLE.id}/starter.ts`), 'utf8');
    const singleReference = readFileSync(join(ROOT, `problems/${SINGLE.id}/reference.ts`), 'utf8');

    // First visit: install the app (service worker), so the measured visit is a warm one.
    let context = await launch(profile);
    let page = context.pages()[0]!;
    await showCatalog(page);
    await waitForOfflineReady(page);
    await context.close();

    // Each opening in the same conditions: the catalog freshly loaded and idle for 2 s (Monaco preloads then).
    context = await launch(profile);
    page = context.pages()[0]!;
    await showCatalog(page);
    await page.waitForTimeout(2000);
    const openSingle = await open(page, SINGLE.title, singleStarter);
    await pasteCode(page, singleReference);
    await showCatalog(page);
    await page.waitForTimeout(2000);
    // The codebase problem opens on its first file the candidate may change: typeable once it shows a starter file.
    const starterTexts = JSON.stringify([...starter.values()]);
    const t0 = Date.now();
    await page.getByRole('link', { name: CODEBASE.title, exact: true }).click();
    await page.waitForFunction(`${starterTexts}.includes(window.__rehearseEditorText?.())`, undefined, { timeout: 60_000 });
    const openCodebase = Date.now() - t0;
    await pasteReference(page, overlay);
    const codebaseSummary = await (async () => {
      await page.evaluate(timedClick('Submit'));
      return page.getByTestId('results-summary').textContent();
    })();

    // Alternate: codebase Submit here, then token-bucket's in a second tab, WARM_RUNS times each.
    const single = await context.newPage();
    await single.goto(`${BASE}#/problems/${SINGLE.id}`);
    await single.waitForFunction('typeof window.__rehearseEditorText?.() === "string"', undefined, { timeout: 60_000 });
    // The first tab's paste may still be on its way to the draft (or asked about): paste here too, to be sure.
    await pasteCode(single, singleReference);
    await single.evaluate(timedClick('Submit'));
    const warmCodebase: number[] = [];
    const warmSingle: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      await page.bringToFront();
      await page.waitForTimeout(300);
      warmCodebase.push((await page.evaluate(timedClick('Submit'))) as number);
      await single.bringToFront();
      await single.waitForTimeout(300);
      warmSingle.push((await single.evaluate(timedClick('Submit'))) as number);
    }
    await context.close();
    const p50c = percentile(warmCodebase, 50);
    const p50s = percentile(warmSingle, 50);
    console.log(`\nCodebase problem (${CODEBASE.id}, ${starter.size} files, reference changes ${overlay.size}) vs ${SINGLE.id}`);
    console.log(`  Submit of the reference: ${codebaseSummary ?? '?'}`);
    console.log(
      `  open (click → typeable, warm profile): ${SINGLE.id} ${ms(openSingle)}, ${CODEBASE.id} ${ms(openCodebase)} (+${ms(openCodebase - openSingle)})`,
    );
    console.log(
      `  warm Submit p50/p95: ${CODEBASE.id} ${ms(p50c)}/${ms(percentile(warmCodebase, 95))}, ${SINGLE.id} ${ms(p50s)}/${ms(percentile(warmSingle, 95))} → ${(p50c / p50s).toFixed(2)}×`,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
    stop();
  }
}

await main();
