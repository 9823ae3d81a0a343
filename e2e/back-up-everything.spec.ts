/**
 * Backing up everything: record two sessions with the fake microphone and choose a plan, back the profile
 * up from the Plan page into one file (checked here with fflate: the manifest, profile.json and one
 * session bundle per session), restore it into a FRESH browser profile, and replay a session there with
 * its audio; restore it again there, where each session is asked about and "Keep both" adds copies. A
 * damaged backup is refused with a clear message and nothing is written. Runs in the
 * `fake-microphone` project.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { endSession, openProblem, typeAtEnd } from './helpers';
import { storedSessions } from './recording';

/** READ_ROWS-style: every row of one store, straight from the page's IndexedDB. */
const storedRows = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('rehearse');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => (open.result.close(), resolve(req.result));
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );

async function recordShortSession(page: Page, title: string): Promise<void> {
  await openProblem(page, title);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
  await typeAtEnd(page, '\n// edge cases: empty input, the first call\n');
  await page.waitForTimeout(3_000);
  await endSession(page);
  await expect(page.getByTestId('finished-session').getByTestId('session-audio')).toHaveCount(1, { timeout: 20_000 });
}

async function openPlanPage(page: Page): Promise<void> {
  await page.goto('./#/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible({ timeout: 20_000 });
}

async function chooseRestoreFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  await (await chooser).setFiles(file);
}

test('back up a profile with two sessions, restore it in a fresh profile (and again, keeping both) and replay with audio; a damaged backup writes nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await recordShortSession(page, 'Token-bucket rate limiter');
  await recordShortSession(page, 'LRU cache with TTL');
  await openPlanPage(page);
  await page.getByRole('button', { name: 'Start this plan' }).click();
  await expect(page.getByTestId('days-left')).toBeVisible();
  // Asked at the first recorded session; whatever the browser answered, the page says it.
  await expect(page.getByTestId('persistent-storage')).not.toContainText('not asked yet');
  const sessions = await storedSessions(page);
  expect(sessions).toHaveLength(2);

  // ── Back up: one file, every session as its own bundle, the rest in profile.json. ──
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^rehearse-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  const backupPath = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(backupPath);
  await expect(page.getByTestId('backup-status')).toHaveText(/^Backed up 2 sessions/);
  const files = unzipSync(readFileSync(backupPath));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { format: string; files: { path: string; sha256: string }[] };
  expect(manifest.format).toBe('rehearse-backup');
  expect(manifest.files.map((f) => f.path).sort()).toEqual(['profile.json', ...sessions.map((s) => `sessions/${s.id}.zip`)].sort());
  for (const f of manifest.files) expect(createHash('sha256').update(files[f.path]!).digest('hex'), f.path).toBe(f.sha256);
  const profile = JSON.parse(strFromU8(files['profile.json']!)) as { plans: unknown[]; drafts: unknown[]; practice: unknown[] };
  expect(profile.plans).toHaveLength(1);
  expect(profile.drafts.length).toBeGreaterThan(0);

  // ── A damaged copy (one byte of a session's audio changed) is refused in a fresh profile, and nothing is written. ──
  const damaged = { ...files };
  const inner = unzipSync(damaged[`sessions/${sessions[0]!.id}.zip`]!);
  const audioName = Object.keys(inner).find((n) => n.startsWith('audio/'))!;
  inner[audioName]![inner[audioName]!.length - 1] ^= 0xff;
  damaged[`sessions/${sessions[0]!.id}.zip`] = zipSync(inner, { level: 0 });
  const damagedPath = test.info().outputPath('damaged-backup.zip');
  writeFileSync(damagedPath, zipSync(damaged));

  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await openPlanPage(other);
    await chooseRestoreFile(other, damagedPath);
    await expect(other.getByTestId('backup-error')).toContainText(`sessions/${sessions[0]!.id}.zip`, { timeout: 30_000 });
    await expect(other.getByTestId('backup-error')).toContainText('Nothing was restored.');
    expect(await storedSessions(other)).toHaveLength(0);
    expect(await storedRows(other, 'plans')).toHaveLength(0);
    expect(await storedRows(other, 'drafts')).toHaveLength(0);

    // ── The good backup: everything comes back. ──
    await chooseRestoreFile(other, backupPath);
    const dialog = other.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByTestId('restore-summary')).toContainText('2 new sessions');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(other.getByTestId('backup-status')).toHaveText(/^Restored 2 sessions and \d+ other records\.$/, { timeout: 30_000 });
    expect((await storedSessions(other)).map((s) => s.id).sort()).toEqual(sessions.map((s) => s.id).sort());
    await openPlanPage(other);
    await expect(other.getByTestId('days-left')).toBeVisible();

    // ── The same backup again, into this profile that now holds it: the sessions differ only by being here
    // already, so each is asked about; "Keep both" for all adds them as copies, identical records are left. ──
    await chooseRestoreFile(other, backupPath);
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByTestId('restore-summary')).toContainText('0 new sessions and 0 new records');
    await expect(dialog.getByRole('combobox', { name: /^What to do with Session of / })).toHaveCount(2);
    await dialog.getByLabel('For all').selectOption('keep-both');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(other.getByTestId('backup-status')).toHaveText('Restored 2 sessions and 0 other records.', { timeout: 30_000 });
    expect(await storedSessions(other)).toHaveLength(4);

    // ── Replay a restored session with its audio. ──
    await other.goto(`./#/sessions/${sessions[0]!.id}`);
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    const audio = other.getByTestId('replay-audio');
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration), { timeout: 15_000 }).toBeGreaterThan(1);
    await other.getByRole('button', { name: /^Play/ }).first().click();
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  } finally {
    await fresh.close();
  }
});
