/**
 * Importing bundles (issue 12): bad ones refused through the UI, each with its own message and the
 * library unchanged; a recording that cannot play says so in the replay; an id collision shows both
 * sessions, each labelled; and a bundle with a 20 MB event log imports with a progress bar while the
 * page stays responsive. The longest main-thread task is printed, never asserted (the bench asserts it).
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strToU8 } from 'fflate';
import { buildBundle } from '../src/core/bundle/buildBundle';
import { FIXTURE_SESSION_ID, fixtureSource } from '../src/core/bundle/testFixture';
import { largeLogSource } from '../src/core/bundle/testLargeLog';
import { storedEvents, storedSessions } from './recording';
import { importSession } from './helpers';

const TITLE = 'Token-bucket rate limiter';

async function writeBundle(name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  const file = test.info().outputPath(name);
  writeFileSync(file, await bytes);
  return file;
}

/** Watches the main thread from inside the page: long tasks (PerformanceObserver) and gaps between frames. */
async function watchMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: { task: number; frameGap: number }; __resetLongest: () => void };
    w.__longest = { task: 0, frameGap: 0 };
    w.__resetLongest = () => (w.__longest = { task: 0, frameGap: 0 });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest.task = Math.max(w.__longest.task, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const frame = (now: number) => {
      w.__longest.frameGap = Math.max(w.__longest.frameGap, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

test('bad bundles are refused through the UI, each with its own message, and the library stays as it was', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#/sessions');
  await importSession(page, await writeBundle('good.zip', buildBundle(fixtureSource())));
  await expect(page.getByRole('status').filter({ hasText: `Imported the session of “${TITLE}”.` })).toBeVisible({ timeout: 30_000 });
  const stored = await storedSessions(page);
  const eventsBefore = await storedEvents(page, FIXTURE_SESSION_ID);

  const farEvent = fixtureSource();
  farEvent.events.push({ t: 1e15, type: 'pause' });
  const oddId = fixtureSource();
  oddId.session = { ...oddId.session, id: '../../x?y=1#/<b>odd</b>' };
  oddId.review = oddId.review && { ...oddId.review, sessionId: oddId.session.id };
  const htmlAudio = fixtureSource({
    audio: [{ index: 0, mimeType: 'audio/webm;codecs=opus', bytes: strToU8('<!doctype html><h1>not audio</h1>') }],
  });
  const bad = [
    {
      name: 'an event at t = 1e15 ms',
      file: await writeBundle('far.zip', buildBundle(farEvent)),
      message: "Line 22 of this bundle's events.jsonl has t = 1000000000000000 ms, after the session's end (12 s).",
    },
    {
      name: 'a path-like id',
      file: await writeBundle('odd-id.zip', buildBundle(oddId)),
      message: 'This bundle\'s session.json has the session id "../../x?y=1#/<b>odd</b>", which is not one Rehearse makes',
    },
    {
      name: 'HTML as audio',
      file: await writeBundle('html-audio.zip', buildBundle(htmlAudio)),
      message:
        '“audio/segment-0.webm” in this bundle is not a playable recording: it does not start with the WebM signature (1A 45 DF A3).',
    },
  ];
  for (const b of bad) {
    await importSession(page, b.file);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
    await expect(alert, b.name).toContainText(b.message, { timeout: 30_000 });
    expect(await storedSessions(page), b.name).toEqual(stored);
    expect(await storedEvents(page, FIXTURE_SESSION_ID), b.name).toEqual(eventsBefore);
  }
  // The HTML stayed text: no element was made from it.
  await expect(page.locator('b', { hasText: 'odd' })).toHaveCount(0);

  // Same id, another problem and day: the dialog labels which session is which.
  const other = fixtureSource();
  other.session = { ...other.session, problemId: 'lru-ttl', startedAt: Date.UTC(2026, 9, 3, 14), endedAt: Date.UTC(2026, 9, 3, 14, 0, 12) };
  await importSession(page, await writeBundle('same-id.zip', buildBundle({ ...other, problemTitle: 'LRU cache with TTL' })));
  const dialog = page.getByRole('dialog', { name: 'This session is already here' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const date = (ms: number) => page.evaluate((t) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), ms);
  // Each label (term) sits with its own session (definition), in this order.
  await expect(dialog.getByRole('term')).toHaveText(['In your library', 'In the bundle']);
  await expect(dialog.getByRole('definition')).toHaveText([
    `“${TITLE}”, started ${await date(stored[0]!.startedAt)}`,
    `“LRU cache with TTL”, started ${await date(other.session.startedAt)}`,
  ]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedSessions(page)).toEqual(stored);

  // The fixture's audio has a WebM structure but no real Opus: the replay says it cannot play it.
  await page.goto(`./#/sessions/${FIXTURE_SESSION_ID}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Part 1 of the audio cannot be played' })).toBeVisible({ timeout: 20_000 });
});

test('a bundle with a 20 MB event log imports with a progress bar while the page stays responsive', async ({ page }) => {
  test.setTimeout(300_000);
  const source = largeLogSource();
  const file = await writeBundle('large-log.zip', buildBundle(source));
  await watchMainThread(page);
  await page.goto('./#/sessions');
  await expect(page.getByRole('button', { name: 'Import a session' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { __resetLongest: () => void }).__resetLongest());
  const started = Date.now();
  await importSession(page, file);

  const bar = page.getByRole('progressbar', { name: 'Importing large-log.zip' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  // The bar moves while the worker checks: the page renders during the import, it is not frozen.
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect
    .poll(async () => Number((await bar.getAttribute('aria-valuenow').catch(() => '100')) ?? 100), { timeout: 120_000 })
    .toBeGreaterThan(first);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^(Reading|Checking|Preparing|Saving)/ })
      .or(page.getByRole('status').filter({ hasText: 'Imported the session' }))
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Imported the session of “${TITLE}”.` })).toBeVisible({ timeout: 240_000 });
  const tookMs = Date.now() - started;
  const longest = await page.evaluate(() => (window as unknown as { __longest: { task: number; frameGap: number } }).__longest);
  console.log(
    `20 MB log (${source.events.length} events): imported in ${tookMs} ms; longest main-thread task ${Math.round(longest.task)} ms and longest gap between frames ${Math.round(longest.frameGap)} ms (the import, plus the start of the library's refresh after it)`,
  );
  const [stored] = await storedSessions(page);
  expect(stored).toEqual(source.session);
  expect((await storedEvents(page, source.session.id)).length).toBe(source.events.length);
});
