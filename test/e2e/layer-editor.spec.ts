import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { api, onTuesdayMorningInChicago, openEditor } from './schedules';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

const teamId = async (page: Page, name: string) => (await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/teams')).items.find((t) => t.name === name)?.id ?? '';

/**
 * The seed's two layers in Chicago: "Senior" (weekly Monday 09:00, business hours, Alice)
 * and "After hours" (daily 17:00, always, Bob then Carol). Opened from the schedule list,
 * so going back is a navigation inside the app.
 */
async function seedSchedule(page: Page, name = `Editor ${Date.now()}`): Promise<string> {
  const users = (await api<{ items: { id: string; email: string }[] }>(page, 'GET', '/users?limit=100')).items;
  const user = (email: string) => users.find((u) => u.email === email)?.id ?? '';
  await api(page, 'POST', '/schedules', {
    name,
    teamId: await teamId(page, 'Platform'),
    timeZone: 'America/Chicago',
    layers: [
      { name: 'Senior', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [user('alice@example.com')] },
      { name: 'After hours', rotation: { kind: 'daily', handoffTime: '17:00' }, members: [user('bob@example.com'), user('carol@example.com')] },
    ],
  });
  await page.goto('/schedules');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  return name;
}

/** The few DOM calls made in the page (the e2e project is typed without the DOM lib). */
interface PageElement {
  tagName: string;
  textContent: string | null;
  getBoundingClientRect(): { right: number; width: number };
}
type PageGlobal = {
  innerWidth: number;
  document: { fonts: { ready: Promise<unknown> }; documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<PageElement> };
};

/** What reaches past the right edge of the screen: the page scrolling sideways, or anything in the layers or an open dialog. */
const tooWide = (page: Page) =>
  page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobal;
    const width = innerWidth + 0.5;
    const sideways = document.documentElement.scrollWidth > width ? [`page ${document.documentElement.scrollWidth}px wide`] : [];
    const parts = Array.from(document.querySelectorAll('[aria-label="Layers"] *, [role="dialog"] *'))
      .filter((element) => element.getBoundingClientRect().right > width && element.getBoundingClientRect().width > 0)
      .map((element) => `${element.tagName} ${element.textContent?.slice(0, 40) ?? ''}`);
    return [...sideways, ...parts].slice(0, 8);
  });

/** A part of the page, or what the screen shows (an open dialog covers the page). */
async function shoot(page: Page, testInfo: TestInfo, name: string, target: Page | Locator = page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as PageGlobal).document.fonts.ready);
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}

const toast = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title });

test('a layer is a card with its summary; Edit opens a focused editor whose preview follows the edit; cancelling asks, saving updates the card', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedSchedule(page);
  const afterHours = page.getByRole('region', { name: 'Layer After hours' });
  await expect(page.getByRole('region', { name: 'Layer Senior' })).toContainText('Weekly, Monday 09:00, business hours, Alice Senior');
  await expect(afterHours).toContainText('Daily, 17:00, always active, Bob Night → Carol Night');
  await expect(afterHours.getByRole('listitem')).toHaveText(['1. Bob Night', '2. Carol Night']);
  // Cards hold no form.
  await expect(afterHours.getByRole('textbox')).toHaveCount(0);

  const editor = await openEditor(page, 'After hours');
  const preview = editor.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Change a setting to see who would be paged instead');
  await expect(editor.getByRole('button', { name: 'Save layer' })).toBeDisabled();
  await editor.getByLabel('Handoff time').fill('18:00');
  await expect(preview).toContainText('After this change');
  await expect(preview).toContainText('Daily, 18:00, always active, Bob Night → Carol Night');
  const changes = preview.getByRole('table', { name: 'Shift changes' });
  await expect(changes).toContainText('Bob Night');
  await expect(preview).toContainText('No coverage gaps in the next two weeks.');
  await expect(editor.getByRole('button', { name: 'Save layer' })).toBeEnabled();
  await shoot(page, testInfo, 'layer-editor-1440');

  // Closing with changes asks; keeping them keeps the editor as it was.
  await editor.getByRole('button', { name: 'Cancel' }).click();
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(discard).toContainText('The changes to layer After hours are not saved yet.');
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(editor.getByLabel('Handoff time')).toHaveValue('18:00');
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor).toBeHidden();
  await expect(afterHours).toContainText('Daily, 17:00, always active');

  // Unchanged, it closes without asking.
  await openEditor(page, 'After hours');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toBeHidden();
  await expect(discard).toBeHidden();

  await openEditor(page, 'After hours');
  await editor.getByLabel('Handoff time').fill('18:00');
  await expect(changes).toBeVisible();
  await editor.getByRole('button', { name: 'Save layer' }).click();
  await expect(toast(page, 'Layer After hours saved')).toBeVisible();
  await expect(editor).toBeHidden();
  await expect(afterHours).toContainText('Daily, 18:00, always active, Bob Night → Carol Night');
  await shoot(page, testInfo, 'layer-cards-1440', page.getByRole('region', { name: 'Layers' }));
});

test('an existing layer can restart its rotation with a chosen member, previewed before it is saved', async ({ page }) => {
  await seedSchedule(page);
  const editor = await openEditor(page, 'After hours');
  await editor.getByRole('switch', { name: /Restart the rotation/ }).check();
  await editor.getByRole('combobox', { name: 'with', exact: true }).click();
  await page.getByRole('option', { name: '1. Bob Night' }).click();
  // Bob's turn ends at 17:00 today and Carol's would follow; restarted, Bob takes the night from the next handoff.
  const changes = editor.getByRole('region', { name: 'Preview' }).getByRole('table', { name: 'Shift changes' });
  const first = changes.getByRole('row').nth(1);
  await expect(first).toContainText('Carol Night');
  await expect(first).toContainText('Bob Night');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(toast(page, 'Layer After hours saved')).toBeVisible();
  // The restart starts at the next handoff: a change scheduled for later.
  await expect(page.getByRole('region', { name: 'Layer After hours' })).toContainText('A change to this layer takes effect');
});

