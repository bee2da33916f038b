import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { api, banner, card, comingTuesday, demoPlatform, onTuesdayMorningInChicago } from './schedules';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

/** A Chicago schedule with one always-on layer, "Day" (daily 09:00, Alice then Bob); ends on its page. */
async function daySchedule(page: Page): Promise<{ id: string; name: string }> {
  const { teamId, user } = await demoPlatform(page);
  const name = `Shadowed ${Date.now()}`;
  const schedule = await api<{ id: string }>(page, 'POST', '/schedules', {
    name,
    teamId,
    timeZone: 'America/Chicago',
    layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [user('alice@example.com'), user('bob@example.com')] }],
  });
  await page.goto(`/schedules/${schedule.id}`);
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  return { id: schedule.id, name };
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}

/** Opens the override dialog from a shift on the layer's calendar row (through the shift's menu when it has one). */
async function overrideFromCalendar(page: Page, layer: string) {
  await page.getByRole('region', { name: 'Calendar' }).getByRole('group', { name: `${layer} row` }).getByRole('button').first().click();
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  const menuItem = page.getByRole('menuitem', { name: 'Override…' });
  await expect(dialog.or(menuItem)).toBeVisible();
  if (await menuItem.isVisible()) await menuItem.click();
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a shadow added from the calendar is paged alongside, listed as a shadow, and shown under the person on call', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const schedule = await daySchedule(page);
  await expect(card(page, schedule.name, 'Day')).toContainText('Alice Senior');

  const dialog = await overrideFromCalendar(page, 'Day');
  await expect(dialog.getByRole('radio', { name: /Replace the person on call/ })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Who takes it' })).toBeVisible();
  await dialog.getByRole('radio', { name: /Add alongside \(shadow\)/ }).check();
  await dialog.getByRole('combobox', { name: 'Who joins' }).click();
  await page.getByRole('option', { name: /Dave Viewer/ }).click();
  await dialog.getByLabel('Start').fill(`${comingTuesday()}T10:00`);
  await dialog.getByLabel('End').fill(`${comingTuesday()}T14:00`);
  await expect(dialog).toContainText("Paged with Day's person while that layer is on duty");
  await shoot(page, testInfo, 'shadow-dialog-1440');
  await dialog.getByRole('button', { name: 'Add shadow' }).click();
  await expect(dialog).toBeHidden();

  // Alice stays on call; Dave is with her.
  const day = card(page, schedule.name, 'Day');
  await expect(day.getByLabel('Shadows')).toHaveText('with Dave Viewer (shadow)');
  await expect(day).toContainText('Alice Senior');
  await expect(day).toContainText(/until .*14:00/);
  const row = page.getByRole('table', { name: 'Overrides' }).getByRole('row', { name: /Dave Viewer/ });
  await expect(row).toContainText('shadow');
  await expect(row.getByRole('button', { name: 'Delete shadow for Dave Viewer' })).toBeVisible();
  await shoot(page, testInfo, 'shadow-schedule-1440');

  await page.goto('/on-call');
  await expect(banner(page, schedule.name).getByRole('article', { name: 'Day' }).getByLabel('Shadows')).toHaveText('with Dave Viewer (shadow)');
  await page.setViewportSize({ width: 390, height: 844 });
  await banner(page, schedule.name).scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'shadow-on-call-390');
  await page.goto(`/schedules/${schedule.id}`);
  await expect(page.getByRole('table', { name: 'Overrides' })).toContainText('shadow');
  await shoot(page, testInfo, 'shadow-schedule-390');
});
