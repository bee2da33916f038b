import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { api, demoPlatform, onTuesdayMorningInChicago, openEditor } from './schedules';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

/** A Chicago schedule with one always-on layer, "Everyone" (daily 09:00: Alice, Bob, Carol); ends on its page. */
async function fairSchedule(page: Page): Promise<string> {
  const { teamId, user } = await demoPlatform(page);
  const name = `Fair ${Date.now()}`;
  const schedule = await api<{ id: string }>(page, 'POST', '/schedules', {
    name,
    teamId,
    timeZone: 'America/Chicago',
    layers: [{ name: 'Everyone', rotation: { kind: 'daily', handoffTime: '09:00' }, members: ['alice', 'bob', 'carol'].map((n) => user(`${n}@example.com`)) }],
  });
  await page.goto(`/schedules/${schedule.id}`);
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  return name;
}

test('the fairness view splits hours by category with a country’s holidays, changes period, and the layer preview shows how an edit moves it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await fairSchedule(page);
  const section = page.getByRole('region', { name: 'On-call hours and fairness' });
  await expect(section.getByRole('combobox', { name: 'Period' })).toHaveValue('Next 4 weeks');
  const table = section.getByRole('table', { name: 'Hours per person' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(section.getByLabel('Fairness measure')).toContainText('Measured over the 3 members');
  await expect(section).toContainText('No public holidays');

  // Holidays from a country: the next four weeks from early December hold Christmas.
  await section.getByRole('button', { name: 'Set up holidays' }).click();
  const dialog = page.getByRole('dialog', { name: 'Public holidays' });
  await dialog.getByRole('radio', { name: "A country's public holidays" }).check();
  await dialog.getByRole('combobox', { name: 'Country' }).fill('United States');
  await page.getByRole('option', { name: 'United States of America' }).click();
  await dialog.getByRole('button', { name: 'Save holidays' }).click();
  await expect(page.getByText('Holidays saved')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText('Holidays of United States of America');
  await expect(section).toContainText(/Holidays counted: .*Christmas Day \((25 Dec|Dec 25)/);
  // Someone is on call all day on each holiday: whole days of holiday hours in the Holidays column.
  const holidayHours = await table.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => Number((r as unknown as { cells: { textContent: string }[] }).cells[4]?.textContent)));
  const total = holidayHours.reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThanOrEqual(24);
  expect(total % 24).toBe(0);
  await expect(section.getByRole('img', { name: /^Alice Senior: holidays \d+ h, weekends \d+ h, nights \d+ h, business hours \d+ h; \d+ h in all$/ })).toBeVisible();
  await shot(page, 'fairness-1440');
  await shotOf(section, 'fairness-section-1440');

  // The last three months are before the schedule existed.
  await section.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Last 3 months' }).click();
  await expect(section).toContainText('This schedule had no members and nobody on call in this period.');
  await expect(table).toBeHidden();

  // Dropping Carol from the rotation: the preview tells how the spread moves.
  const editor = await openEditor(page, 'Everyone');
  await editor.getByRole('button', { name: /Remove Carol .* \(turn 3\)/ }).click();
  await expect(editor.getByRole('region', { name: 'Preview' }).getByLabel('Fairness change')).toContainText(/night, weekend and holiday spread \d+(\.\d+)? h → \d+(\.\d+)? h/);
  await shot(page, 'fairness-preview-1440');
});

test('the fairness view at 390 px: the chart stacks, the table scrolls on its own, the holiday dialog fits', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await fairSchedule(page);
  const section = page.getByRole('region', { name: 'On-call hours and fairness' });
  await expect(section.getByRole('table', { name: 'Hours per person' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page);
  await shot(page, 'fairness-390');
  await shotOf(section, 'fairness-section-390');
  await section.getByRole('button', { name: 'Set up holidays' }).click();
  const dialog = page.getByRole('dialog', { name: 'Public holidays' });
  await dialog.getByRole('radio', { name: 'A calendar feed (iCal)' }).check();
  await dialog.getByRole('button', { name: 'Save holidays' }).click();
  await expect(dialog.getByText('Enter the feed’s address')).toBeVisible();
  await shot(page, 'fairness-holidays-390', false);
  // Closing with edits asks before dropping them.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText('No public holidays');
});