test('a half-filled new layer is not dropped silently; a saved structure change says so', async ({ page }) => {
  await seedSchedule(page);
  await page.getByRole('button', { name: 'Add layer' }).click();
  const add = page.getByRole('dialog', { name: 'Add layer' });
  await add.getByRole('textbox', { name: /^Layer name/ }).fill('Weekend');
  await add.getByRole('button', { name: 'Cancel' }).click();
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(discard).toContainText('The changes to the new layer are not saved yet.');
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(add.getByRole('textbox', { name: /^Layer name/ })).toHaveValue('Weekend');
  await add.getByRole('button', { name: 'Cancel' }).click();
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(add).toBeHidden();

  await page.getByRole('button', { name: 'Move After hours up' }).click();
  await page.getByRole('dialog', { name: 'Review layer change' }).getByRole('button', { name: 'Save change' }).click();
  await expect(toast(page, 'Change saved')).toContainText('Move After hours up');
});

test('leaving the page with unsaved edits in the open editor asks first', async ({ page }) => {
  const name = await seedSchedule(page);
  const editor = await openEditor(page, 'Senior');
  await editor.getByLabel('Handoff time').fill('10:00');
  // The edit is the page's once its preview is back: a back press within the same frame as
  // the keystroke would leave before the guard has even seen it, faster than anyone types.
  await expect(editor.getByRole('button', { name: 'Save layer' })).toBeEnabled();

  await page.goBack();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(editor.getByLabel('Handoff time')).toHaveValue('10:00');

  await page.goBack();
  await leave.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await page.goForward();
  await expect(page.getByRole('region', { name: 'Layer Senior' })).toContainText('Weekly, Monday 09:00, business hours');
});

test('on a phone the cards fit and the editor fills the screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await seedSchedule(page);
  await expect(page.getByRole('region', { name: 'Layer After hours' })).toContainText('Daily, 17:00, always active');
  expect(await tooWide(page)).toEqual([]);
  await shoot(page, testInfo, 'layer-cards-390', page.getByRole('region', { name: 'Layers' }));

  const editor = await openEditor(page, 'After hours');
  await editor.getByLabel('Handoff time').fill('18:00');
  await expect(editor.getByRole('region', { name: 'Preview' }).getByRole('table', { name: 'Shift changes' })).toBeVisible();
  const box = await editor.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(389);
  expect(await tooWide(page)).toEqual([]);
  await shoot(page, testInfo, 'layer-editor-390');
  await editor.getByRole('region', { name: 'Preview' }).scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'layer-editor-390-preview');
  await editor.getByRole('button', { name: 'Save layer' }).click();
  await expect(toast(page, 'Layer After hours saved')).toBeVisible();
});

test('a schedule or policy named like another of its team is refused at the name field', async ({ page }) => {
  const name = await seedSchedule(page);
  await page.getByRole('link', { name: '← All schedules' }).click();
  await page.getByRole('button', { name: 'New schedule' }).click();
  const create = page.getByRole('dialog', { name: 'New schedule' });
  await create.getByRole('textbox', { name: /^Name/ }).fill(` ${name.toUpperCase()} `);
  await create.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Platform' }).click();
  await create.getByRole('textbox', { name: /^Layer name/ }).fill('Primary');
  await create.getByRole('button', { name: 'Create schedule' }).click();
  await expect(create.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription(`Another schedule of this team is called "${name}": pick a name people can tell apart`);
  await expect(create).toBeVisible();

  const policyName = `Editor policy ${Date.now()}`;
  await api(page, 'POST', '/escalation-policies', { name: policyName, teamId: await teamId(page, 'Platform'), steps: [{ waitSeconds: 0, targets: [{ type: 'team', teamId: await teamId(page, 'Platform') }] }] });
  await page.goto('/escalation-policies/new');
  await page.getByRole('textbox', { name: 'Name' }).fill(policyName.toLowerCase());
  await page.locator('form').getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Platform' }).click();
  const step = page.getByRole('region', { name: 'Step 1' });
  await step.getByRole('combobox', { name: 'Target type' }).click();
  await page.getByRole('option', { name: 'Team (every member)' }).click();
  await step.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Platform' }).click();
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(`Another escalation policy of this team is called "${policyName}": pick a name people can tell apart`);
});

test('where schedules of several teams are picked, each names its team', async ({ page }) => {
  const stamp = Date.now();
  const other = (await api<{ id: string }>(page, 'POST', '/teams', { name: `Night desk ${stamp}` })).id;
  const shared = `Shared ${stamp}`;
  const layers = [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [] }];
  await api(page, 'POST', '/schedules', { name: shared, teamId: await teamId(page, 'Platform'), timeZone: 'UTC', layers });
  await api(page, 'POST', '/schedules', { name: shared, teamId: other, timeZone: 'UTC', layers });

  await page.goto('/escalation-policies/new');
  const step = page.getByRole('region', { name: 'Step 1' });
  await step.getByRole('combobox', { name: 'Schedule' }).click();
  await expect(page.getByRole('option', { name: `${shared} (Platform)` })).toBeVisible();
  await expect(page.getByRole('option', { name: `${shared} (Night desk ${stamp})` })).toBeVisible();
});
