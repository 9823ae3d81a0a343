/**
 * The interview simulation: a protocol chosen and shortened in the editor, the phases announced at each
 * boundary, the interviewer's follow-up questions in the closing phase, and the coding nudges (each
 * with its switch). Runs without a microphone: the session records its event log all the same.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorLines, openProblem, runAndWait, endSession, finishSession } from './helpers';
import { newestSession, storedEvents } from './recording';
import type { SessionEvent } from '../src/core/session/types';

const BACKEND = 'Background job queue with retries';
const CODING = 'LRU cache with TTL';
/**
 * backend-60's phases and the minutes this test gives them: 9 s for Clarify (its opening banner is checked
 * before it runs over, with room for a busy machine), 6 s for Implement, 3 s for the rest.
 */
const SHORT_BACKEND: [string, string][] = [
  ['Clarify', '0.15'],
  ['Implement', '0.1'],
  ['Optimise and edge cases', '0.05'],
  ['Walk through tests', '0.05'],
  ['Discuss', '0.05'],
];

/** Clicks near the bottom of the editor (its top lines may be Monaco's sticky headers), then types at the end. */
async function typeInEditor(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('editor');
  const box = (await editor.boundingBox())!;
  await editor.click({ position: { x: box.width / 2, y: box.height - 20 } });
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

async function eventsOfNewestSession(page: Page): Promise<SessionEvent[]> {
  return storedEvents(page, (await newestSession(page)).id);
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Interview settings' }).click();
  return page.getByRole('dialog', { name: 'Interview settings' });
}

test('a shortened backend-60 session walks its five phases, and the interviewer asks follow-ups in Discuss', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, BACKEND);
  const picker = page.getByLabel('Interview protocol');
  await expect(picker).toHaveValue('backend-60');

  // Shorten every phase in the editor; a bad value is refused with a message that says why.
  await page.getByRole('button', { name: 'Edit protocol' }).click();
  const editor = page.getByRole('dialog', { name: /Your own minutes for Backend interview/ });
  await editor.getByLabel('Clarify minutes').fill('0');
  await editor.getByLabel('Discuss minutes').fill('ten');
  await editor.getByRole('button', { name: 'Save as a new protocol' }).click();
  await expect(editor.getByText('Minutes must be more than 0.')).toBeVisible();
  await expect(editor.getByText('"ten" is not a number of minutes')).toBeVisible();
  for (const [phase, minutes] of SHORT_BACKEND) await editor.getByLabel(`${phase} minutes`).fill(minutes);
  await editor.getByLabel('Protocol name').fill('Backend rehearsal');
  await expect(editor).toContainText('Total: 24 s');
  await editor.getByRole('button', { name: 'Save as a new protocol' }).click();
  await expect(editor).toBeHidden();
  await expect(picker.locator('option:checked')).toHaveText('Backend rehearsal (24 s)');

  // The choice is kept for this problem.
  await page.reload();
  await expect(page.getByLabel('Interview protocol').locator('option:checked')).toHaveText('Backend rehearsal (24 s)');

  await page.getByRole('button', { name: 'Start' }).click();
  const timer = page.getByRole('timer', { name: 'Phase timer' });
  const banner = page.getByTestId('phase-banner');
  await expect(timer).toContainText('Clarify · phase 1/5');
  await expect(banner).toContainText('Time for Clarify: Ask about scale');
  await expect(page.getByTestId('phase-goal')).toHaveText(/Ask about scale, limits and failure handling/);
  // During the session the follow-ups are not in the statement: the interviewer asks them later.
  await expect(page.getByTestId('follow-ups-hidden')).toBeVisible();

  // Clarify runs over: the timer turns to overtime, counting up, and a banner says time is up.
  await expect(timer).toHaveAttribute('data-overtime', 'true', { timeout: 15_000 });
  await expect(timer).toContainText('overtime');
  await expect(timer).toHaveClass(/amber/);
  await expect(timer.getByTestId('phase-time')).toHaveText(/^\+00:0\d$/);
  await expect(banner).toContainText('Time is up for Clarify. Move on to Implement');
  await page.getByRole('button', { name: 'Next phase' }).click();

  await expect(timer).toContainText('Implement · phase 2/5');
  await expect(banner).toContainText('Time for Implement: Get the core working and correct first.');
  await expect(timer).toHaveAttribute('data-overtime', 'false');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(banner).toContainText('Time for Optimise and edge cases');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(banner).toContainText('Time for Walk through tests');
  await expect(page.getByRole('region', { name: "Interviewer's follow-up questions" })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next phase' }).click();

  // Discuss: the interviewer asks one question at a time.
  await expect(timer).toContainText('Discuss · phase 5/5');
  await expect(banner).toContainText('Time for Discuss');
  const interviewer = page.getByRole('region', { name: "Interviewer's follow-up questions" });
  await expect(interviewer).toContainText('question 1 of 6');
  await expect(interviewer.getByTestId('interviewer-question')).toHaveText('The process restarts. How do you make sure no job is lost?');
  await expect(interviewer.getByLabel('Read questions aloud')).not.toBeChecked();
  await interviewer.getByRole('button', { name: 'Next question' }).click();
  await expect(interviewer).toContainText('question 2 of 6');
  await expect(interviewer.getByTestId('interviewer-question')).toHaveText('How would you run this with many workers on many machines?');
  await page.waitForTimeout(1_000);
  // Finish asks first, as End session does, naming the questions still to come; staying keeps the session.
  await page.getByRole('button', { name: 'Finish' }).click();
  const asking = page.getByRole('dialog', { name: 'End this session?' });
  await expect(asking.getByTestId('session-left')).toHaveText('4 follow-up questions not asked yet');
  await asking.getByRole('button', { name: 'Keep recording' }).click();
  await expect(asking).toBeHidden();
  await expect(timer).not.toContainText('Session finished');
  // End session asks the same.
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(asking.getByTestId('session-left')).toHaveText('4 follow-up questions not asked yet');
  await asking.getByRole('button', { name: 'Keep recording' }).click();
  expect(await finishSession(page)).toBe('4 follow-up questions not asked yet');
  await expect(timer).toContainText('Session finished');
  await expect(interviewer).toHaveCount(0);
  await expect(page.getByLabel('Interview protocol')).toBeVisible();

  // The log: five phase ends with planned and actual time, and the two questions asked, in order.
  const session = await newestSession(page);
  expect(session.phases.map((p) => p.minutes)).toEqual([0.15, 0.1, 0.05, 0.05, 0.05]);
  expect(session.protocolId).toMatch(/^custom-/);
  let events: SessionEvent[] = [];
  await expect.poll(async () => (events = await eventsOfNewestSession(page)).filter((e) => e.type === 'phase-end').length).toBe(5);
  const ends = events.flatMap((e) => (e.type === 'phase-end' ? [e] : []));
  expect(ends.map((e) => [e.phaseId, e.phaseIndex, e.plannedMs])).toEqual([
    ['clarify', 0, 9_000],
    ['implement', 1, 6_000],
    ['optimise', 2, 3_000],
    ['walkthrough', 3, 3_000],
    ['discuss', 4, 3_000],
  ]);
  expect(ends[0]!.actualMs).toBeGreaterThanOrEqual(9_000);
  expect(ends[1]!.actualMs).toBeLessThan(6_000);
  for (const end of ends) expect(end.actualMs).toBeGreaterThan(0);
  const followups = events.flatMap((e) => (e.type === 'followup' ? [e] : []));
  expect(followups.map((e) => [e.index, e.question])).toEqual([
    [0, 'The process restarts. How do you make sure no job is lost?'],
    [1, 'How would you run this with many workers on many machines?'],
  ]);
  const discussAt = events.find((e) => e.type === 'phase' && e.phaseId === 'discuss')!.t;
  expect(followups[0]!.t).toBeGreaterThanOrEqual(discussAt);
  expect(followups[1]!.t).toBeGreaterThan(followups[0]!.t);
  console.log('phase ends (planned → actual ms):', ends.map((e) => `${e.phaseId} ${e.plannedMs}→${e.actualMs}`).join(', '));
});

