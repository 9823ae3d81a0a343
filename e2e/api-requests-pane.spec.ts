/**
 * An API scenario's Requests pane (issue 23), in TypeScript and Python: malformed JSON and a bad header line
 * are refused with their message and nothing is sent or logged; GET /users answers 200; with the reference
 * middleware pasted, the sixth GET answers 429 with Retry-After; Submit passes. The session's requests are on
 * the replay's timeline at their times and in its Requests list, the bundle's report lists them, and a
 * fresh profile imports them. api-persistence: a signup survives Restart service. (No microphone: the
 * sessions record without audio.)
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { endSession, exportSession, importSession, submitAndWait } from './helpers';
import { hasProject, pasteReference, tree } from './project';
import { newestSession, storedEvents } from './recording';

const RATE_LIMIT = 'api-rate-limit';
const PERSISTENCE = 'api-persistence';
const LANGUAGES = ['typescript', 'python'] as const;

const pane = (page: Page) => page.getByRole('region', { name: 'Requests' });
const historyHeading = (page: Page) => pane(page).getByRole('heading', { name: /^History \(\d+\)$/ });
const groups = (page: Page) => page.getByRole('list', { name: 'Requirements and features' });

async function openScenario(page: Page, id: string, language: string): Promise<void> {
  await page.goto(`./#/problems/${id}`);
  await expect(tree(page)).toBeVisible({ timeout: 30_000 });
  if (language !== 'typescript') await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
  await expect(pane(page).getByRole('textbox', { name: 'Path' })).toBeEnabled({ timeout: 20_000 });
}

async function fill(page: Page, request: { method?: string; path: string; headers?: string; body?: string }): Promise<void> {
  const region = pane(page);
  await region.getByRole('combobox', { name: 'Method' }).selectOption(request.method ?? 'GET');
  await region.getByRole('textbox', { name: 'Path' }).fill(request.path);
  await region.getByRole('textbox', { name: /^Headers/ }).fill(request.headers ?? '');
  await region.getByRole('textbox', { name: /^JSON body/ }).fill(request.body ?? '');
}

/** How many requests the history holds (0 when it is not shown). */
async function sentCount(page: Page): Promise<number> {
  if ((await historyHeading(page).count()) === 0) return 0;
  return Number(/\((\d+)\)/.exec(await historyHeading(page).innerText())![1]);
}

/** Sends what the form holds (by Ctrl/⌘+Enter in the path, or the Send button) and waits for its answer. */
async function send(page: Page, how: 'button' | 'keys' = 'button'): Promise<void> {
  const before = await sentCount(page);
  if (how === 'keys') await pane(page).getByRole('textbox', { name: 'Path' }).press('ControlOrMeta+Enter');
  else await pane(page).getByRole('button', { name: 'Send', exact: true }).click();
  // The first Send starts the service (Python: an interpreter of its own), so it may take a while.
  await expect(historyHeading(page)).toHaveText(`History (${before + 1})`, { timeout: 60_000 });
}

const status = (page: Page) => pane(page).getByLabel('Status', { exact: true });

test('at 1280×720 the Requests region sits beside the editor, its form whole in view, and the page does not scroll sideways', async ({
  page,
}) => {
  test.skip(!hasProject(RATE_LIMIT, 'typescript'), `${RATE_LIMIT} is not in this checkout`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openScenario(page, RATE_LIMIT, 'typescript');
  for (const control of [
    pane(page).getByRole('combobox', { name: 'Method' }),
    pane(page).getByRole('textbox', { name: 'Path' }),
    pane(page).getByRole('button', { name: 'Send', exact: true }),
    pane(page).getByRole('button', { name: 'Restart service' }),
    pane(page).getByRole('textbox', { name: /^JSON body/ }),
  ])
    await expect(control).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('editor')).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Console' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const editor = (await page.getByTestId('editor').boundingBox())!;
  const requests = (await pane(page).boundingBox())!;
  expect(requests.x).toBeGreaterThanOrEqual(editor.x + editor.width - 1);
});

