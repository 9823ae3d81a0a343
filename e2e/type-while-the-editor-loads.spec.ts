import { expect, test, type Page } from '@playwright/test';
import { replayText } from '../src/core/session/editLog';
import { editorLines, editorText, problemFile } from './helpers';
import { newestSession, storedEvents } from './recording';

// The service worker would serve Monaco from its cache, out of the route's reach: this journey holds Monaco back.
test.use({ serviceWorkers: 'block' });

/** Holds back Monaco's chunk until the returned function is called: the workspace shows the plain area meanwhile. */
async function holdMonaco(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/CodeEditor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the starter is typeable the moment a problem opens, is recorded, and the editor carries on with the same text and caret', async ({
  page,
}) => {
  const starter = problemFile('token-bucket', 'starter.ts');
  const releaseMonaco = await holdMonaco(page);

  await page.goto('./');
  await page.getByRole('link', { name: 'Token-bucket rate limiter', exact: true }).click();
  const plain = page.getByRole('textbox', { name: 'Code (plain text until the editor has loaded)' });
  await expect(plain).toHaveValue(starter);
  await expect(page.getByRole('status').filter({ hasText: 'Loading the editor' })).toBeVisible();

  // A session starts before the editor has loaded: what is typed in the plain area is in its log too.
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('Plan');

  // Edge cases first, at the top of the file; Enter keeps the line's indentation, Tab indents.
  await plain.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('// edge cases:\n');
  await page.keyboard.press('Tab');
  await page.keyboard.type('- an empty bucket\n');
  await expect(plain).toHaveValue(`// edge cases:\n  - an empty bucket\n  ${starter}`);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');

  releaseMonaco();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await expect(plain).toBeHidden();
  // The editor took over with the focus and the caret where they were: the next keys land right after.
  await page.keyboard.type('// - refill past capacity\n');
  const expected = `// edge cases:\n  - an empty bucket\n// - refill past capacity\n${starter}`;
  await expect.poll(() => editorText(page)).toBe(expected);

  // The session's log replays to exactly this text: no keystroke counted twice or missed at the handover.
  const session = await newestSession(page);
  await expect.poll(async () => replayText(await storedEvents(page, session.id), 'solution.ts', Infinity)).toBe(expected);

  // What was typed before the editor loaded is in the saved draft like the rest.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('resume-prompt').or(editorLines(page)).first()).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => editorText(page)).toBe(expected);
});

test('when the editor loads while the plan notes are being written, the keys stay in the notes', async ({ page }) => {
  const starter = problemFile('token-bucket', 'starter.ts');
  const releaseMonaco = await holdMonaco(page);
  await page.goto('./');
  await page.getByRole('link', { name: 'Token-bucket rate limiter', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Code (plain text until the editor has loaded)' })).toHaveValue(starter);

  // Start puts the focus in the plan notes; the editor arrives while the person is typing there.
  await page.getByRole('button', { name: 'Start' }).click();
  const notes = page.getByLabel('Plan notes (Markdown)');
  await expect(notes).toBeFocused();
  await page.keyboard.type('- an empty bucket');
  releaseMonaco();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await page.keyboard.type('\n- refill past capacity');
  await expect(notes).toHaveValue(/- an empty bucket\n- refill past capacity$/);
  await expect(notes).toBeFocused();
  expect(await editorText(page)).toBe(starter);
});
