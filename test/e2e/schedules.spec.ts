import { expect, test, type Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { hasChromium, installHint } from './chromium';
import { advanceClock, banner, buildSeedSchedule, card, chicago, comingTuesday, layerHeadings, onTuesdayMorningInChicago, openEditor } from './schedules';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

const scheduleName = () => `Platform ${Date.now()}`;

test('the banner shows Senior primary in business hours and After hours primary after 17:00', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "Who's on-call" }).click();
  await expect(banner(page, name)).toBeVisible();
  const senior = card(page, name, 'Senior');
  const afterHours = card(page, name, 'After hours');
  await expect(banner(page, name).getByRole('article')).toHaveCount(2);
  await expect(senior).toContainText('Alice Senior');
  await expect(senior).toContainText('Primary on call');
  await expect(senior).toContainText('via rotation');
  await expect(senior).not.toContainText('off-duty');
  await expect(afterHours).toContainText(/Bob Night|Carol Night/);
  await expect(afterHours).not.toContainText('off-duty');
  await expect(afterHours).not.toContainText('Primary on call');

  await advanceClock(page, 7.5 * 3_600_000); // 17:30
  await page.reload();
  await expect(senior).toContainText('off-duty');
  await expect(senior).not.toContainText('Primary on call');
  await expect(afterHours).toContainText('Primary on call');
  await expect(afterHours).not.toContainText('off-duty');
});

test('moving a layer up with the arrows changes the order and the primary', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);
  await expect(card(page, name, 'Senior')).toContainText('Primary on call');

  await page.getByRole('button', { name: 'Move After hours up' }).click();
  const review = page.getByRole('dialog', { name: 'Review layer change' });
  await expect(review).toContainText('Move After hours up');
  // Bob or Carol is paged now instead of Alice.
  await expect(review.getByRole('table', { name: 'Shift changes' })).toContainText('Alice Senior');
  await review.getByRole('button', { name: 'Save change' }).click();
  await expect(review).toBeHidden();

  await expect(layerHeadings(page)).toHaveText(['After hours', 'Senior']);
  await expect(page.getByRole('region', { name: 'Layer After hours' }).getByText('Primary', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move After hours up' })).toBeDisabled();
  await expect(card(page, name, 'After hours')).toContainText('Primary on call');
  await expect(card(page, name, 'Senior')).not.toContainText('Primary on call');
});

test('deleting a layer warns about the gaps it leaves; the last layer cannot be deleted', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);

  await page.getByRole('button', { name: 'Delete layer After hours' }).click();
  const review = page.getByRole('dialog', { name: 'Review layer change' });
  // Senior alone leaves nights and weekends uncovered.
  await expect(review.getByRole('alert')).toContainText('Nobody would be on call');
  await expect(review.getByRole('alert').getByRole('listitem').first()).toContainText('17:00');
  await review.getByRole('button', { name: 'Save with gaps' }).click();
  await expect(review).toBeHidden();

  await expect(layerHeadings(page)).toHaveText(['Senior']);
  const trash = page.getByRole('button', { name: 'Delete layer Senior' });
  await expect(trash).toBeDisabled();
  await expect(trash).toHaveAccessibleDescription('A schedule needs at least one layer');
  await trash.hover();
  await expect(page.getByRole('tooltip')).toHaveText('A schedule needs at least one layer');
  await trash.click({ force: true });
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('group', { name: 'Final schedule row' }).getByRole('button', { name: /^Gap: nobody on call/ }).first()).toBeVisible();
  await expect(banner(page, name).getByRole('article')).toHaveCount(1);
});

