import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { chicago, comingTuesday, freezeClock, restoreClock } from './schedules';

test.skip(!hasChromium, installHint);

// The server clock is frozen at a Tuesday 10:00 in Chicago, the demo admin's zone (16:00 in London).
test.beforeEach(async ({ page }) => {
  await logInAsDemoAdmin(page);
  await freezeClock(page, chicago(comingTuesday(), '10:00'));
});

test.afterEach(async ({ page }) => {
  await restoreClock(page);
});

async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const answer = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'x-csrf-token': csrfToken }, ...(data !== undefined && { data }) });
  expect(answer.ok(), await answer.text()).toBe(true);
  return (await answer.json()) as T;
}

/**
 * A London schedule, so the viewer's zone (Chicago) differs from it: "Day shift" (business
 * hours, daily 09:00, Alice then Bob) and "Evening" (every day 17:00–22:00, Carol). Nights
 * and weekend days are gaps. Dave takes the pager schedule-wide on Tuesday 12:00–14:00 Chicago.
 */
async function londonSchedule(page: Page): Promise<string> {
  const team = (await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/teams')).items.find((t) => t.name === 'Platform');
  const users = (await api<{ items: { id: string; email: string }[] }>(page, 'GET', '/users?limit=100')).items;
  const user = (email: string) => users.find((u) => u.email === email)?.id ?? '';
  const name = `London ${Date.now()}`;
  const schedule = await api<{ id: string }>(page, 'POST', '/schedules', {
    name,
    teamId: team?.id,
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
  document: { fonts: { ready: Promise<unknown> }; documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<PageElement> };
};

/** The whole page, and the calendar alone at full size (a long page is hard to read shrunk). */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as PageGlobal).document.fonts.ready);
  for (const [file, target] of [
    [`${name}.png`, page],
    [`${name}-calendar.png`, calendar(page)],
  ] as const) {
    const path = testInfo.outputPath(file);
    await target.screenshot({ path, ...(target === page && { fullPage: true }) });
    await testInfo.attach(file, { path, contentType: 'image/png' });
  }
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
const tuesdayName = () => new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${comingTuesday()}T00:00:00Z`));

test('the calendar opens on today with a now line, marks gaps and overrides, and switches views and zones', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await londonSchedule(page);
  const section = calendar(page);

  // A week from today, not from last Monday.
  await expect(section.getByRole('radio', { name: 'Week', exact: true })).toBeChecked();
  await expect(section.getByText(new RegExp(`^${tuesdayName()} – `))).toBeVisible();
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
  await expect(section.getByText(new RegExp(`^${tuesdayName()}$`))).toBeVisible();
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
  await expect(section.getByText(new RegExp(`^${month}( \\d{4})?$`))).toBeVisible();
  await expect(section.getByRole('group', { name: /^Final schedule row, week of / }).first()).toBeVisible();
  await expect(section.getByRole('button', { name: /^Final: Dave Viewer, .*, override$/ })).toBeVisible();
  await shoot(page, testInfo, 'calendar-month-1440');
});

test('clicking a shift in the calendar opens an override prefilled with its span', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await londonSchedule(page);

  await calendar(page).getByRole('group', { name: 'Day shift row' }).getByRole('button').first().click();
  const dialog = page.getByRole('dialog', { name: 'Create override' });
  await expect(dialog.getByLabel('Start')).toHaveValue(`${comingTuesday()}T10:00`);
  await expect(dialog.getByLabel('End')).toHaveValue(`${comingTuesday()}T11:00`);
  await expect(dialog).toContainText('On layer Day shift');
  await expect(dialog).toContainText('Local times in America/Chicago');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
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
});

test('a layer card sums the layer up in a line, and leaving with unsaved layer edits asks first', async ({ page }) => {
  const id = await londonSchedule(page);
  const day = page.getByRole('region', { name: 'Layer Day shift' });
  await expect(day).toContainText('Daily, 09:00, business hours, Alice Senior → Bob Night');
  await expect(page.getByRole('region', { name: 'Layer Evening' })).toContainText('Weekly, Monday 09:00, every day 17:00–22:00, Carol Night');

  await day.getByLabel('Handoff time').fill('10:00');
  await page.getByRole('link', { name: '← All schedules' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(day.getByLabel('Handoff time')).toHaveValue('10:00');

  await page.getByRole('link', { name: '← All schedules' }).click();
  await leave.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await page.goto(`/schedules/${id}`);
  // Nothing unsaved now: leaving asks nothing.
  await expect(day.getByLabel('Handoff time')).toHaveValue('09:00');
  await page.getByRole('link', { name: '← All schedules' }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await expect(leave).toBeHidden();
});
