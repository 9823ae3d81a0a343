import { expect, test } from '@playwright/test';
import { editorText, openProblem, pasteCode, results, submitAndWait } from './helpers';

test('user code cannot read or delete the app data, nor reach the page', async ({ page }) => {
  await openProblem(page, 'Token-bucket rate limiter');
  await page.evaluate(() => localStorage.setItem('rehearse-canary', 'still here'));

  const attack = `// Tries every way to reach the app's storage and page from inside the test run.
const attempts: string[] = [];
function attempt(name: string, f: () => unknown) {
  try { f(); attempts.push(name + ': no error'); } catch (e) { attempts.push(name + ': ' + (e as Error).name); }
}
const g = globalThis as any;
attempt('indexedDB.open', () => g.indexedDB.open('rehearse'));
attempt('indexedDB.deleteDatabase', () => g.indexedDB.deleteDatabase('rehearse'));
attempt('localStorage.clear', () => g.localStorage.clear());
attempt('parent.document', () => g.parent.document.body.remove());
attempt('document', () => g.document.body.remove());
console.log(attempts.join('\\n'));
export class RateLimiter {
  constructor(_c: number, _w: number, _clock?: () => number) {}
  allow(_u: string) { return true; }
  remaining(_u: string) { return 0; }
  retryAfterMs(_u: string) { return 0; }
  cleanup() { return 0; }
  get trackedUsers() { return 0; }
}
`;
  await pasteCode(page, attack);
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toBeVisible();
  // Every attempt threw inside the sandbox.
  const consoleRegion = page.getByRole('region', { name: 'Console' });
  await expect(consoleRegion).toContainText('indexedDB.open:');
  await expect(consoleRegion).toContainText('localStorage.clear:');
  await expect(consoleRegion).not.toContainText('no error');

  // The page is intact, its localStorage untouched, and the draft (the attack itself) is still in IndexedDB.
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Token-bucket rate limiter' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('rehearse-canary'))).toBe('still here');
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorText(page)).toBe(attack);
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('rehearse');
        req.onsuccess = () => resolve([...req.result.objectStoreNames]);
        req.onerror = () => reject(req.error);
      }),
  );
  expect(stores).toEqual(expect.arrayContaining(['drafts', 'practice']));
});