test('clicking a shift in the timeline creates an override shown in the timeline and the banner', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);

  // The first After hours shift is the one under way (the schedule starts now).
  const afterHoursRow = page.getByRole('group', { name: 'After hours row' });
  await afterHoursRow.getByRole('button').first().click();
  await page.getByRole('menuitem', { name: 'Override…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  await expect(dialog.getByLabel('Start')).toHaveValue(`${comingTuesday()}T10:00`);
  await expect(dialog.getByLabel('End')).toHaveValue(`${comingTuesday()}T17:00`);
  await expect(dialog.getByRole('switch', { name: /Schedule-wide/ })).not.toBeChecked();
  await expect(dialog).toContainText('On layer After hours');
  await dialog.getByRole('combobox', { name: 'Who takes it' }).click();
  await page.getByRole('option', { name: /Dave Viewer/ }).click();
  await dialog.getByRole('button', { name: 'Create override' }).click();
  await expect(dialog).toBeHidden();

  await expect(afterHoursRow.getByRole('button', { name: /^After hours: Dave Viewer, .*, override$/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Overrides' })).toContainText('Dave Viewer');
  const afterHours = card(page, name, 'After hours');
  await expect(afterHours).toContainText('Dave Viewer');
  await expect(afterHours).toContainText('via override');
  await expect(card(page, name, 'Senior')).toContainText('Primary on call');

  await page.getByRole('table', { name: 'Overrides' }).getByRole('button', { name: 'Delete override for Dave Viewer' }).click();
  await page.getByRole('dialog', { name: 'Delete override for Dave Viewer' }).getByRole('button', { name: 'Delete override' }).click();
  await expect(page.getByText('No overrides this week.')).toBeVisible();
});

test('a layer edit shows API field errors next to the field, then is previewed and saved', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);

  const editor = await openEditor(page, 'After hours');
  const handoff = editor.getByLabel('Handoff time');
  await handoff.fill('');
  // The live preview asks the API, which names the field.
  await expect(handoff).toHaveAccessibleDescription(/pattern|match/i);
  await expect(editor.getByRole('button', { name: 'Save layer' })).toBeDisabled();

  await handoff.fill('18:00');
  await expect(editor.getByRole('region', { name: 'Preview' }).getByRole('table', { name: 'Shift changes' })).toBeVisible();
  await editor.getByRole('button', { name: 'Save layer' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Layer After hours saved' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Layer After hours' })).toContainText('Daily, 18:00, always active, Bob Night → Carol Night');
  await expect(card(page, name, 'After hours')).toContainText('18:00');
});

