/**
 * Replaying a session: record a short one with the fake microphone (type, Run, type, Submit), finish,
 * open its replay, and check that the code shown at known moments of the log is exactly what was typed
 * by then, that the timeline shows the phases, runs and silences, and that the keys move the play head.
 * Runs in the `fake-microphone` project (playwright.config.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { replayText } from '../src/core/session/editLog';
import type { RunEvent, SessionEvent } from '../src/core/session/types';
import { BASE_ARGS, CHROMIUM, FAKE_MICROPHONE_ARGS } from './fixtures/browser';
import { editorText, endSession, openProblem, runAndWait, submitAndWait, typeAtEnd } from './helpers';
import { newestSession, storedEvents } from './recording';

const TITLE = 'Token-bucket rate limiter';

function replayEditorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __rehearseReplayText?: () => string }).__rehearseReplayText?.() ?? '');
}

async function playhead(page: Page): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Player' }).getAttribute('data-playhead-ms'));
}

/** Waits until the play head is exactly `ms` and the editor shows `text`. */
async function expectAt(page: Page, ms: number, text: string): Promise<void> {
  await expect.poll(() => playhead(page)).toBe(ms);
  await expect.poll(() => replayEditorText(page)).toBe(text);
}

const runsOf = (events: SessionEvent[]) => events.filter((e): e is RunEvent => e.type === 'run');

