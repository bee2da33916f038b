import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiSession, logIn, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin } from './demo';
import { chicago, comingTuesday } from './schedules';

test.skip(!hasChromium, installHint);

const SHOTS = '/tmp/shots16';
const widths = [1440, 390] as const;

/** A weekly rotation of two new teammates, the first on call from Tuesday 10:00 Chicago to next Monday. */
async function weeklyPair(page: Page, label: string) {
  await page.request.post('/api/v1/test/clock', { data: { freeze: true, set: chicago(comingTuesday(), '10:00') } });
  const ann = await newUser(page.request, `${label}-ann`);
  const ben = await newUser(page.request, `${label}-ben`);
  const admin = await apiSession(page.request, demoAdmin.email, demoAdmin.password);
  const team = (await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams')).items.find((t) => t.name === 'Platform');
  for (const u of [ann, ben]) await admin.call('PUT', `/teams/${team?.id}/members/${u.id}`, { role: 'member' });
  const name = `Away ${label} ${Date.now()}`;
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

async function pageAs(browser: Browser, user: { email: string; password: string; name: string }, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await logIn(page, user);
  return page;
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    return document.documentElement.scrollWidth <= innerWidth + 1;
  });

for (const width of widths) {
  test(`recording time off on the profile puts the next teammate on call in the calendar (${width} px)`, async ({ page, browser }) => {
    const { ann, ben, scheduleId, name } = await weeklyPair(page, `away${width}`);
    const wednesday = new Date(Date.parse(`${comingTuesday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    const asAnn = await pageAs(browser, ann, width);
    await asAnn.goto('/profile');
    const section = asAnn.getByRole('region', { name: 'Time off' });
    await expect(section.getByText('No time off coming up.')).toBeVisible();
    await section.getByRole('button', { name: 'Add time off' }).click();
    const dialog = asAnn.getByRole('dialog', { name: 'Add time off' });
    await dialog.getByLabel('From').fill(`${wednesday}T09:00`);
    await dialog.getByLabel('To').fill(`${wednesday}T17:00`);
    await dialog.getByLabel('Note').fill('Dentist');
    await shot(asAnn, `time-off-add-${width}`);
    await dialog.getByRole('button', { name: 'Add time off' }).click();
    await expect(asAnn.getByText('Time off recorded')).toBeVisible();
    await expect(dialog).toBeHidden();
    const table = section.getByRole('table', { name: 'Time off' });
    await expect(table).toContainText('Dentist');
    await expect(table).toContainText('09:00');
    await section.scrollIntoViewIfNeeded();
    await shot(asAnn, `time-off-profile-${width}`);
    await section.screenshot({ path: `${SHOTS}/time-off-section-${width}.png`, animations: 'disabled' });
    expect(await fitsWidth(asAnn)).toBe(true);

    await asAnn.goto(`/schedules/${scheduleId}`);
    await expect(asAnn.getByRole('heading', { name, level: 2 })).toBeVisible();
    const calendar = asAnn.getByRole('region', { name: 'Calendar' });
    // Ben covers Ann's Wednesday hours on the final row, shown as a cover, not a plain turn; her absence is on its own row.
    const cover = calendar.getByRole('button', { name: new RegExp(`^Final: ${ben.name}, .* – 17:00, covering for ${ann.name} \\(time off\\)$`) });
    await expect(cover.first()).toBeVisible();
    await shot(asAnn, `time-off-calendar-${width}`);
    // On a phone the calendar shows one row at a time.
    const showRow = async (row: string) => {
      if (width > 390) return;
      await calendar.getByRole('combobox', { name: 'Calendar of' }).click();
      await asAnn.getByRole('option', { name: row }).click();
    };
    await showRow('Time off');
    await expect(calendar.getByRole('button', { name: new RegExp(`^Time off: ${ann.name}, .* \\(Dentist\\)$`) }).first()).toBeVisible();
    await calendar.screenshot({ path: `${SHOTS}/time-off-calendar-region-${width}.png`, animations: 'disabled' });
    expect(await fitsWidth(asAnn)).toBe(true);
    await showRow('Final schedule');

    // A cover can be changed like any turn: the override form opens on its span.
    await cover.first().click();
    await asAnn.getByRole('menuitem', { name: 'Change cover…' }).click();
    const override = asAnn.getByRole('dialog', { name: 'Create override' });
    await expect(override.getByLabel('Start')).toHaveValue(`${wednesday}T09:00`);
    await expect(override.getByLabel('End')).toHaveValue(`${wednesday}T17:00`);
    await shot(asAnn, `time-off-change-cover-${width}`);
    await override.getByRole('button', { name: 'Cancel' }).click();

    // And a teammate's shift offers to mark them away.
    await calendar.getByRole('button', { name: new RegExp(`^Final: ${ben.name}, `) }).first().click();
    await expect(asAnn.getByRole('menuitem', { name: `Mark ${ben.name} away…` })).toBeVisible();
    await asAnn.keyboard.press('Escape');
  });
}
