import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { demoAdmin } from './demo';
import { api, chicago, comingTuesday, demoPlatform, onTuesdayMorningInChicago } from './schedules';

test.skip(!hasChromium, installHint);

onTuesdayMorningInChicago();

/**
 * A London schedule, so the viewer's zone (Chicago) differs from it: "Day shift" (business
 * hours, daily 09:00, Alice then Bob) and "Evening" (every day 17:00–22:00, Carol). Nights
 * and weekend days are gaps. Dave takes the pager schedule-wide on Tuesday 12:00–14:00 Chicago.
 */
async function londonSchedule(page: Page): Promise<string> {
  const { teamId, user } = await demoPlatform(page);
  const name = `London ${Date.now()}`;
  const schedule = await api<{ id: string }>(page, 'POST', '/schedules', {
    name,
    teamId,
    timeZone: 'Europe/London',
    layers: [
      { name: 'Day shift', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [user('alice@example.com'), user('bob@example.com')] },
      {
        name: 'Evening',
        rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' },
        restriction: { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '17:00', endTime: '22:00' }] },
        members: [user('carol@example.com')],
      },
    ],
  });
  await api(page, 'POST', `/schedules/${schedule.id}/overrides`, {
    userId: user('dave@example.com'),
    start: chicago(comingTuesday(), '12:00'),
    end: chicago(comingTuesday(), '14:00'),
  });
  await page.goto(`/schedules/${schedule.id}`);
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  return schedule.id;
}

/** The few DOM calls made in the page (the e2e project is typed without the DOM lib). */
interface PageElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number };
}
type PageGlobal = {
  innerWidth: number;
  scrollTo(x: number, y: number): void;
  document: { fonts: { ready: Promise<unknown> }; documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<PageElement> };
};

/**
 * The whole page, and the calendar alone at full size (a long page is hard to read shrunk),
 * cut from the whole page: an element's own shot scrolls it to the top of the screen, under
 * the app's fixed header, which then seems to cover the calendar's toolbar.
 */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => {
    const { document, scrollTo } = globalThis as unknown as PageGlobal;
    scrollTo(0, 0);
    return document.fonts.ready;
  });
  const box = await calendar(page).boundingBox();
  if (!box) throw new Error('the calendar is not on the page');
  for (const [file, clip] of [
    [`${name}.png`, undefined],
    [`${name}-calendar.png`, box],
  ] as const) {
    const path = testInfo.outputPath(file);
    await page.screenshot({ path, fullPage: true, ...(clip && { clip }) });
    await testInfo.attach(file, { path, contentType: 'image/png' });
  }
}

/** What is on screen: a menu or dialog where it opened, its fade-in finished. */
async function shootScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as PageGlobal).document.fonts.ready);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}

/** What reaches past the right edge of a phone screen: the page scrolling sideways, or anything of the calendar. */
const tooWide = (page: Page) =>
  page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobal;
    const width = innerWidth + 0.5;
    const sideways = document.documentElement.scrollWidth > width ? [`page ${document.documentElement.scrollWidth}px wide`] : [];
    const calendar = Array.from(document.querySelectorAll('[aria-label="Calendar"] *'))
      .filter((element) => element.getBoundingClientRect().right > width)
      .map((element) => `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent?.slice(0, 40) ?? ''}`);
    return [...sideways, ...calendar].slice(0, 8);
  });

/** The segmented control's radios are visually hidden: its labels are what a user clicks. */
const pickView = (page: Page, view: string) => calendar(page).locator('label').filter({ hasText: new RegExp(`^${view}$`) }).click();

const calendar = (page: Page) => page.getByRole('region', { name: 'Calendar' });
/** The toolbar's name of the days on screen (announced as it changes); the lanes' headings can say the same while a view loads. */
const rangeName = (page: Page) => calendar(page).locator('[aria-live="polite"]');
/** "Tue, Dec 1", as the calendar names a day. */
const dateName = (date: string) => new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
const tuesdayName = () => dateName(comingTuesday());

