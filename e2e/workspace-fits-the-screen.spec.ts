import { expect, test, type Page } from '@playwright/test';
import { clickIntoEditor, editorLines, openProblem } from './helpers';

const CODING = 'Token-bucket rate limiter';
const DESIGN = 'Design a 1:1 chat app like WhatsApp';

/** True when the page has no horizontal scroll: nothing sticks out to the right of the window. */
const fitsTheWindow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Monaco relays itself out on a ResizeObserver callback, a frame or two after the window changes. */
async function resizeTo(page: Page, width: number, height = 900): Promise<void> {
  await page.setViewportSize({ width, height });
  await expect.poll(() => fitsTheWindow(page), { message: `no horizontal scroll at ${width}×${height}` }).toBe(true);
  // Monaco's own box follows its pane: it is never wider than the pane that holds it.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const pane = document.querySelector('[data-testid="editor"]')!.getBoundingClientRect();
        const monaco = document.querySelector('.monaco-editor')!.getBoundingClientRect();
        return monaco.right <= pane.right + 1 && pane.right <= window.innerWidth;
      }),
    )
    .toBe(true);
}

test('the workspace fits the window after any sequence of resizes, and a click in the editor keeps the statement in view', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openProblem(page, CODING);
  await resizeTo(page, 1920);
  await resizeTo(page, 1280);
  await clickIntoEditor(page);
  await page.keyboard.type('// still here');
  expect(await fitsTheWindow(page)).toBe(true);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  await expect(page.getByLabel('Problem statement')).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Console' })).toBeInViewport({ ratio: 1 });

  for (const width of [1024, 1280, 1600, 1920, 2240, 2560, 2000, 1440, 1100, 1024]) await resizeTo(page, width);
  await clickIntoEditor(page);
  expect(await fitsTheWindow(page)).toBe(true);
  await expect(page.getByLabel('Problem statement')).toBeInViewport();
});

test('at 1280×720 the editor shows at least 25 lines of a coding problem', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openProblem(page, CODING);
  const shown = await page.evaluate(() => {
    const editor = document.querySelector('.monaco-editor')!;
    const line = editor.querySelector('.view-line')!.getBoundingClientRect().height;
    return Math.floor(editor.getBoundingClientRect().height / line);
  });
  expect(shown).toBeGreaterThanOrEqual(25);
  expect(await fitsTheWindow(page)).toBe(true);
});

test('panes resize by mouse and keyboard, and their sizes are remembered across a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openProblem(page, CODING);
  const columns = page.getByRole('separator', { name: 'Resize the statement and the editor' });
  const rows = page.getByRole('separator', { name: 'Resize the editor and the results' });
  await expect(columns).toHaveAttribute('aria-orientation', 'vertical');
  await expect(rows).toHaveAttribute('aria-orientation', 'horizontal');
  const valueNow = async (separator: typeof columns) => Number(await separator.getAttribute('aria-valuenow'));

  // Drag the statement's edge 200 px to the right.
  const before = await valueNow(columns);
  const box = (await columns.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = await valueNow(columns);
  expect(dragged).toBeGreaterThan(before + 8);
  const statementWidth = (await page.getByLabel('Problem statement').boundingBox())!.width;

  // The keyboard moves the other separator a step at a time, and Home takes it to its limit.
  const rowsBefore = await valueNow(rows);
  await rows.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => valueNow(rows)).toBeLessThan(rowsBefore);
  await columns.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => valueNow(columns)).toBeLessThan(dragged);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => valueNow(columns)).toBeCloseTo(dragged, 0);
  const rowsKept = await valueNow(rows);

  await page.reload();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => valueNow(columns)).toBeCloseTo(dragged, 0);
  await expect.poll(() => valueNow(rows)).toBeCloseTo(rowsKept, 0);
  expect(Math.abs((await page.getByLabel('Problem statement').boundingBox())!.width - statementWidth)).toBeLessThan(3);

  await columns.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => valueNow(columns)).toBe(Number(await columns.getAttribute('aria-valuemin')));
  expect(await fitsTheWindow(page)).toBe(true);
});

test('the light theme follows the system, the switch overrides it and is remembered, and the editor matches', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await openProblem(page, CODING);
  // The computed colour may be lab() or oklch(): a pixel painted with it gives its sRGB value.
  const pageBrightness = () =>
    page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
  const monaco = page.locator('.monaco-editor').first();
  expect(await pageBrightness()).toBeGreaterThan(0.85);
  await expect(monaco).toHaveClass(/\bvs\b/);
  await expect(monaco).not.toHaveClass(/vs-dark/);

  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await theme.selectOption('dark');
  await expect(monaco).toHaveClass(/vs-dark/);
  await expect.poll(pageBrightness).toBeLessThan(0.15);

  await page.reload();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);

  // "System" follows the system again, live.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  await expect.poll(pageBrightness).toBeLessThan(0.15);
});

test('a design problem: the board and notes split resizes, and the whiteboard takes the theme', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await openProblem(page, DESIGN);
  const board = page.getByRole('separator', { name: 'Resize the whiteboard and the notes' });
  await expect(board).toHaveAttribute('aria-orientation', 'horizontal');
  await expect(page.getByRole('separator', { name: 'Resize the design panel and the scratchpad' })).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize the scratchpad and the whiteboard' })).toBeVisible();
  const excalidraw = page.getByRole('region', { name: 'Whiteboard' }).locator('.excalidraw').first();
  await expect(excalidraw).toBeVisible({ timeout: 30_000 });
  await expect(excalidraw).not.toHaveClass(/theme--dark/);

  const before = Number(await board.getAttribute('aria-valuenow'));
  await board.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => Number(await board.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  const moved = Number(await board.getAttribute('aria-valuenow'));

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(excalidraw).toHaveClass(/theme--dark/);
  await resizeTo(page, 1024);
  await resizeTo(page, 2560);

  // The design layout is saved under its own keys: the board's split survives a reload.
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the whiteboard and the notes' })).toHaveAttribute(
    'aria-valuenow',
    String(moved),
  );
});
