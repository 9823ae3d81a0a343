/**
 * Switching problems and languages in every order (issue 26): whatever the order and however slowly the
 * drafts load, the workspace shows the problem in the URL with its language and that problem's code in that
 * language — its starter, or its saved draft — never the page left behind. Draft reads are slowed down
 * through the test build's hook (`__rehearseDraftReadDelayMs`), so a late read would have time to land.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorLines, editorText, problemFile, typeAtEnd } from './helpers';

const BUCKET = { id: 'token-bucket', title: 'Token-bucket rate limiter' };
const QUEUE = { id: 'job-queue', title: 'Background job queue with retries' };
const LRU = { id: 'lru-ttl', title: 'LRU cache with TTL' };
type ProblemRef = typeof BUCKET;

const starter = (p: ProblemRef, language: 'typescript' | 'python') =>
  problemFile(p.id, language === 'python' ? 'starter.py' : 'starter.ts').replace(/\r\n/g, '\n');

async function backToProblems(page: Page) {
  await page.getByRole('link', { name: '← Problems' }).click();
}

async function pick(page: Page, p: ProblemRef) {
  await page.getByRole('link', { name: p.title, exact: true }).click();
}

/** The heading, the Language control and the editor's whole text agree with `p` in `language`. */
async function expectShown(page: Page, p: ProblemRef, language: 'typescript' | 'python', text = starter(p, language)) {
  await expect(page).toHaveURL(new RegExp(`#/problems/${p.id}$`));
  await expect(page.getByRole('banner').getByRole('heading', { name: p.title })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue(language);
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => editorText(page), { timeout: 20_000 }).toBe(text);
}

/** The same, and still so once every slow read asked for has had time to land. */
async function expectShownAndKept(page: Page, p: ProblemRef, language: 'typescript' | 'python', text?: string) {
  await expectShown(page, p, language, text);
  await page.waitForTimeout(DELAY_MS * 3);
  await expectShown(page, p, language, text);
}

const DELAY_MS = 700;

async function slowDraftReads(page: Page) {
  await page.addInitScript((ms) => {
    (window as { __rehearseDraftReadDelayMs?: number }).__rehearseDraftReadDelayMs = ms;
  }, DELAY_MS);
}

async function openFromCatalog(page: Page, p: ProblemRef) {
  await page.goto('./');
  await pick(page, p);
}

test.describe.configure({ timeout: 180_000 });

test('TypeScript → Python → another problem: that problem, in TypeScript, with its own starter', async ({ page }) => {
  await openFromCatalog(page, BUCKET);
  await expectShown(page, BUCKET, 'typescript');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expectShown(page, BUCKET, 'python');
  await backToProblems(page);
  await pick(page, QUEUE);
  await expectShown(page, QUEUE, 'typescript');
  // Its own Python starter too, and typing saves to this problem only.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expectShown(page, QUEUE, 'python');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('typescript');
  await expectShown(page, QUEUE, 'typescript');
  await typeAtEnd(page, '\n// queue note');
  await expectShown(page, QUEUE, 'typescript', `${starter(QUEUE, 'typescript')}\n// queue note`);
  await backToProblems(page);
  await pick(page, BUCKET);
  await expectShown(page, BUCKET, 'python');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('typescript');
  await expectShown(page, BUCKET, 'typescript');
});

test('Python with a draft → back → another problem → Python → back: each problem keeps its own drafts, with slow reads', async ({
  page,
}) => {
  await slowDraftReads(page);
  await openFromCatalog(page, BUCKET);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expectShown(page, BUCKET, 'python');
  await typeAtEnd(page, '\n# bucket in python');
  const bucketPython = `${starter(BUCKET, 'python')}\n# bucket in python`;
  await expectShown(page, BUCKET, 'python', bucketPython);
  await backToProblems(page);
  await pick(page, LRU);
  // A first visit, resized while it loads (the issue saw the wrong code after a resize here).
  await page.setViewportSize({ width: 1100, height: 700 });
  await expectShownAndKept(page, LRU, 'typescript');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expectShownAndKept(page, LRU, 'python');
  await backToProblems(page);
  await pick(page, BUCKET);
  await expectShownAndKept(page, BUCKET, 'python', bucketPython);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('typescript');
  await expectShownAndKept(page, BUCKET, 'typescript');
});

test('quickly twice, before the drafts have loaded: the last problem opened is the one shown', async ({ page }) => {
  await slowDraftReads(page);
  await openFromCatalog(page, BUCKET);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expectShown(page, BUCKET, 'python');

  // Away and into two problems without waiting for either to load.
  await backToProblems(page);
  await pick(page, QUEUE);
  await backToProblems(page);
  await pick(page, LRU);
  await expectShownAndKept(page, LRU, 'typescript');

  // And again, coming back to the problem in Python while LRU's reads are still on their way.
  await backToProblems(page);
  await pick(page, QUEUE);
  await backToProblems(page);
  await pick(page, BUCKET);
  await expectShownAndKept(page, BUCKET, 'python');

  // A language chosen just before leaving: the next problem is still itself.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('typescript');
  await backToProblems(page);
  await pick(page, QUEUE);
  await expectShownAndKept(page, QUEUE, 'typescript');
});
