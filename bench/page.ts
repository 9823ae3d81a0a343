/**
 * What the browser benches do inside the page, in one place: click a button and time it to the next
 * results summary painted, and paste code into the editor the way a person does.
 */
import type { Page } from '@playwright/test';

/**
 * Source text of a page function `(t0, resolve)`: watches for the next results summary (the one after the
 * shown run number) and, once it is painted, resolves with the milliseconds since `t0`. Call it just before
 * the click that starts the run.
 */
export const RESOLVE_ON_NEXT_SUMMARY = `((t0, resolve) => {
  const current = document.querySelector('[data-testid="results-summary"]')?.getAttribute('data-run');
  const want = String(Number(current ?? 0) + 1);
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="results-summary"][data-run="' + want + '"]')) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
})`;

/**
 * Clicks a button inside the page and resolves when the next results summary is painted. Source text for
 * page.evaluate: tsx would otherwise wrap named functions in a helper the page does not have.
 */
export const timedClick = (label: string) => `new Promise((resolve) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(label)});
  const t0 = performance.now();
  ${RESOLVE_ON_NEXT_SUMMARY}(t0, resolve);
  button.click();
})`;

/** Puts the caret in the editor: its own box, near the top-left (the line layer can reach under the console). */
export async function clickIntoEditor(page: Page): Promise<void> {
  await page.locator('[data-testid="editor"]').click({ position: { x: 120, y: 12 } });
}

/** Replaces the editor's text by select-all and paste, and waits until the editor holds it. */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(code)})`);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(`window.__rehearseEditorText() === ${JSON.stringify(code.replace(/\r\n/g, '\n'))}`);
}

/** Resolves once the service worker has installed the build and controls the page (the app works offline). */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}