test('the calendar opens on today with a now line, marks gaps and overrides, and switches views and zones', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await londonSchedule(page);
  const section = calendar(page);

  // A week from today, not from last Monday.
  await expect(section.getByRole('radio', { name: 'Week', exact: true })).toBeChecked();
  await expect(rangeName(page)).toHaveText(new RegExp(`^${tuesdayName()} – `));
  await expect(section.getByRole('img', { name: 'Now' })).toBeVisible();

  const final = section.getByRole('group', { name: 'Final schedule row' });
  await expect(final.getByRole('button', { name: /^Final: Alice Senior, .*10:00 – 11:00$/ })).toBeVisible();
  const gap = final.getByRole('button', { name: /^Gap: nobody on call, / }).first();
  await expect(gap).toContainText('Nobody on call');
  await expect(gap).toHaveCSS('background-color', 'rgb(250, 82, 82)');
  const override = final.getByRole('button', { name: /^Final: Dave Viewer, .*12:00 – 14:00, override$/ });
  await expect(override).toBeVisible();
  await expect(section.getByRole('group', { name: 'Day shift row' }).getByRole('button', { name: /^Day shift: Bob Night, .*, off-duty$/ }).first()).toBeVisible();
  await shoot(page, testInfo, 'calendar-week-1440');

  // The schedule's zone is one click away.
  await section.getByRole('switch', { name: /Schedule’s zone \(Europe\/London\)/ }).click();
  await expect(section.getByText('Times in Europe/London')).toBeVisible();
  await expect(final.getByRole('button', { name: /^Final: Alice Senior, .*16:00 – 17:00$/ })).toBeVisible();
  await section.getByRole('switch', { name: /Schedule’s zone/ }).click();
  await expect(section.getByText('Times in your zone, America/Chicago')).toBeVisible();

  await pickView(page, 'Day');
  await expect(rangeName(page)).toHaveText(tuesdayName());
  await expect(final.getByRole('button', { name: /^Final: Dave Viewer/ })).toBeVisible();
  await expect(section.getByRole('img', { name: 'Now' })).toBeVisible();

  await pickView(page, '2 weeks');
  await expect(section.getByRole('group', { name: 'Final schedule row' }).getByRole('button', { name: /^Gap: / })).toHaveCount(14);

  await section.getByRole('button', { name: 'Next two weeks' }).click();
  await expect(section.getByRole('img', { name: 'Now' })).toBeHidden();
  await section.getByRole('button', { name: 'Today' }).click();
  await expect(section.getByRole('img', { name: 'Now' })).toBeVisible();

  await pickView(page, 'Month');
  const month = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.parse(`${comingTuesday()}T00:00:00Z`));
  await expect(rangeName(page)).toHaveText(new RegExp(`^${month}( \\d{4})?$`));
  await expect(section.getByRole('group', { name: /^Final schedule row, week of / }).first()).toBeVisible();
  await expect(section.getByRole('button', { name: /^Final: Dave Viewer, .*, override$/ })).toBeVisible();
  await shoot(page, testInfo, 'calendar-month-1440');
});