test('a custom protocol can be renamed and deleted; the picker falls back to the suggested one', async ({ page }) => {
  await openProblem(page, BACKEND);
  await page.getByRole('button', { name: 'Edit protocol' }).click();
  const create = page.getByRole('dialog', { name: /Your own minutes/ });
  await create.getByLabel('Protocol name').fill('Backend, long discussion');
  await create.getByLabel('Discuss minutes').fill('20');
  await create.getByRole('button', { name: 'Save as a new protocol' }).click();
  const picker = page.getByLabel('Interview protocol');
  await expect(picker.locator('option:checked')).toHaveText('Backend, long discussion (70 min)');

  await page.getByRole('button', { name: 'Edit protocol' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Backend, long discussion”' });
  await edit.getByLabel('Protocol name').fill('Backend interview (60 min)');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('A protocol named "Backend interview (60 min)" already exists')).toBeVisible();
  await edit.getByLabel('Protocol name').fill('Backend, 20 min discussion');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(picker.locator('option:checked')).toHaveText('Backend, 20 min discussion (70 min)');

  await page.getByRole('button', { name: 'Edit protocol' }).click();
  const again = page.getByRole('dialog', { name: /Edit “Backend, 20 min discussion”/ });
  await again.getByRole('button', { name: 'Delete protocol' }).click();
  await again.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(again).toBeHidden();
  await expect(picker).toHaveValue('backend-60');
  await expect(picker.locator('option', { hasText: 'Backend, 20 min discussion' })).toHaveCount(0);
});

test('nudges: coding in the plan phase before an edge case, and editing long without running; each can be switched off', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openProblem(page, CODING);
  const settings = await openSettings(page);
  await settings.getByLabel('Minutes of editing before the no-run nudge').fill('0.1');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('Plan');
  const nudge = page.getByTestId('coding-nudge');

  // Typing code in the plan phase with empty plan notes: nudged, once (a comment alone would not be code).
  await typeInEditor(page, '\nconst firstHelper = 1;');
  await expect(nudge).toHaveAttribute('data-kind', 'plan-coding');
  await expect(nudge).toContainText('You started coding before writing down any edge case');
  // Writing an edge case in the plan notes answers it.
  await page.getByLabel('Plan notes (Markdown)').fill('- capacity 0 stores nothing');
  await expect(nudge).toHaveCount(0);

  // Editing for longer than 0.1 min (6 s) without running: nudged.
  await typeInEditor(page, '\n// keep going');
  await page.waitForTimeout(6_500);
  await typeInEditor(page, '\n// and more');
  await expect(nudge).toHaveAttribute('data-kind', 'no-run');
  await expect(nudge).toContainText('without running anything. Test what you just wrote');
  // Running ends the stretch and the nudge.
  await runAndWait(page);
  await expect(nudge).toHaveCount(0);

  // Switched off: the same stretch of editing is not nudged, and the switch is remembered.
  await openSettings(page);
  await page.getByLabel('When I edit for a while without running anything').uncheck();
  await page.keyboard.press('Escape');
  await typeInEditor(page, '\n// quietly');
  await page.waitForTimeout(6_500);
  await typeInEditor(page, '\n// still no run');
  await page.waitForTimeout(500);
  await expect(nudge).toHaveCount(0);

  let events: SessionEvent[] = [];
  await expect.poll(async () => (events = await eventsOfNewestSession(page)).filter((e) => e.type === 'nudge').length).toBe(2);
  const nudges = events.flatMap((e) => (e.type === 'nudge' ? [e] : []));
  expect(nudges.map((e) => e.kind)).toEqual(['plan-coding', 'no-run']);
  expect(nudges[1]).toMatchObject({ kind: 'no-run', editingMs: expect.any(Number) });
  expect((nudges[1] as { editingMs: number }).editingMs).toBeGreaterThanOrEqual(6_000);
  // The plan notes are logged like design notes, so the review can count edge cases before the code.
  expect(events.some((e) => e.type === 'edit' && e.file === 'notes.md')).toBe(true);

  await page.reload();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await openSettings(page);
  await expect(page.getByLabel('When I edit for a while without running anything')).not.toBeChecked();
  await expect(page.getByLabel('Minutes of editing before the no-run nudge')).toHaveValue('0.1');
});

