import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { api, banner, chicago, comingTuesday, onTuesdayMorningInChicago } from './schedules';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

const SHOTS = '/tmp/shots16';

/** Alice in business hours only, paged through by a policy: every weeknight ahead is a gap. Ends on its page. */
async function nightsUncovered(page: Page): Promise<{ id: string; name: string }> {
  const team = (await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/teams')).items.find((t) => t.name === 'Platform');
  const users = (await api<{ items: { id: string; email: string }[] }>(page, 'GET', '/users?limit=100')).items;
  const alice = users.find((u) => u.email === 'alice@example.com')?.id;
  const name = `Nights uncovered ${Date.now()}`;
  const schedule = await api<{ id: string }>(page, 'POST', '/schedules', {
    name,
    teamId: team?.id,
    timeZone: 'America/Chicago',
    layers: [{ name: 'Days', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [alice] }],
  });
  await api(page, 'POST', '/escalation-policies', { name: `Pages ${name}`, teamId: team?.id, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: schedule.id }] }] });
  await page.goto(`/schedules/${schedule.id}`);
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  return { id: schedule.id, name };
}

const panel = (page: Page) => page.getByRole('region', { name: 'Coverage gaps' });
const gapRows = (page: Page) => panel(page).getByRole('listitem');

async function setAlertDays(page: Page, days: number) {
  await panel(page).getByRole('button', { name: /^Alert/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Coverage-gap alert' });
  await dialog.getByLabel('Days ahead').fill(String(days));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Gap alert saved')).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: `Coverage gaps in the next ${days} days` })).toBeVisible();
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    return document.documentElement.scrollWidth - innerWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);
}

test('the gaps panel: fill a gap through its override form, mark one intended, unmark it; the Who’s on-call card warns', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const schedule = await nightsUncovered(page);
  const tuesday = comingTuesday();
  await setAlertDays(page, 2);
  // From Tuesday 10:00: Tuesday night, Wednesday night (to Thursday 09:00).
  await expect(gapRows(page)).toHaveCount(2);
  await expect(gapRows(page).first()).toContainText('16 h');
  await panel(page).screenshot({ path: `${SHOTS}/coverage-gaps-panel-1440.png` });
  await page.screenshot({ path: `${SHOTS}/coverage-gaps-page-1440.png`, fullPage: true });

  // Fill…: the override form comes prefilled with the whole gap, schedule-wide.
  await gapRows(page).first().getByRole('button', { name: 'Fill…' }).click();
  const override = page.getByRole('dialog', { name: 'Create override' });
  await expect(override.getByLabel('Start')).toHaveValue(`${tuesday}T17:00`);
  await expect(override.getByLabel('End')).toHaveValue(/T09:00$/);
  await override.getByRole('combobox', { name: 'Who takes it' }).click();
  await page.getByRole('option', { name: /Bob/ }).click();
  await override.getByRole('button', { name: 'Create override' }).click();
  await expect(override).toBeHidden();
  await expect(gapRows(page)).toHaveCount(1);

  // Mark intended, with a reason: it leaves the list of gaps and is listed as intended.
  await gapRows(page).first().getByRole('button', { name: 'Mark intended' }).click();
  const intend = page.getByRole('dialog', { name: 'Mark gap as intended' });
  await intend.getByLabel('Why (optional)').fill('Release freeze: nothing ships');
  await intend.getByRole('button', { name: 'Mark as intended' }).click();
  await expect(page.getByText('Gap marked as intended')).toBeVisible();
  await expect(gapRows(page)).toHaveCount(0);
  await expect(panel(page)).toContainText('Someone is on call throughout, apart from the gaps marked intended.');
  await expect(panel(page)).toContainText('Release freeze: nothing ships');

  // Unmarked, it is a gap again.
  await panel(page).getByRole('button', { name: 'Unmark' }).click();
  await expect(gapRows(page)).toHaveCount(1);

  // Who's on-call: the schedule's card warns of the gap left.
  await page.goto(`/?q=${encodeURIComponent(schedule.name)}`);
  const warning = banner(page, schedule.name).getByRole('alert');
  await expect(warning).toContainText('A coverage gap in the next 2 days');
  await banner(page, schedule.name).screenshot({ path: `${SHOTS}/coverage-gaps-on-call-1440.png` });
  await warning.getByRole('link', { name: 'See and fill the gaps' }).click();
  await expect(panel(page)).toBeVisible();
});

test('the links of the managers’ alert open the prefilled forms; the panel fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const schedule = await nightsUncovered(page);
  const tuesday = comingTuesday();
  const gap = `${chicago(tuesday, '17:00')}/${new Date(Date.parse(chicago(tuesday, '17:00')) + 16 * 3_600_000).toISOString()}`;
  await expect(gapRows(page).first()).toBeVisible();
  await panel(page).scrollIntoViewIfNeeded();
  await panel(page).screenshot({ path: `${SHOTS}/coverage-gaps-panel-390.png` });
  await page.screenshot({ path: `${SHOTS}/coverage-gaps-page-390.png`, fullPage: true });
  await noSidewaysScroll(page);

  await page.goto(`/schedules/${schedule.id}?fill=${encodeURIComponent(gap)}`);
  const override = page.getByRole('dialog', { name: 'Create override' });
  await expect(override.getByLabel('Start')).toHaveValue(`${tuesday}T17:00`);
  await page.screenshot({ path: `${SHOTS}/coverage-gaps-fill-link-390.png` });
  // Closed, it stays closed: the link's parameter is gone from the address.
  await override.getByRole('button', { name: 'Cancel' }).click();
  await expect(override).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/schedules/${schedule.id}$`));

  await page.goto(`/schedules/${schedule.id}?intend=${encodeURIComponent(gap)}`);
  const intend = page.getByRole('dialog', { name: 'Mark gap as intended' });
  await expect(intend.getByLabel('From')).toHaveValue(`${tuesday}T17:00`);
  await page.screenshot({ path: `${SHOTS}/coverage-gaps-intend-link-390.png` });
  await intend.getByRole('button', { name: 'Mark as intended' }).click();
  await expect(page.getByText('Gap marked as intended')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Unmark' })).toBeVisible();
  await noSidewaysScroll(page);
});