test('clicking a shift offers to override it, with its span prefilled; Enter does the same', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await londonSchedule(page);

  await calendar(page).getByRole('group', { name: 'Day shift row' }).getByRole('button').first().click();
  await page.getByRole('menuitem', { name: 'Override…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  await expect(dialog.getByLabel('Start')).toHaveValue(`${comingTuesday()}T10:00`);
  await expect(dialog.getByLabel('End')).toHaveValue(`${comingTuesday()}T11:00`);
  await expect(dialog).toContainText('On layer Day shift');
  await expect(dialog).toContainText('Local times in America/Chicago');
  await expect(dialog.getByRole('combobox', { name: 'Who takes it' })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // The keyboard way: a shift is a button, Enter opens its menu, arrows and Enter pick.
  const shift = calendar(page).getByRole('group', { name: 'Evening row' }).getByRole('button').first();
  await shift.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  // The menu takes the focus once it has faded in; arrows before that go nowhere.
  const menuFocused = page.locator('[role="menu"]:focus-within');
  await expect(menu.getByRole('menuitem', { name: 'Take it' })).toBeVisible();
  await expect(menuFocused).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Override…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(shift).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menuFocused).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Override…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('On layer Evening');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

/** Presses on a lane at a share of its width and drags to another (0 is its left edge, 1 its right), releasing unless told not to. */
async function dragAcross(page: Page, lane: Locator, from: number, to: number, release = true): Promise<void> {
  // Panels above the calendar (coverage gaps, cover requests) can push it below the fold.
  await lane.scrollIntoViewIfNeeded();
  const box = await lane.boundingBox();
  if (!box) throw new Error('the lane is not on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, y, { steps: 10 });
  if (release) await page.mouse.up();
}

test('dragging across a lane starts an override of the hours dragged; Escape cancels; the saved override is striped', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await londonSchedule(page);
  const section = calendar(page);
  const evening = section.getByRole('group', { name: 'Evening row' });
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  // The week starts today, Tuesday 00:00 in Chicago, and spans 168 hours: no DST change before Sunday.
  const hour = (h: number) => h / (7 * 24);

  // Escape drops a drag, and its release clicks nothing.
  await dragAcross(page, evening, hour(13.5), hour(16.5), false);
  const selection = section.getByRole('status', { name: /^Selected / });
  await expect(selection).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(selection).toBeHidden();
  await page.mouse.up();
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(dialog).toBeHidden();

  // 15:30 to 18:30 rounds out to whole hours: 15:00 to 19:00.
  await dragAcross(page, evening, hour(15.5), hour(18.5), false);
  await expect(selection).toHaveAccessibleName(/15:00 – 19:00$/);
  // Only the screen: a full-page shot resizes the viewport, and Chromium drops a drag under way when it does.
  await shootScreen(page, testInfo, 'calendar-drag-1440');
  await page.mouse.up();
  await expect(dialog.getByLabel('Start')).toHaveValue(`${comingTuesday()}T15:00`);
  await expect(dialog.getByLabel('End')).toHaveValue(`${comingTuesday()}T19:00`);
  await expect(dialog).toContainText('On layer Evening');
  await expect(page.getByRole('menu')).toBeHidden();
  await dialog.getByRole('combobox', { name: 'Who takes it' }).click();
  await page.getByRole('option', { name: /Bob Night/ }).click();
  await dialog.getByRole('button', { name: 'Create override' }).click();
  await expect(dialog).toBeHidden();

  // The layer is on duty until 16:00 Chicago (22:00 London): the rest of the override is off-duty.
  const saved = evening.getByRole('button', { name: /^Evening: Bob Night, .*15:00 – 16:00, override$/ });
  await expect(saved).toBeVisible();
  await expect(evening.getByRole('button', { name: /^Evening: Bob Night, .*16:00 – 19:00, override, off-duty$/ })).toBeVisible();
  await expect(saved).toHaveCSS('background-image', /repeating-linear-gradient/);
  await expect(section.getByRole('group', { name: 'Final schedule row' }).getByRole('button', { name: /^Final: Bob Night, .*, override$/ }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Overrides' })).toContainText('Bob Night');

  // In a month a drag covers whole days and can reach into the next week's band; here on the
  // final row (schedule-wide), Friday noon to the next Monday noon -> Friday to Monday.
  await pickView(page, 'Month');
  const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const finalOfWeek = (monday: string) => section.getByRole('group', { name: `Final schedule row, week of ${dateName(monday)}` });
  const thisMonday = plusDays(comingTuesday(), -1);
  await expect(finalOfWeek(thisMonday)).toBeVisible();
  // Today's week and the next, or the one before and today's when today's is the month's last.
  const monday = (await finalOfWeek(plusDays(thisMonday, 7)).count()) > 0 ? thisMonday : plusDays(thisMonday, -7);
  await finalOfWeek(plusDays(monday, 7)).scrollIntoViewIfNeeded();
  const from = await finalOfWeek(monday).boundingBox();
  const to = await finalOfWeek(plusDays(monday, 7)).boundingBox();
  if (!from || !to) throw new Error('the weeks are not on screen');
  await page.mouse.move(from.x + (from.width * 4.5) / 7, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + (to.width * 0.5) / 7, to.y + to.height / 2, { steps: 10 });
  await expect(selection).toHaveAccessibleName(/^Selected .* – .*00:00$/);
  await shootScreen(page, testInfo, 'calendar-drag-month-1440');
  await page.mouse.up();
  await expect(dialog.getByLabel('Start')).toHaveValue(`${plusDays(monday, 4)}T00:00`);
  await expect(dialog.getByLabel('End')).toHaveValue(`${plusDays(monday, 8)}T00:00`);
  await expect(dialog.getByRole('switch', { name: /Schedule-wide/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a sideways touch drag across a lane starts an override of the hours dragged', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await londonSchedule(page);
    await calendar(page).getByRole('group', { name: 'Evening row' }).scrollIntoViewIfNeeded();
    const box = await calendar(page).getByRole('group', { name: 'Evening row' }).boundingBox();
    if (!box) throw new Error('the lane is not on screen');
    // Touch input through CDP: Playwright's touchscreen only taps.
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + box.height / 2;
    const at = (hour: number) => box.x + (box.width * hour) / (7 * 24);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at(15.5), y }] });
    for (let step = 1; step <= 10; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: at(15.5 + (step * 3) / 10), y }] });
    await expect(calendar(page).getByRole('status', { name: /^Selected .*15:00 – 19:00$/ })).toBeVisible();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

    const dialog = page.getByRole('dialog', { name: 'Create override' });
    await expect(dialog.getByLabel('Start')).toHaveValue(`${comingTuesday()}T15:00`);
    await expect(dialog.getByLabel('End')).toHaveValue(`${comingTuesday()}T19:00`);
    await expect(dialog).toContainText('On layer Evening');
  });
});

