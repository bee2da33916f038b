import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiSession, logIn, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin } from './demo';
import { chicago, comingTuesday } from './schedules';

test.skip(!hasChromium, installHint);

const SHOTS = '/tmp/shots16';
const widths = [1440, 390] as const;

/** Each test's own pair of teammates on a weekly rotation, the first of them on call from Tuesday 10:00 Chicago to next Monday. */
async function weeklyPair(page: Page, label: string) {
  await page.request.post('/api/v1/test/clock', { data: { freeze: true, set: chicago(comingTuesday(), '10:00') } });
  const ann = await newUser(page.request, `${label}-ann`);
  const ben = await newUser(page.request, `${label}-ben`);
  const admin = await apiSession(page.request, demoAdmin.email, demoAdmin.password);
  const team = (await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams')).items.find((t) => t.name === 'Platform');
  for (const u of [ann, ben]) await admin.call('PUT', `/teams/${team?.id}/members/${u.id}`, { role: 'member' });
  const name = `Cover ${label} ${Date.now()}`;
  const schedule = await admin.call<{ id: string }>('POST', '/schedules', {
    name,
    teamId: team?.id,
    timeZone: 'America/Chicago',
    layers: [{ name: 'Week', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ann.id, ben.id], rotationStart: { at: `${comingTuesday()}T10:00`, member: 0 } }],
  });
  return { ann, ben, scheduleId: schedule.id, name };
}

test.afterEach(async ({ page }) => {
  await page.request.post('/api/v1/test/clock', { data: { set: new Date().toISOString(), freeze: false } });
});

async function shot(page: Page, name: string) {
  await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** A browser of the user's own, logged in: two people act side by side. */
async function pageAs(browser: Browser, baseURL: string | undefined, user: { email: string; password: string; name: string }, width: number): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await logIn(page, user);
  return page;
}

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
    // Nothing pushes the page sideways on a phone.
    const fits = await asBen.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return document.documentElement.scrollWidth <= innerWidth + 1;
    });
    expect(fits).toBe(true);
  });

  test(`taking a schedule on call now from the banner (${width} px)`, async ({ page, browser, baseURL }) => {
    const { ben, scheduleId, name } = await weeklyPair(page, `take${width}`);
    const asBen = await pageAs(browser, baseURL, ben, width);
    await asBen.goto(`/schedules/${scheduleId}`);
    const banner = asBen.getByRole('region', { name: `Currently On-Call: ${name}` });
    await banner.getByRole('button', { name: 'Take on call now' }).click();
    const dialog = asBen.getByRole('dialog', { name: `Take ${name} on call now` });
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