for (const language of LANGUAGES) {
  test.describe(`${language}`, () => {
    test.describe.configure({ timeout: 300_000 });

    test(`${RATE_LIMIT}: refused input sends nothing; the sixth request is 429 with Retry-After; Submit passes; replay, report and import keep the requests`, async ({
      page,
      browser,
      baseURL,
    }) => {
      test.skip(!hasProject(RATE_LIMIT, language), `${RATE_LIMIT} has no ${language} project in this checkout`);
      await openScenario(page, RATE_LIMIT, language);
      await expect(pane(page)).toContainText('Nothing sent yet');
      await page.getByRole('button', { name: 'Start', exact: true }).click();

      // Malformed JSON and a bad header line: refused with their messages, nothing sent.
      await fill(page, { method: 'POST', path: '/signup', headers: 'X-Client-Id: ada\nno colon here', body: '{"email": }' });
      await pane(page).getByRole('button', { name: 'Send', exact: true }).click();
      const refusal = pane(page).getByRole('alert');
      await expect(refusal).toContainText('Not sent');
      await expect(refusal).toContainText('Header line 2 has no colon');
      await expect(refusal).toContainText(/The body is not valid JSON \(at line 1, column \d+\)/);
      expect(await sentCount(page)).toBe(0);

      // The service as received answers GET /users.
      await fill(page, { path: '/users' });
      await expect(refusal).toBeHidden();
      await send(page);
      await expect(status(page)).toHaveText('200 OK');
      await expect(pane(page).getByLabel('Response body')).toContainText('"users"');

      // The reference middleware: five go through, the sixth is refused with Retry-After.
      await pasteReference(page, RATE_LIMIT, language);
      for (let i = 1; i <= 6; i++) {
        await send(page, 'keys');
        await expect(status(page)).toHaveText(i < 6 ? '200 OK' : '429 Too Many Requests');
      }
      const headers = pane(page).getByRole('table', { name: 'Response headers' });
      await expect(headers.getByRole('row', { name: /Retry-After/i })).toContainText(/\d+/);

      // A request of the history is sent again as it was: still refused.
      await pane(page).getByRole('button', { name: 'Resend GET /users' }).first().click();
      await expect(historyHeading(page)).toHaveText('History (8)', { timeout: 60_000 });
      await expect(status(page)).toHaveText('429 Too Many Requests');

      await submitAndWait(page);
      await expect(groups(page)).toContainText(/Requirement 1: (\d+)\/\1/);
      await endSession(page);

      // The log holds the eight Sends (the refused one is not there), each at the time of its Send.
      const session = await newestSession(page);
      const logged = (await storedEvents(page, session.id)).filter((e) => e.type === 'request');
      expect(logged.map((e) => (e.outcome.kind === 'response' ? e.outcome.response.status : e.outcome.kind))).toEqual([
        200, 200, 200, 200, 200, 200, 429, 429,
      ]);

      // Replay: a marker per request at its time, and the list of those sent before the play head.
      await page.goto(`./#/sessions/${session.id}`);
      const markers = page.getByTestId('request-marker');
      await expect(markers).toHaveCount(8, { timeout: 20_000 });
      expect(await markers.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-at-ms'))))).toEqual(logged.map((e) => e.t));
      const list = page.getByRole('region', { name: 'Requests' });
      await expect(list).toContainText('(0 of 8 sent by now)');
      await markers.nth(6).click();
      await expect(list).toContainText('(7 of 8 sent by now)');
      await expect(list.getByRole('listitem').last()).toContainText('GET /users → 429 Too Many Requests');

      // The bundle's report lists them; a fresh profile imports and replays them.
      const zipPath = await exportSession(page);
      const report = strFromU8(unzipSync(readFileSync(zipPath))['report.md']!);
      expect(report).toContain('## Requests');
      expect(report).toContain('`GET /users` → 429 Too Many Requests');
      const fresh = await browser.newContext({ baseURL });
      try {
        const other = await fresh.newPage();
        await other.goto('./#/sessions');
        await importSession(other, zipPath);
        await expect(other.getByRole('status').filter({ hasText: /^Imported the session of/ })).toBeVisible({ timeout: 20_000 });
        await other.goto(`./#/sessions/${session.id}`);
        await expect(other.getByTestId('request-marker')).toHaveCount(8, { timeout: 20_000 });
        expect(await other.getByTestId('request-marker').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(
          await markers.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))),
        );
      } finally {
        await fresh.close();
      }
    });

    test(`${PERSISTENCE}: a user created before Restart service is read back after it`, async ({ page }) => {
      test.skip(!hasProject(PERSISTENCE, language), `${PERSISTENCE} has no ${language} project in this checkout`);
      await openScenario(page, PERSISTENCE, language);
      await pasteReference(page, PERSISTENCE, language);
      await fill(page, { method: 'POST', path: '/signup', body: '{"email": "ada@example.com", "name": "Ada"}' });
      await send(page);
      await expect(status(page)).toHaveText('201 Created');
      await pane(page).getByRole('button', { name: 'Restart service' }).click();
      await expect(page.getByRole('region', { name: 'Console' })).toContainText('Service restarted');
      await fill(page, { path: '/users/1' });
      await send(page);
      await expect(status(page)).toHaveText('200 OK');
      await expect(pane(page).getByLabel('Response body')).toContainText('ada@example.com');
    });
  });
}