test('“Take it” on a shift starts an override with the viewer as who takes it', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await londonSchedule(page);
  const day = calendar(page).getByRole('group', { name: 'Day shift row' });

  await day.getByRole('button', { name: /^Day shift: Bob Night, / }).first().click();
  await expect(page.getByRole('menuitem', { name: 'Take it' })).toBeVisible();
  await shootScreen(page, testInfo, 'calendar-shift-menu-1440');
  await page.getByRole('menuitem', { name: 'Take it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  await expect(dialog.getByRole('combobox', { name: 'Who takes it' })).toHaveValue(new RegExp(`^${demoAdmin.name} `));
  await expect(dialog).toContainText('On layer Day shift');
  await dialog.getByRole('button', { name: 'Create override' }).click();
  await expect(dialog).toBeHidden();

  const taken = day.getByRole('button', { name: new RegExp(`^Day shift: ${demoAdmin.name}, .*, override$`) }).first();
  await expect(taken).toBeVisible();
  await expect(taken).toHaveCSS('background-image', /repeating-linear-gradient/);

  // A shift already the viewer's has nothing to take.
  await taken.click();
  await expect(page.getByRole('menuitem', { name: 'Override…' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Take it' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
});

test('on a phone the calendar is a list per day, one row at a time, with nothing overlapping', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await londonSchedule(page);
  const section = calendar(page);

  const list = section.getByRole('group', { name: 'Final schedule row' });
  await expect(list.getByRole('img', { name: 'Now' })).toBeVisible();
  await expect(list.getByRole('button', { name: /^Gap: nobody on call/ }).first()).toContainText('Nobody on call');
  await expect(list.getByRole('button', { name: /^Final: Dave Viewer, .*, override$/ })).toBeVisible();
  await shoot(page, testInfo, 'calendar-week-390');
  expect(await tooWide(page)).toEqual([]);

  await section.getByRole('combobox', { name: 'Calendar of' }).click();
  await page.getByRole('option', { name: 'Day shift' }).click();
  await expect(section.getByRole('group', { name: 'Day shift row' }).getByRole('button', { name: /^Day shift: Alice Senior/ }).first()).toBeVisible();
  await pickView(page, 'Month');
  expect(await tooWide(page)).toEqual([]);
  await shoot(page, testInfo, 'calendar-month-390');

  // Clicking a shift in the list offers the same choices as on the lanes.
  await section.getByRole('group', { name: 'Day shift row' }).getByRole('button', { name: /^Day shift: Alice Senior/ }).first().click();
  await expect(page.getByRole('menuitem', { name: 'Take it' })).toBeVisible();
  await shootScreen(page, testInfo, 'calendar-shift-menu-390');
  await page.getByRole('menuitem', { name: 'Take it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  await expect(dialog.getByRole('combobox', { name: 'Who takes it' })).toHaveValue(new RegExp(`^${demoAdmin.name} `));
  await shootScreen(page, testInfo, 'calendar-take-it-390');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a layer card sums the layer up in a line', async ({ page }) => {
  await londonSchedule(page);
  await expect(page.getByRole('region', { name: 'Layer Day shift' })).toContainText('Daily, 09:00, business hours, Alice Senior → Bob Night');
  await expect(page.getByRole('region', { name: 'Layer Evening' })).toContainText('Weekly, Monday 09:00, every day 17:00–22:00, Carol Night');
  // Editing a layer, and leaving with unsaved edits, is in layer-editor.spec.ts.
});
