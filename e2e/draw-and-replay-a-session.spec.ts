/**
 * A system-design session with the fake microphone, as a candidate practises one: ask a clarifying
 * question (and put its figure into the scratchpad), draw three boxes and two arrows on the whiteboard,
 * fill two notes sections, finish. The replay shows the board as it was at the play head (one box between
 * the first and the second box drawn, everything at the end), the design facts and checklist; the bundle
 * carries the board and imports back with it.
 * Runs in the `fake-microphone` project (its name matches RECORDING_SPECS in playwright.config.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { BoardEvent, SessionEvent } from '../src/core/session/types';
import { editorText, endSession, exportSession, importSession, openProblem } from './helpers';
import { newestSession, storedEvents } from './recording';

const TITLE = 'Design a URL shortener like bit.ly';

/** Draws with Excalidraw's own tools: a click on the tool, then a drag on the canvas (coordinates in the board). */
async function drag(page: Page, tool: 'Rectangle' | 'Arrow', from: [number, number], to: [number, number]): Promise<void> {
  const board = page.getByRole('region', { name: 'Whiteboard' });
  const box = (await board.locator('canvas.interactive').boundingBox())!;
  await board.getByTitle(new RegExp(`^${tool} — `)).click();
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + (from[0] + to[0]) / 2, box.y + (from[1] + to[1]) / 2, { steps: 4 });
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

const boardEvents = (events: SessionEvent[]) => events.filter((e): e is BoardEvent => e.type === 'board');

/** Session time of the board change that first added an element of `type`, counting such additions. */
function additions(events: SessionEvent[], type: string): number[] {
  const seen = new Set<string>();
  const times: number[] = [];
  for (const e of boardEvents(events)) {
    for (const el of e.elements) {
      if (el.type === type && !el.isDeleted && !seen.has(el.id)) {
        seen.add(el.id);
        times.push(e.t);
      }
    }
  }
  return times;
}

async function playhead(page: Page): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Player' }).getAttribute('data-playhead-ms'));
}

/** Clicks the timeline's track where `ms` is, and returns where the play head landed. */
async function seekTo(page: Page, ms: number, durationMs: number): Promise<number> {
  const track = page.getByRole('group', { name: 'Session timeline' }).locator('[data-track]');
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + (box.width * ms) / durationMs, box.y + box.height - 2);
  await expect.poll(() => playhead(page)).not.toBe(0);
  return playhead(page);
}

function boardAtPlayhead(page: Page) {
  return page.getByRole('region', { name: 'Whiteboard at the play head' });
}