test('the hours report lists who was on call and downloads the chosen period as CSV', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);
  const scheduleId = new URL(page.url()).pathname.split('/').pop();

  const report = page.getByRole('region', { name: 'On-call hours and fairness' });
  await expect(report.getByRole('combobox', { name: 'Period' })).toHaveValue('Next 4 weeks');
  const table = report.getByRole('table', { name: 'Hours per person' });
  await expect(table.getByRole('row', { name: /Alice Senior/ })).toBeVisible();

  // Chosen dates, Tuesday to Friday: the table and the CSV are of those local days in Chicago, the end day included.
  await report.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Chosen dates' }).click();
  await expect(report.getByLabel('From')).toHaveValue(/^\d{4}-\d\d-\d\d$/);
  const tuesday = comingTuesday();
  const day = (n: number) => new Date(Date.parse(`${tuesday}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  await report.getByLabel('From').fill(tuesday);
  await report.getByLabel('To').fill(day(3));
  const link = report.getByRole('link', { name: 'Download CSV' });
  await expect(link).toHaveAttribute('href', `/api/v1/schedules/${scheduleId}/hours.csv?${new URLSearchParams({ from: chicago(tuesday, '00:00'), to: chicago(day(4), '00:00') }).toString()}`);
  const alice = table.getByRole('row', { name: /Alice Senior/ });
  // Senior is business hours only: from 10:00 on Tuesday, 7 + 3 × 8 hours.
  await expect(alice.getByRole('cell').nth(1)).toHaveText('31');

  const download = page.waitForEvent('download');
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = (await readFile(await file.path(), 'utf8')).split(/\r?\n/);
  expect(csv[0]).toBe('name,email,total_hours,business_hours,night_hours,weekend_hours');
  expect(csv.find((line) => line.startsWith('"Alice Senior"'))).toMatch(/^"Alice Senior",[^,]*,31,31,0,0$/);
});

test('the rotation order is rearranged by drag and drop, here with the keyboard', async ({ page }) => {
  await buildSeedSchedule(page, scheduleName());

  const editor = await openEditor(page, 'After hours');
  const order = editor.getByRole('list', { name: 'Rotation order' });
  await expect(order.getByRole('listitem')).toHaveText(['1. Bob Night', '2. Carol Night']);
  await editor.getByRole('button', { name: 'Drag Carol Night (turn 2)' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(order.getByRole('listitem')).toHaveText(['1. Carol Night', '2. Bob Night']);

  // Closing asks first; discarding leaves the layer as it was.
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('region', { name: 'Layer After hours' }).getByRole('listitem')).toHaveText(['1. Bob Night', '2. Carol Night']);
});

test('a layer restriction is set as one "days and hours" entry; an end equal to the start is refused at the field', async ({ page }) => {
  const name = scheduleName();
  await buildSeedSchedule(page, name);

  const layer = await openEditor(page, 'Senior');
  await layer.getByRole('radio', { name: /Days and hours/ }).check();
  // The new entry starts as Mon–Fri 09:00–17:00; make it Mon–Thu and end when it starts.
  await expect(layer.getByText('Mon–Fri 09:00–17:00', { exact: true })).toBeVisible();
  await layer.getByRole('group', { name: 'Hours 1 days' }).getByText('Fri').click();
  const to = layer.getByLabel('Hours 1 to');
  await to.fill('09:00');
  await expect(to).toHaveAccessibleDescription('Must differ from the start');
  // The API refuses it too (the preview asks it), at that field, and saving waits.
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(layer.getByText('Some fields are not valid')).toBeVisible();
  await expect(layer.getByRole('button', { name: 'Save layer' })).toBeDisabled();

  await to.fill('17:00');
  await expect(layer.getByText('Mon–Thu 09:00–17:00', { exact: true })).toBeVisible();
  await expect(layer.getByRole('region', { name: 'Preview' })).toContainText('Weekly, Monday 09:00, Mon–Thu 09:00–17:00, Alice Senior');
  await layer.getByRole('button', { name: /^Save/ }).click();
  await expect(layer).toBeHidden();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Layer Senior' })).toContainText('Weekly, Monday 09:00, Mon–Thu 09:00–17:00, Alice Senior');
  const saved = await openEditor(page, 'Senior');
  await expect(saved.getByRole('radio', { name: /Days and hours/ })).toBeChecked();
  await expect(saved.getByText('Mon–Thu 09:00–17:00', { exact: true })).toBeVisible();
});

test('a monthly layer with a rotation start has nobody until then and the chosen member from then, as the preview shows', async ({ page }) => {
  const choose = async (scope: Locator, combobox: string, option: RegExp | string) => {
    await scope.getByRole('combobox', { name: combobox, exact: true }).click();
    await page.getByRole('option', { name: option }).click();
  };
  const name = scheduleName();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedules' }).click();
  await page.getByRole('button', { name: 'New schedule' }).click();
  const create = page.getByRole('dialog', { name: 'New schedule' });
  await create.getByRole('textbox', { name: /^Name/ }).fill(name);
  await choose(create, 'Team', 'Platform');
  await create.getByRole('textbox', { name: /^Layer name/ }).fill('Senior');
  await create.getByRole('radio', { name: /Weekday business hours/ }).check();
  await choose(create, 'Add to rotation', /Alice Senior/);
  await create.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Add layer' }).click();
  const add = page.getByRole('dialog', { name: 'Add layer' });
  await add.getByRole('textbox', { name: /^Layer name/ }).fill('Month end');
  await add.getByRole('radio', { name: 'Monthly' }).check();
  await add.getByLabel('Day of the month').fill('31');
  await add.getByLabel('Handoff time').fill('09:00');
  await expect(add.getByText('Monthly, on day 31 at 09:00 (or the last day of shorter months)')).toBeVisible();
  await choose(add, 'Add to rotation', /Bob Night/);
  await choose(add, 'Add to rotation', /Carol Night/);
  await add.getByRole('switch', { name: /Choose who takes the first turn/ }).check();
  const wednesday = new Date(Date.parse(`${comingTuesday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await add.getByLabel('First turn starts').fill(`${wednesday}T18:00`);
  await choose(add, 'with', '2. Carol Night');
  await add.getByRole('button', { name: 'Review and add' }).click();

  const review = page.getByRole('dialog', { name: 'Review new layer' });
  // Tuesday night stays uncovered: the layer has nobody before its start.
  await expect(review.getByRole('alert')).toContainText('Nobody would be on call');
  const first = review.getByRole('table', { name: 'Shift changes' }).getByRole('row').nth(1);
  await expect(first).toContainText('Nobody');
  await expect(first).toContainText('Carol Night');
  await review.getByRole('button', { name: 'Save with gaps' }).click();
  await expect(review).toBeHidden();
  const saved = page.getByRole('region', { name: 'Layer Month end' });
  await expect(saved).toContainText('A change to this layer takes effect');
  await expect(saved).toContainText('Monthly, day 31 09:00, always active, Bob Night → Carol Night');
});