test('no plan-coding nudge when an edge case was written first, or when it is switched off', async ({ page }) => {
  test.setTimeout(90_000);
  await openProblem(page, CODING);
  const notes = page.getByLabel('Plan notes (Markdown)');
  await notes.fill('Edge cases:\n- an expired key reads as missing');
  await page.getByRole('button', { name: 'Start' }).click();
  await typeInEditor(page, '\n// now the code');
  await page.waitForTimeout(800);
  await expect(page.getByTestId('coding-nudge')).toHaveCount(0);

  // A new session with the notes emptied and the nudge switched off: still quiet.
  await endSession(page);
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('Plan');
  await notes.fill('');
  await openSettings(page);
  await page.getByLabel('When I type code in the plan phase before writing an edge case').uncheck();
  await page.keyboard.press('Escape');
  await typeInEditor(page, '\n// straight to code');
  await page.waitForTimeout(800);
  await expect(page.getByTestId('coding-nudge')).toHaveCount(0);
  const events = await eventsOfNewestSession(page);
  expect(events.filter((e) => e.type === 'nudge')).toEqual([]);
});

test('a design session logs the clarifications asked, and the interviewer asks follow-ups in the deep dive', async ({ page }) => {
  test.setTimeout(90_000);
  await openProblem(page, 'Design a URL shortener like bit.ly');
  await expect(page.getByLabel('Interview protocol')).toHaveValue('design-45');
  await page.getByRole('button', { name: 'Start' }).click();
  const timer = page.getByRole('timer', { name: 'Phase timer' });
  await expect(timer).toContainText('Introduction · phase 1/7');

  // Asked before designing anything: the reveal lands in the session log with its time.
  await page.getByRole('button', { name: 'Reveal the answer to: How many new short links per day?' }).click();
  for (const phase of ['Requirements', 'Estimation', 'High-level design', 'Detailed design', 'Deep dive']) {
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect(timer).toContainText(phase);
  }
  const interviewer = page.getByRole('region', { name: "Interviewer's follow-up questions" });
  await expect(interviewer).toContainText('question 1 of 5');
  await expect(interviewer.getByTestId('interviewer-question')).toHaveText(
    'How do you generate short codes that never collide, with many application servers writing at once?',
  );
  // The wrap-up goes on with the same question: it is not asked (or logged) twice.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(timer).toContainText('Wrap-up');
  await expect(interviewer).toContainText('question 1 of 5');
  await finishSession(page);
  await expect(timer).toContainText('Session finished');

  let events: SessionEvent[] = [];
  await expect.poll(async () => (events = await eventsOfNewestSession(page)).filter((e) => e.type === 'phase-end').length).toBe(7);
  const clarifications = events.flatMap((e) => (e.type === 'clarification' ? [e] : []));
  expect(clarifications.map((e) => e.question)).toEqual(['How many new short links per day?']);
  const designStarted = events.find((e) => e.type === 'phase' && e.phaseId === 'high-level')!.t;
  expect(clarifications[0]!.t).toBeLessThan(designStarted);
  expect(events.filter((e) => e.type === 'followup').map((e) => (e as { index: number }).index)).toEqual([0]);
});