test('draw a design on the whiteboard, replay it with the voice, and share it', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  await openProblem(page, TITLE);
  // The materials do not give the answer away: the notes only ask, the scratchpad's inputs are empty.
  const notes = page.getByLabel('Notes (Markdown)');
  await expect(notes).toHaveValue(/## Requirements\n> What must it do/);
  await expect(notes).not.toHaveValue(/500M|load balancer/i);
  await expect.poll(() => editorText(page)).toContain('newLinksPerDay: null,');
  await expect(page.getByRole('region', { name: 'What a strong answer contains' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });

  // A question in the candidate's own words first: logged, and the closest listed questions offered.
  const ask = page.getByRole('form', { name: 'Ask in your own words' });
  await ask.getByRole('button', { name: 'Ask' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Type a question first.' })).toBeVisible();
  await ask.getByLabel('Your question').fill('What is the traffic: how many links are created each day?');
  await ask.getByRole('button', { name: 'Ask' }).click();
  const matches = page.getByTestId('typed-question-matches');
  await expect(matches).toContainText('You asked: “What is the traffic: how many links are created each day?”');
  await expect(matches.getByRole('listitem').first()).toContainText('How many new short links per day?');
  await expect(page.getByText('About 500 million new links a day.')).toHaveCount(0);
  await expect
    .poll(async () => (await storedEvents(page, (await newestSession(page)).id)).filter((e) => e.type === 'typed-question').length)
    .toBe(1);

  // One clarifying question, its figure put into the scratchpad, and an estimate run.
  await page.getByRole('button', { name: 'Reveal the answer to: How many new short links per day?' }).click();
  await expect(page.getByText('About 500 million new links a day.')).toBeVisible();
  await page.getByRole('button', { name: 'Fill newLinksPerDay = 500_000_000' }).click();
  await expect.poll(() => editorText(page)).toContain('newLinksPerDay: 500_000_000,');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('1 of 9 inputs filled in');

  // Three boxes and two arrows, a moment apart, as someone drawing while talking.
  const board = page.getByRole('region', { name: 'Whiteboard' });
  await expect(board.locator('canvas.interactive')).toBeVisible({ timeout: 30_000 });
  // Between Excalidraw's toolbar (top) and its undo bar (bottom).
  await drag(page, 'Rectangle', [40, 90], [140, 140]);
  await expect
    .poll(async () => additions(await storedEvents(page, (await newestSession(page)).id), 'rectangle').length, { timeout: 10_000 })
    .toBe(1);
  await page.waitForTimeout(2_000);
  await drag(page, 'Rectangle', [240, 90], [340, 140]);
  await drag(page, 'Rectangle', [140, 200], [240, 250]);
  await drag(page, 'Arrow', [150, 115], [230, 115]);
  await drag(page, 'Arrow', [290, 150], [200, 195]);

  // Two notes sections written.
  const written = (await notes.inputValue())
    .replace(/(## Requirements\n> .*\n)/, '$1- shorten, redirect, custom alias\n')
    .replace(/(## High-level design\n> .*\n)/, '$1- app servers, cache, key-value store\n');
  await notes.fill(written);
  await expect(page.getByRole('region', { name: 'Notes preview' })).toContainText('app servers, cache, key-value store');

  const session = await newestSession(page);
  await expect.poll(async () => additions(await storedEvents(page, session.id), 'arrow').length, { timeout: 10_000 }).toBe(2);
  await endSession(page);
  const finished = page.getByTestId('finished-session');
  await expect(finished.getByTestId('session-audio')).toHaveCount(1, { timeout: 20_000 });
  // The bar after Finish sums the session up by design measures: no runs or Submits.
  await expect(finished.getByTestId('silence-summary')).toContainText('1 question asked, 1 scratchpad run (0 with results), ');
  await expect(finished.getByTestId('silence-summary')).not.toContainText('Submit');
  // After the session, the strong answer is there to compare with.
  await expect(page.getByRole('region', { name: 'What a strong answer contains' })).toContainText('62^7');

  const events = await storedEvents(page, session.id);
  const boxes = additions(events, 'rectangle');
  expect(boxes).toHaveLength(3);
  expect(additions(events, 'arrow')).toHaveLength(2);
  expect(events.filter((e) => e.type === 'run')).toHaveLength(0);
  expect(events.filter((e) => e.type === 'scratchpad-run')).toHaveLength(1);
  console.log(
    `board: ${boardEvents(events).length} events, ${JSON.stringify(boardEvents(events)).length} bytes; boxes at ${boxes.join(', ')} ms`,
  );

  // ── The replay: the board at the play head. ──
  await finished.getByRole('link', { name: 'Replay and review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
  const stored = await newestSession(page);
  const durationMs = stored.endedAt! - stored.startedAt;
  await expect(boardAtPlayhead(page)).toHaveAttribute('data-shapes', '0');
  const between = await seekTo(page, (boxes[0]! + boxes[1]!) / 2, durationMs);
  expect(between).toBeGreaterThanOrEqual(boxes[0]!);
  expect(between).toBeLessThan(boxes[1]!);
  await expect(boardAtPlayhead(page).locator('[data-element="rectangle"]')).toHaveCount(1);
  await expect(boardAtPlayhead(page).locator('[data-element="arrow"]')).toHaveCount(0);
  const frame = await boardAtPlayhead(page).locator('svg').getAttribute('viewBox');
  await seekTo(page, durationMs - 1, durationMs);
  await expect(boardAtPlayhead(page).locator('[data-element="rectangle"]')).toHaveCount(3);
  // One zoom for the whole session, and the drawing inside its pane at every seek.
  expect(await boardAtPlayhead(page).locator('svg').getAttribute('viewBox')).toBe(frame);
  for (const at of [boxes[0]! + 1, (boxes[1]! + boxes[2]!) / 2, durationMs - 1]) {
    await seekTo(page, at, durationMs);
    const pane = (await boardAtPlayhead(page).boundingBox())!;
    const drawing = (await boardAtPlayhead(page).locator('svg').boundingBox())!;
    expect(drawing.x).toBeGreaterThanOrEqual(pane.x - 1);
    expect(drawing.y).toBeGreaterThanOrEqual(pane.y - 1);
    expect(drawing.x + drawing.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
    expect(drawing.y + drawing.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
    expect(await boardAtPlayhead(page).locator('svg').getAttribute('viewBox')).toBe(frame);
  }
  await expect(boardAtPlayhead(page).locator('[data-element="arrow"]')).toHaveCount(2);
  // The scratchpad run is shown as its output, never as a failed test run.
  await expect(page.getByRole('region', { name: 'Scratchpad output at the play head' })).toContainText('1 of 9 inputs filled in');
  await expect(page.getByText('Examples (Run)')).toHaveCount(0);

  // Design facts and the design checklist, each verdict with its figure.
  const facts = page.getByTestId('design-facts');
  await expect(facts.getByRole('row', { name: /Clarifying questions before the design/ })).toContainText('1 of 1');
  await expect(facts.getByRole('row', { name: /Questions typed in your own words/ })).toContainText('1 (1 before any answer was revealed)');
  await expect(facts.getByRole('row', { name: /On the board at the end/ })).toContainText('3 boxes, 2 arrows');
  await expect(facts.getByTestId('notes-sections').locator('[data-written="true"]')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Design readiness checklist' })).toBeVisible();
  await expect(page.getByTestId('readiness-asked-first')).toHaveAttribute('data-status', 'met');
  await expect(page.getByTestId('readiness-drew-design')).toContainText('3 boxes and 2 arrows at the end');
  await expect(page.getByTestId('readiness-notes-covered')).toContainText('2 of 7 sections written');
  await expect(page.getByText('Submits')).toHaveCount(0);
  // A run whose inputs were mostly empty printed no estimate: the estimate item is not met, and says why.
  await expect(page.getByTestId('readiness-estimated-first')).toHaveAttribute('data-status', 'not-met');
  await expect(page.getByTestId('readiness-estimated-first')).toContainText('1 scratchpad run, none of them an estimate');
  // A session of a minute or two used far less than its phases' plan: not met, phase by phase, with the figures.
  await expect(page.getByTestId('readiness-time-plan')).toHaveAttribute('data-status', 'not-met');
  await expect(page.getByTestId('readiness-time-plan')).toContainText(/took [\d.]+ s of \d+ min planned \(under half\)/);
  await expect(page.getByTestId('readiness-time-plan')).toContainText(/Deep dive was never reached \(\d+ min planned\)/);

  // Progress never charts design sessions with coding ones; the catalog no longer says "In progress".
  await page.goto('./#/progress');
  await expect(page.getByLabel('Kind')).toHaveValue('design');
  await expect(page.getByLabel('Kind').locator('option')).toHaveText(['Coding sessions (0)', 'Design sessions (1)']);
  // Charted by design measures only.
  for (const title of [
    'Clarifying questions before the design',
    'Estimates (scratchpad runs with results)',
    'Notes sections written',
    'Whiteboard activity',
    'Design checklist items met',
  ])
    await expect(page.getByRole('figure', { name: title, exact: true })).toBeVisible();
  await expect(page.getByText('First Submit passed every hidden test')).toHaveCount(0);
  await expect(page.getByText('Runs per session')).toHaveCount(0);
  await expect(page.getByTestId('design-progress-table').getByRole('row')).toHaveCount(2);
  await page.goto('./');
  const card = page.getByRole('link', { name: TITLE, exact: true });
  await expect(card.getByTestId('problem-status')).toHaveText('Practised');
  // The card's best is the design checklist, never a Submit.
  await expect(card.getByTestId('practice-history')).toContainText(/1 attempt · best: \d of 6 design checklist items met/);
  await expect(card.getByTestId('practice-history')).not.toContainText('submitted');
  await page.goto(`./#/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });

  // ── The bundle carries the board: exported, then imported in a fresh profile. ──
  const zipPath = await exportSession(page);
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  expect(strFromU8(files['whiteboard.svg']!).match(/data-element="rectangle"/g)).toHaveLength(3);
  // The board also as an Excalidraw scene, to open in Excalidraw.
  const scene = JSON.parse(strFromU8(files['whiteboard.excalidraw']!));
  expect(scene.type).toBe('excalidraw');
  expect(scene.elements.filter((e: { type: string }) => e.type === 'rectangle')).toHaveLength(3);
  const report = strFromU8(files['report.md']!);
  expect(report).toContain('![The final whiteboard](whiteboard.svg)');
  // report.md by design measures: no language, no coding checklist, no solution.ts.
  expect(report).toContain('- Kind: system design');
  expect(report).toMatch(/Estimated the scale before choosing components: \*\*not met\*\*/);
  for (const coding of ['Language:', 'solution.ts', 'Tested after every function', 'Edge cases listed', 'Runs: ', 'Submits'])
    expect(report).not.toContain(coding);

  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await other.goto('./#/sessions');
    await importSession(other, zipPath);
    await expect(other.getByRole('status').filter({ hasText: `Imported the session of “${TITLE}”.` })).toBeVisible({ timeout: 20_000 });
    expect(boardEvents(await storedEvents(other, session.id))).toEqual(boardEvents(events));
    await other.goto(`./#/sessions/${session.id}`);
    await expect(other.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
    await seekTo(other, (boxes[0]! + boxes[1]!) / 2, durationMs);
    await expect(boardAtPlayhead(other).locator('[data-element="rectangle"]')).toHaveCount(1);
  } finally {
    await fresh.close();
  }

  // ── New attempt: an empty board; the old one stays with attempt 1. ──
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'New attempt' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => savedBoardIds(page)).toEqual([]);
  await page.getByText('Earlier attempts (1)').click();
  const first = page.getByTestId('attempt-1');
  await expect(first).toContainText('a board, 1 recorded session');
  await expect(first).not.toContainText('submitted');
  await first.getByRole('button', { name: 'Show its board' }).click();
  await expect(first.getByRole('img', { name: 'The whiteboard of attempt 1' })).toBeVisible();

  // Attempt 2 draws one box: its facts count only that box, and its replay starts on an empty board.
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
  await expect(board.locator('canvas.interactive')).toBeVisible({ timeout: 30_000 });
  await drag(page, 'Rectangle', [60, 100], [160, 150]);
  const second = await newestSession(page);
  expect(second.id).not.toBe(session.id);
  await expect.poll(async () => additions(await storedEvents(page, second.id), 'rectangle').length, { timeout: 10_000 }).toBe(1);
  await endSession(page);
  await page.getByTestId('finished-session').getByRole('link', { name: 'Replay and review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(boardAtPlayhead(page)).toHaveAttribute('data-shapes', '0');
  await expect(page.getByTestId('design-facts').getByRole('row', { name: /On the board at the end/ })).toContainText('1 boxes, 0 arrows');
});

/** The ids on the design problem's saved board draft. */
async function savedBoardIds(page: Page): Promise<string[]> {
  const draft = await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('rehearse'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    return await new Promise((resolve) => { const q = db.transaction('drafts').objectStore('drafts').get('design-url-shortener/whiteboard.json'); q.onsuccess = () => resolve(q.result && q.result.code); });
  })()`);
  return draft ? JSON.parse(String(draft)).elements.map((e: { id: string }) => e.id) : [];
}

test('focus mode gives the whiteboard most of a 1280×720 screen, with the timer and the recording indicator in view', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openProblem(page, 'Design a URL shortener like bit.ly');
  const board = page.getByRole('region', { name: 'Whiteboard' });
  const canvas = board.locator('canvas.interactive');
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  // Asking comes first: the questions are on screen without scrolling, right after the prompt.
  await expect(page.getByRole('heading', { name: 'Ask the interviewer' })).toBeInViewport();
  await expect(page.getByLabel('Your question')).toBeInViewport();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
  const indicator = page.getByTestId('recording-indicator');
  const area = async () => {
    const box = (await canvas.boundingBox())!;
    return (box.width * box.height) / (1280 * 720);
  };
  expect(await area()).toBeLessThan(0.8);

  await board.getByRole('button', { name: 'Focus the whiteboard' }).click();
  await expect(board).toHaveAttribute('data-focus', 'on');
  await expect.poll(area).toBeGreaterThanOrEqual(0.8);
  // The timer and the recording indicator stay in view, above the board, not under it.
  const canvasTop = (await canvas.boundingBox())!.y;
  for (const bar of [page.getByRole('timer', { name: 'Phase timer' }), indicator]) {
    await expect(bar).toBeInViewport();
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(canvasTop + 1);
  }
  console.log(`focus mode at 1280×720: the canvas has ${((await area()) * 100).toFixed(1)} % of the viewport`);

  // The shortcut leaves focus mode (and enters it again).
  await page.keyboard.press('Control+Shift+F');
  await expect(board).toHaveAttribute('data-focus', 'off');
  await expect.poll(area).toBeLessThan(0.8);
  await page.keyboard.press('Control+Shift+F');
  await expect(board).toHaveAttribute('data-focus', 'on');
  await board.getByRole('button', { name: 'Leave focus' }).click();
  await expect(board).toHaveAttribute('data-focus', 'off');
});