test('replays a recorded session: the code at any moment, the timeline marks, the keys', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
  const micOnAt = Date.now();

  await typeAtEnd(page, '\n// 1. edge cases: empty bucket, burst at capacity\n');
  const afterLine1 = await editorText(page);
  await page.waitForTimeout(3_000);
  await page.getByRole('button', { name: 'Next phase' }).click(); // Plan → Code: a second phase band
  await typeAtEnd(page, '// 2. refill from the elapsed time\n');
  const afterLine2 = await editorText(page);
  await page.waitForTimeout(1_000);
  await runAndWait(page);
  await typeAtEnd(page, '// 3. cap the tokens at the capacity\n');
  const afterLine3 = await editorText(page);
  expect(afterLine1).toContain('// 1. edge cases');
  expect(afterLine2).toContain('// 2. refill');
  expect(afterLine3).toContain('// 3. cap the tokens');
  await submitAndWait(page);
  // After the first Submit the workspace offers the comparison with the reference.
  await expect(page.getByRole('button', { name: 'Compare with the reference' })).toBeVisible();
  const left = micOnAt + 14_000 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  await endSession(page);
  const finished = page.getByTestId('finished-session');
  await expect(finished.getByTestId('session-audio')).toHaveCount(1, { timeout: 20_000 });

  const session = await newestSession(page);
  const events = await storedEvents(page, session.id);
  const [run, submit] = runsOf(events);
  const codePhase = events.find((e) => e.type === 'phase' && e.phaseId === 'code')!;
  expect(run).toMatchObject({ mode: 'run' });
  expect(submit).toMatchObject({ mode: 'submit' });
  expect(codePhase).toBeDefined();
  // The log itself says the same as the editor did (so the replay below is checked against the truth).
  expect(replayText(events, 'solution.ts', codePhase.t)).toBe(afterLine1);
  expect(replayText(events, 'solution.ts', run!.t)).toBe(afterLine2);
  expect(replayText(events, 'solution.ts', submit!.t)).toBe(afterLine3);

  // From the finished session to its replay, as a person would.
  await finished.getByRole('link', { name: 'Replay and review' }).click();
  await expect(page).toHaveURL(new RegExp(`#/sessions/${session.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect.poll(() => replayEditorText(page), { timeout: 20_000 }).not.toBe('');
  expect(await playhead(page)).toBe(0);

  // Marks on the timeline: both phases, the Run and the Submit with their results, the silences.
  const timeline = page.getByRole('group', { name: 'Session timeline' });
  await expect(timeline.getByRole('button', { name: /^Plan phase from 00:00 to/ })).toBeVisible();
  const codeBand = timeline.getByRole('button', { name: /^Code phase from/ });
  await expect(codeBand).toBeVisible();
  const runMark = timeline.getByRole('button', { name: new RegExp(`^Run at \\d\\d:\\d\\d: ${run!.passed}/${run!.total} passed$`) });
  const submitMark = timeline.getByRole('button', {
    name: new RegExp(`^Submit at \\d\\d:\\d\\d: ${submit!.passed}/${submit!.total} passed$`),
  });
  await expect(runMark).toHaveCount(1);
  await expect(submitMark).toHaveCount(1);
  await expect(timeline.getByTestId('silence-region')).toHaveCount(session.silences.length);
  console.log(
    `session ${session.id}: run at ${run!.t} ms, submit at ${submit!.t} ms, ${session.silences.length} silences, ${events.length} events`,
  );

  // Three known moments, reached three ways: a phase band, the "next run" key, a marker.
  await codeBand.click();
  await expectAt(page, codePhase.t, afterLine1);
  await page.keyboard.press('n');
  await expectAt(page, run!.t, afterLine2);
  const results = page.getByRole('region', { name: 'Test results at the play head' });
  await expect(results.getByTestId('replay-results-summary')).toHaveAttribute('data-run-at-ms', String(run!.t));
  await submitMark.click();
  await expectAt(page, submit!.t, afterLine3);
  await expect(results).toContainText('Hidden tests (Submit)');

  // p goes back to the Run; ← moves 5 s back (the Run comes after more than 5 s of typing and waiting), → 5 s on; s jumps to the next silence.
  await page.keyboard.press('p');
  await expectAt(page, run!.t, afterLine2);
  expect(run!.t).toBeGreaterThan(5_000);
  await page.keyboard.press('ArrowLeft');
  await expectAt(page, run!.t - 5_000, replayText(events, 'solution.ts', run!.t - 5_000));
  await page.keyboard.press('ArrowRight');
  await expectAt(page, run!.t, afterLine2);
  await page.keyboard.press('Home'); // not a replay key: nothing moves
  expect(await playhead(page)).toBe(run!.t);
  const firstSilence = session.silences[0];
  if (firstSilence) {
    await timeline.getByRole('button', { name: /^Plan phase/ }).click();
    await page.keyboard.press('s');
    await expect.poll(() => playhead(page)).toBe(firstSilence.startMs);
  }

  // A click on the track seeks there; the code is the log's at that exact moment.
  const track = timeline.locator('[data-track]');
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.1, box.y + box.height - 2);
  const clicked = await playhead(page);
  expect(clicked).toBeGreaterThan(0);
  await expect.poll(() => replayEditorText(page)).toBe(replayText(events, 'solution.ts', clicked));

  // The audio: one waveform, an element whose length is the recording's (±1 s).
  const segment = session.audio!.segments[0]!;
  await expect(page.getByTestId('waveform')).toHaveCount(1);
  const audio = page.getByTestId('replay-audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(0);
  const durationS = await audio.evaluate((a: HTMLAudioElement) => a.duration);
  console.log(`audio element ${durationS.toFixed(2)} s; segment ${segment.durationMs} ms from ${segment.startMs} ms`);
  expect(Math.abs(durationS * 1000 - segment.durationMs!)).toBeLessThanOrEqual(1_000);
  // The audio ran from the moment the microphone came on to End session.
  expect(Math.abs(durationS * 1000 - (session.endedAt! - session.startedAt - segment.startMs))).toBeLessThanOrEqual(1_000);

  // Space plays (the audio and the play head move) and pauses; the code follows.
  await page.getByRole('button', { name: '2×' }).click();
  await expect(page.getByRole('button', { name: '2×' })).toHaveAttribute('aria-pressed', 'true');
  const from = await playhead(page);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.waitForTimeout(1_500);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const to = await playhead(page);
  console.log(`played at 2× for 1.5 s: ${from} → ${to} ms`);
  expect(to - from).toBeGreaterThan(1_000);
  expect(to - from).toBeLessThan(5_000);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(2);
  await expect.poll(() => replayEditorText(page)).toBe(replayText(events, 'solution.ts', to));
  // Space on the focused Play button toggles once, not twice (the key is not also a click).
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // The comparison with the reference opens in a dialog and closes.
  await expect(page.getByTestId('compared-with-reference')).toContainText('Not compared with the reference yet');
  await page.getByRole('button', { name: 'Compare with the reference' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with the reference' });
  await expect(dialog.locator('.monaco-diff-editor')).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The review keeps that the comparison was made (the protocol's step after scoring), across a reload.
  await expect(page.getByTestId('compared-with-reference')).toContainText('Compared with the reference on');
  await expect(page.getByTestId('review-save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.getByTestId('compared-with-reference')).toContainText('Compared with the reference on', { timeout: 20_000 });
});

test('a session recorded without audio replays its code on a clock', async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  // The microphone prompt answered "deny": a browser of its own (launch flags are per browser).
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: [...BASE_ARGS, ...FAKE_MICROPHONE_ARGS, '--use-fake-ui-for-media-stream=deny'],
  });
  try {
    const page = await browser.newPage({ baseURL });
    await openProblem(page, TITLE);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('audio-off-banner')).toContainText('Audio is off');
    await page.waitForTimeout(1_500);
    await typeAtEnd(page, '\n// typed without audio\n');
    await page.waitForTimeout(1_500);
    await endSession(page);
    await page.getByTestId('finished-session').getByRole('link', { name: 'Replay and review' }).click();
    const session = await newestSession(page);
    const events = await storedEvents(page, session.id);

    await expect(page.getByRole('region', { name: 'Player' })).toContainText('No audio: the microphone was blocked for this session.');
    await expect(page.getByTestId('waveform')).toHaveCount(0);
    await expect.poll(() => replayEditorText(page), { timeout: 20_000 }).toBe(replayText(events, 'solution.ts', 0));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(2_000);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const at = await playhead(page);
    console.log(`played on the clock for 2 s: play head at ${at} ms`);
    expect(at).toBeGreaterThan(1_500);
    expect(at).toBeLessThan(3_500);
    await expect.poll(() => replayEditorText(page)).toBe(replayText(events, 'solution.ts', at));
    // Played to the end, it shows the final code.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => replayEditorText(page)).toBe(replayText(events, 'solution.ts', Infinity));
    expect(replayText(events, 'solution.ts', Infinity)).toContain('// typed without audio');
  } finally {
    await browser.close();
  }
});

test('a session id that does not exist says so', async ({ page }) => {
  await page.goto('./#/sessions/no-such-session');
  await expect(page.getByRole('alert')).toContainText('There is no recorded session “no-such-session” in this browser');
  await expect(page.getByRole('link', { name: 'Back to your sessions' })).toBeVisible();
});
