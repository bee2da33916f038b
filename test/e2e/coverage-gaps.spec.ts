import { expect, test, type Page } from '@playwright/test';
import { newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { api, banner, chicago, comingTuesday, demoPlatform, onTuesdayMorningInChicago } from './schedules';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';
import { pageAs } from './teammates';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

/** Alice in business hours only, paged through by a policy: every weeknight ahead is a gap. Ends on its page. */
async function nightsUncovered(page: Page): Promise<{ id: string; name: string }> {
  const { teamId, user } = await demoPlatform(page);
  const name = `Nights uncovered ${Date.now()}`;
  const schedule = await api<{ id: string }>(page, 'POST', '/schedules', {
    name,
    teamId,
    timeZone: 'America/Chicago',
    layers: [{ name: 'Days', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [user('alice@example.com')] }],
  });
  await api(page, 'POST', '/escalation-policies', { name: `Pages ${name}`, teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: schedule.id }] }] });
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

/** Whether the field is drawn whole inside the screen's width, neither cut off nor pushed aside. */
async function wholeOnScreen(page: Page, field: ReturnType<Page['getByRole']>): Promise<boolean> {
  const box = await field.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

test('the gaps panel: fill a gap through its override form, mark one intended, unmark it; the Who’s on-call card warns', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const schedule = await nightsUncovered(page);
  const tuesday = comingTuesday();
  await setAlertDays(page, 2);
  // From Tuesday 10:00: Tuesday night, Wednesday night (to Thursday 09:00).
  await expect(gapRows(page)).toHaveCount(2);
  await expect(gapRows(page).first()).toContainText('16 h');
  await shotOf(panel(page), 'coverage-gaps-panel-1440');
  await shot(page, 'coverage-gaps-page-1440');

  // Fill…: the override form comes prefilled with the whole gap, schedule-wide.
  await gapRows(page).first().getByRole('button', { name: 'Fill…' }).click();
  const override = page.getByRole('dialog', { name: 'Create override' });
  await expect(override.getByLabel('Start')).toHaveValue(`${tuesday}T17:00`);
  await expect(override.getByLabel('End')).toHaveValue(/T09:00$/);
  await shot(page, 'coverage-gaps-fill-1440', false);
  await override.getByRole('combobox', { name: 'Who takes it' }).click();
  await page.getByRole('option', { name: /Bob/ }).click();
  await override.getByRole('button', { name: 'Create override' }).click();
  await expect(override).toBeHidden();
  await expect(gapRows(page)).toHaveCount(1);

  // Mark intended, with a reason: it leaves the list of gaps and is listed as intended.
  await gapRows(page).first().getByRole('button', { name: 'Mark intended' }).click();
  const intend = page.getByRole('dialog', { name: 'Mark gap as intended' });
  await intend.getByLabel('Why (optional)').fill('Release freeze: nothing ships');
  // Cancel with a reason typed asks first; keeping on editing keeps what was typed.
  await intend.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Keep editing' }).click();
  await expect(intend.getByLabel('Why (optional)')).toHaveValue('Release freeze: nothing ships');
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
  await shotOf(banner(page, schedule.name), 'coverage-gaps-on-call-1440');
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
  await shotOf(panel(page), 'coverage-gaps-panel-390');
  await shot(page, 'coverage-gaps-page-390');
  await expectNoSidewaysScroll(page);

  await page.goto(`/schedules/${schedule.id}?fill=${encodeURIComponent(gap)}`);
  const override = page.getByRole('dialog', { name: 'Create override' });
  await expect(override.getByLabel('Start')).toHaveValue(`${tuesday}T17:00`);
  // One above the other, each whole on a phone's screen.
  for (const label of ['Start', 'End']) expect(await wholeOnScreen(page, override.getByLabel(label))).toBe(true);
  await shot(page, 'coverage-gaps-fill-link-390', false);
  // Closed, it stays closed: the link's parameter is gone from the address.
  await override.getByRole('button', { name: 'Cancel' }).click();
  await expect(override).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/schedules/${schedule.id}$`));

  await page.goto(`/schedules/${schedule.id}?intend=${encodeURIComponent(gap)}`);
  const intend = page.getByRole('dialog', { name: 'Mark gap as intended' });
  await expect(intend.getByLabel('From')).toHaveValue(`${tuesday}T17:00`);
  await shot(page, 'coverage-gaps-intend-link-390', false);
  await intend.getByRole('button', { name: 'Mark as intended' }).click();
  await expect(page.getByText('Gap marked as intended')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Unmark' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

for (const width of [1440, 390]) {
  test(`others see the gaps without the managers' buttons; a teammate may fill them (${width} px)`, async ({ page, browser, baseURL }) => {
    const schedule = await nightsUncovered(page);
    const tuesday = comingTuesday();
    await api(page, 'POST', `/schedules/${schedule.id}/intended-gaps`, { start: chicago(tuesday, '17:00'), end: chicago(tuesday, '20:00'), note: 'Team dinner' });
    const outsider = await newUser(page.request, `gapsout${width}`);
    const teammate = await newUser(page.request, `gapsin${width}`);
    const { teamId } = await demoPlatform(page);
    await teammate.admin.call('PUT', `/teams/${teamId}/members/${teammate.id}`, { role: 'member' });

    // A responder of another team: the gaps and the marks, nothing to press.
    const asOutsider = await pageAs(browser, baseURL, outsider, width);
    await asOutsider.goto(`/schedules/${schedule.id}`);
    const seen = panel(asOutsider);
    await expect(gapRows(asOutsider).first()).toContainText('13 h');
    await expect(seen).toContainText('Team dinner');
    await expect(seen).toContainText('Alert: 14 days ahead');
    // Only the list's own "Show all" is there to press.
    await expect(seen.getByRole('button')).toHaveText([/^Show all \d+ gaps$/]);
    await seen.scrollIntoViewIfNeeded();
    await shotOf(seen, `coverage-gaps-panel-responder-${width}`);
    // The alert's links open nothing for them.
    await asOutsider.goto(`/schedules/${schedule.id}?intend=${encodeURIComponent(`${chicago(tuesday, '20:00')}/${chicago(tuesday, '23:00')}`)}`);
    await expect(gapRows(asOutsider).first()).toBeVisible();
    await expect(asOutsider).toHaveURL(new RegExp(`/schedules/${schedule.id}$`));
    await expect(asOutsider.getByRole('dialog')).toHaveCount(0);
    await asOutsider.goto(`/?q=${encodeURIComponent(schedule.name)}`);
    const note = banner(asOutsider, schedule.name).getByRole('alert');
    await expect(note.getByRole('link', { name: 'See the gaps', exact: true })).toBeVisible();

    // A member of the team may fill a gap (an override) but not mark it intended.
    const asTeammate = await pageAs(browser, baseURL, teammate, width);
    await asTeammate.goto(`/schedules/${schedule.id}`);
    await expect(gapRows(asTeammate).first().getByRole('button', { name: 'Fill…' })).toBeVisible();
    await expect(panel(asTeammate).getByRole('button', { name: 'Mark intended' })).toHaveCount(0);
    await expect(panel(asTeammate).getByRole('button', { name: 'Unmark' })).toHaveCount(0);
    await expect(panel(asTeammate).getByRole('button', { name: /^Alert/ })).toBeVisible();
    await expectNoSidewaysScroll(asTeammate);
  });
}
