import { expect, test, type Page } from '@playwright/test';
import { logIn, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { advanceClock, banner, chicago, comingTuesday, freezeClock, restoreClock } from './schedules';

test.skip(!hasChromium, installHint);

async function shoot(page: Page, name: string): Promise<void> {
  // From the top: a page scrolled by the last click draws the sticky header over its middle.
  await page.evaluate('window.scrollTo(0, 0)');
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Usable at phone width: nothing runs off the side.
    await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const TUESDAY_10 = () => chicago(comingTuesday(), '10:00');

test.beforeEach(async ({ page }) => {
  await freezeClock(page, TUESDAY_10());
});

test.afterEach(async ({ page }) => {
  await restoreClock(page);
});

/**
 * A user of the test's own on call now on a new Platform schedule (Bob next, from
 * Wednesday 09:00), and a schedule of a new team with Carol now and Dave next.
 */
async function setUp(request: Parameters<typeof newUser>[0]) {
  const user = await newUser(request, 'shifts');
  const stamp = Date.now();
  const people = await user.admin.call<{ items: { id: string; email: string }[] }>('GET', '/users?limit=200');
  const id = (name: string) => people.items.find((p) => p.email === `${name}@example.com`)?.id as string;
  const teams = await user.admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams?limit=200');
  const platform = teams.items.find((t) => t.name === 'Platform')?.id as string;
  const ops = await user.admin.call<{ id: string; name: string }>('POST', '/teams', { name: `Ops ${stamp}`, description: 'Browser test team' });
  const daily = (members: string[]) => [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members }];
  const mine = `Mine ${stamp}`;
  const theirs = `Ops desk ${stamp}`;
  await user.admin.call('POST', '/schedules', { name: mine, teamId: platform, timeZone: 'America/Chicago', layers: daily([user.id, id('bob')]) });
  await user.admin.call('POST', '/schedules', { name: theirs, teamId: ops.id, timeZone: 'America/Chicago', layers: daily([id('carol'), id('dave')]) });
  return { user, mine, theirs, ops };
}

test('My on-call lists my next shifts and my hours this month at the top of Who’s on-call', async ({ page, request }) => {
  const { user, mine } = await setUp(request);
  await logIn(page, user);
  await page.goto('/on-call');

  const section = page.getByRole('region', { name: 'My on-call' });
  const shifts = section.getByRole('list', { name: 'My next shifts' });
  // Today's turn until Wednesday 09:00, then every other day from 09:00: Thursday, Saturday, …
  await expect(shifts.getByRole('listitem').first()).toContainText(mine);
  await expect(shifts.getByRole('listitem').first()).toContainText('On call now');
  await expect(shifts.getByRole('listitem').first()).toContainText('23 h');
  await expect(shifts.getByRole('listitem').first()).toContainText('via Day');
  await expect(shifts.getByRole('listitem')).toHaveCount(3);
  await section.getByRole('button', { name: /^Show all \d+ shifts$/ }).click();
  // Days 0, 2, …, 30: the last turn starts at 09:00 on day 30, within 30 days of 10:00 today.
  await expect(shifts.getByRole('listitem')).toHaveCount(16);
  await expect(section).toContainText('Times in your zone, America/Chicago');
  const month = section.getByRole('group', { name: /^On call in / });
  await expect(month).toContainText('0 h so far');
  await shoot(page, 'my-on-call');

  // Two hours later, two of them are behind me.
  await advanceClock(page, 2 * 3_600_000);
  await page.reload();
  await expect(month).toContainText('2 h so far');
});

test('Who’s on-call filters by team and searches schedules and people, each with who is next', async ({ page, request }) => {
  const { user, mine, theirs, ops } = await setUp(request);
  await logIn(page, user);
  await page.goto('/on-call');

  // Each schedule says who is paged now and who is next, from when.
  const wednesday9 = new Intl.DateTimeFormat(undefined, { timeZone: 'America/Chicago', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    Date.parse(TUESDAY_10()) + 23 * 3_600_000,
  );
  await expect(banner(page, mine).getByRole('group', { name: 'Primary now' })).toHaveText(`Now: ${user.name}`);
  await expect(banner(page, mine).getByRole('group', { name: 'Next on call' })).toHaveText(`Next: Bob Night from ${wednesday9} · in 23 hours`);
  await expect(banner(page, theirs).getByRole('group', { name: 'Next on call' })).toContainText('Dave Viewer');
  await expect(banner(page, theirs)).toContainText(ops.name);

  const filters = page.getByRole('search', { name: 'Filter schedules' });
  const search = filters.getByRole('searchbox', { name: 'Search' });
  await search.fill(mine);
  await expect(banner(page, mine)).toBeVisible();
  await expect(banner(page, theirs)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(mine).replace(/%20/g, '\\+')}`));

  // A person's name finds the schedules they are on call on, now or next.
  await search.fill('dave viewer');
  await expect(banner(page, theirs)).toBeVisible();
  await expect(banner(page, mine)).toBeHidden();
  await search.fill('');

  await filters.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: ops.name }).click();
  await expect(page.getByRole('region', { name: /^Currently On-Call: / })).toHaveCount(1);
  await expect(banner(page, theirs)).toBeVisible();
  await shoot(page, 'on-call-filtered');

  await search.fill('nobody by this name');
  await expect(page.getByText(`No schedule matches “nobody by this name” in ${ops.name}`)).toBeVisible();
  await shoot(page, 'on-call-no-match');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search).toHaveValue('');
  await expect(banner(page, mine)).toBeVisible();
  await expect(banner(page, theirs)).toBeVisible();
});
