import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { comingTuesday, restoreClockAfterEach } from './schedules';
import { expectNoSidewaysScroll, shot } from './shots';
import { pageAs, weeklyPair } from './teammates';

test.skip(!hasChromium, installHint);

const widths = [1440, 390] as const;

restoreClockAfterEach();

for (const width of widths) {
  test(`asking for cover on your shift and a teammate accepting it (${width} px)`, async ({ page, browser, baseURL }) => {
    const { ann, ben, scheduleId, name } = await weeklyPair(page, `ask${width}`);
    const asAnn = await pageAs(browser, baseURL, ann, width);
    await asAnn.goto(`/schedules/${scheduleId}`);
    await expect(asAnn.getByRole('heading', { name, level: 2 })).toBeVisible();
    // Ann's shift on the final row (a list of shifts on a phone).
    await asAnn.getByRole('region', { name: 'Calendar' }).getByRole('button', { name: new RegExp(`^Final: ${ann.name}, `) }).first().click();
    await asAnn.getByRole('menuitem', { name: 'Ask for cover…' }).click();
    const dialog = asAnn.getByRole('dialog', { name: 'Ask for cover' });
    await expect(dialog.getByText(/Your teammates on this schedule's team are asked/)).toBeVisible();
    // Part of the shift: Wednesday 09:00–17:00.
    const wednesday = new Date(Date.parse(`${comingTuesday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('From').fill(`${wednesday}T09:00`);
    await dialog.getByLabel('To').fill(`${wednesday}T17:00`);
    await dialog.getByLabel('Note').fill('Dentist in the morning');
    await shot(asAnn, `cover-ask-${width}`);
    await dialog.getByRole('button', { name: 'Ask for cover' }).click();
    await expect(asAnn.getByText('Cover requested')).toBeVisible();
    const panel = asAnn.getByRole('region', { name: 'Cover requests', exact: true });
    await expect(panel.getByRole('article', { name: `Cover request from ${ann.name}` })).toContainText('Dentist in the morning');
    await expect(panel.getByRole('button', { name: 'Withdraw' })).toBeVisible();

    const asBen = await pageAs(browser, baseURL, ben, width);
    await asBen.goto('/on-call');
    const mine = asBen.getByRole('region', { name: 'Cover requests for you' });
    const request = mine.getByRole('article', { name: `Cover request from ${ann.name}` });
    await expect(request).toContainText(name);
    await expect(request).toContainText('09:00 – 17:00');
    await shot(asBen, `cover-for-you-${width}`);
    await request.getByRole('button', { name: 'Accept' }).click();
    await expect(asBen.getByText('You are covering')).toBeVisible();
    await expect(mine).toBeHidden();

    await asBen.goto(`/schedules/${scheduleId}`);
    const taken = asBen.getByRole('region', { name: 'Cover requests', exact: true }).getByRole('article', { name: `Cover request from ${ann.name}` });
    await expect(taken).toContainText(`Taken by ${ben.name}`);
    await expect(taken.getByText('accepted')).toBeVisible();
    await expect(asBen.getByRole('region', { name: 'Calendar' }).getByRole('button', { name: new RegExp(`^Final: ${ben.name}, .*override$`) }).first()).toBeVisible();
    await shot(asBen, `cover-accepted-${width}`);
    await expectNoSidewaysScroll(asBen);
  });

  test(`taking a schedule on call now from the banner (${width} px)`, async ({ page, browser, baseURL }) => {
    const { ben, scheduleId, name } = await weeklyPair(page, `take${width}`);
    const asBen = await pageAs(browser, baseURL, ben, width);
    await asBen.goto(`/schedules/${scheduleId}`);
    const banner = asBen.getByRole('region', { name: `Currently On-Call: ${name}` });
    await banner.getByRole('button', { name: 'Take on call now' }).click();
    const dialog = asBen.getByRole('dialog', { name: `Take ${name} on call now` });
    // Until a chosen time: one before now is said at the field.
    await dialog.getByText('Until…', { exact: true }).click();
    await dialog.locator('input[type="datetime-local"]').fill(`${comingTuesday()}T09:00`);
    await expect(dialog.getByText('must be after now')).toBeVisible();
    await shot(asBen, `take-on-call-until-${width}`, false);
    await dialog.getByText('4 h', { exact: true }).click();
    await shot(asBen, `take-on-call-${width}`);
    await dialog.getByRole('button', { name: 'Take on call' }).click();
    await expect(asBen.getByText('You are on call', { exact: true })).toBeVisible();
    await expect(asBen.getByText(new RegExp(`^${name} until .*14:00\\.$`))).toBeVisible();
    await expect(dialog).toBeHidden();
    // The banner now names Ben, by a schedule-wide override.
    await expect(banner.getByText('Schedule-wide override')).toBeVisible();
    await expect(banner).toContainText(ben.name);
    await shot(asBen, `take-on-call-done-${width}`);
  });
}
