/**
 * Part of `npm run bench` — an API scenario's request (issue 23, docs/decisions/api-scenarios.md) against the
 * production test build in headless Chromium, beside a warm Submit in the same page and run. Prints numbers;
 * asserts nothing.
 *   - warm request p50/p95, TypeScript and Python: `runner.request` from the call to the outcome (what the
 *     Requests pane's Send waits for), the service already up; targets < 50 ms (TypeScript), < 150 ms (Python);
 *   - the first request (the service's start) once per language;
 *   - token-bucket's warm Submit p50/p95, alternating with the requests, so load weighs on both alike;
 *   - with a real problem, also in its workspace: the Requests pane's Send clicked → the reply painted in the
 *     pane's history (what the person waits for: the runner, the engine, the log and React's render).
 * The service is our fixture (e2e/fixtures/service/) until the real problems land: BENCH_API_PROBLEM=api-rate-limit
 * benches that problem's starter project instead (its files under problems/<id>/project/<language>/starter,
 * the web-service library mounted at framework/), with BENCH_API_PATH as the path requested; BENCH_API_ROOT
 * reads the problems from another checkout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { percentile } from './cliLoop.ts';
import { readTree } from './tree.ts';
import { timedClick } from './page.ts';
import { BASE_ARGS, CHROMIUM } from '../e2e/fixtures/browser.ts';
import { fixtureProject } from '../e2e/serviceFixture.ts';
import { ROOT, startPreview } from './preview.ts';
import type { Language } from '../src/core/languages/registry.ts';
import type { Runner } from '../src/runner/types.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4183);
const DIST = process.env.BENCH_DIST ?? 'dist';
const BASE = `http://127.0.0.1:${PORT}/`;
/** The real problem to bench (e.g. api-rate-limit); our fixture when unset. */
const PROBLEM = process.env.BENCH_API_PROBLEM;
const PATH = process.env.BENCH_API_PATH ?? (PROBLEM ? '/' : '/notes');
const PROBLEMS_ROOT = process.env.BENCH_API_ROOT ?? ROOT;
const WARM = 30;
const SUBMIT = { id: 'token-bucket' };

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The project a request is sent to: the real problem's starter with its library, or our fixture. */
function project(language: Language): { files: Record<string, string>; entry: string } {
  if (!PROBLEM) return fixtureProject(language);
  const ext = language === 'python' ? 'py' : 'ts';
  const starter = join(PROBLEMS_ROOT, 'problems', PROBLEM, 'project', language, 'starter');
  const library = join(PROBLEMS_ROOT, 'problems', '_libraries', 'web-service', language);
  if (!existsSync(starter)) throw new Error(`${PROBLEM} has no ${language} starter project at ${starter}`);
  const mounted = existsSync(library) ? [...readTree(library)].map(([path, text]) => [`framework/${path}`, text]) : [];
  return { files: Object.fromEntries([...readTree(starter), ...mounted]), entry: `server.${ext}` };
}

/** One request through the app's runner (the test build's hook), timed in the page: ms, or the failure. */
function timedRequest(page: Page, language: Language, files: Record<string, string>, entry: string): Promise<number | string> {
  const args = { language, files, entry, path: PATH, key: `bench:${language}` };
  return page.evaluate(async (a) => {
    const hook = window as unknown as { __rehearseRunner: () => Promise<Runner> };
    const runner = await hook.__rehearseRunner();
    const t0 = performance.now();
    const reply = await runner.request({
      serviceKey: a.key,
      language: a.language,
      files: a.files,
      entry: a.entry,
      request: { method: 'GET', path: a.path, headers: [], body: '' },
    });
    const elapsed = performance.now() - t0;
    return reply.outcome.kind === 'response' ? elapsed : JSON.stringify(reply.outcome);
  }, args);
}

/**
 * In the problem's workspace, in `language`: Send clicked → the new reply painted (the pane's history grows
 * by one, then a frame). The first Send starts the service and is not counted.
 */
async function paneSends(page: Page, problem: string, language: Language, path: string): Promise<number[]> {
  await page.goto(`${BASE}#/problems/${problem}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
  const pane = page.getByRole('region', { name: 'Requests' });
  await pane.getByRole('textbox', { name: 'Path' }).fill(path);
  const history = pane.getByRole('region', { name: 'History' }).getByRole('listitem');
  const send = async (): Promise<number> =>
    (await page.evaluate(
      `new Promise((resolve) => {
        const pane = document.querySelector('[aria-label="Requests"]');
        const count = () => pane.querySelectorAll('[aria-label="History"] li').length;
        const before = count();
        const button = [...pane.querySelectorAll('button')].find((b) => b.textContent === 'Send');
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (count() !== before) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        observer.observe(pane, { subtree: true, childList: true });
        button.click();
      })`,
    )) as number;
  await send();
  await history.first().waitFor();
  const times: number[] = [];
  // The history keeps 50 replies: stay below it, so each Send adds one.
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    times.push(await send());
  }
  return times;
}

async function main() {
  const stop = await startPreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}#/problems/${SUBMIT.id}`);
    await page.waitForFunction('typeof window.__rehearseEditorText?.() === "string"', undefined, { timeout: 60_000 });
    await page.evaluate(timedClick('Submit'));
    const submits: number[] = [];
    console.log(`\nAPI scenario requests (${PROBLEM ?? 'our fixture service'}, GET ${PATH}) beside ${SUBMIT.id}'s warm Submit`);
    for (const language of ['typescript', 'python'] as const) {
      const { files, entry } = project(language);
      const first = await timedRequest(page, language, files, entry);
      if (typeof first === 'string') throw new Error(`${language}: the service did not answer: ${first}`);
      const warm: number[] = [];
      for (let i = 0; i < WARM; i++) {
        const took = await timedRequest(page, language, files, entry);
        if (typeof took === 'string') throw new Error(`${language}: a warm request failed: ${took}`);
        warm.push(took);
        if (i % 3 === 0) {
          await page.waitForTimeout(200);
          submits.push((await page.evaluate(timedClick('Submit'))) as number);
        }
      }
      const target = language === 'python' ? 150 : 50;
      console.log(
        `  ${language}: first request (service start) ${ms(first)}; warm p50/p95 ${ms(percentile(warm, 50))}/${ms(percentile(warm, 95))} (target p50 < ${target} ms)`,
      );
    }
    console.log(`  ${SUBMIT.id} warm Submit p50/p95 in the same run: ${ms(percentile(submits, 50))}/${ms(percentile(submits, 95))}`);
    if (PROBLEM) {
      for (const language of ['typescript', 'python'] as const) {
        const sends = await paneSends(page, PROBLEM, language, PATH);
        const target = language === 'python' ? 150 : 50;
        console.log(
          `  ${language}, the Requests pane: Send → reply painted, warm p50/p95 ${ms(percentile(sends, 50))}/${ms(percentile(sends, 95))} (target p50 < ${target} ms)`,
        );
      }
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
