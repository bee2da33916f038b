import { expect, test, type Page } from '@playwright/test';
import { apiSession, logIn, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';

test.skip(!hasChromium, installHint);

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** "17:00" of an instant in a zone, as the app's clock times are written. */
function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));
}

test('nobody can page a new user: the profile, the menu and the on-call page say so until a webhook is added', async ({ page, request }) => {
  const user = await newUser(request, 'unreachable');
  // Put them on call now, schedule-wide on the L2 schedule, so their own card shows on Who's on-call.
  const onCall = await user.admin.call<{ items: { scheduleId: string; scheduleName: string; at: string }[] }>('GET', '/on-call');
  const l2 = onCall.items.find((i) => i.scheduleName === 'Platform L2');
  if (!l2) throw new Error('the demo has no Platform L2 schedule');
  const start = l2.at;
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  const override = await user.admin.call<{ id: string }>('POST', `/schedules/${l2.scheduleId}/overrides`, { userId: user.id, start, end });
  try {
    await logIn(page, user);
    const menu = page.getByRole('button', { name: `Account menu for ${user.name} (nobody can page you)` });
    await expect(menu).toBeVisible();
    await expect(page.getByTestId('unreachable-dot')).toBeVisible();

    await page.goto('/on-call');
    const l2Banner = page.getByRole('region', { name: 'Currently On-Call: Platform L2' });
    const mine = l2Banner.getByRole('note', { name: `${user.name} can't be reached` });
    await expect(mine).toContainText("Can't be reached: no verified contact method.");
    await expect(mine.getByRole('link', { name: 'Fix it in your profile' })).toBeVisible();
    // The demo people have no contact methods either: others are told whom to ask.
    const platform = page.getByRole('region', { name: 'Currently On-Call: Platform on-call' });
    await expect(platform.getByRole('note').first()).toContainText(/Ask .+ to add and verify a contact method in their profile/);
    await shoot(page, 'on-call-unreachable');

    await mine.getByRole('link', { name: 'Fix it in your profile' }).click();
    const alert = page.getByRole('region', { name: 'Nobody can page you right now' });
    await expect(alert).toContainText('You have no verified contact method');
    // The browser tests' server has neither SMTP nor Twilio: the alert says what an admin sets.
    await expect(alert).toContainText('VIGIL_SMTP_URL');
    await expect(alert).toContainText('VIGIL_TWILIO_ACCOUNT_SID');
    await shoot(page, 'profile-unreachable');

    const addMethod = page.getByRole('form', { name: 'Add a contact method' });
    await addMethod.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Webhook' }).click();
    await addMethod.getByRole('textbox', { name: 'Address' }).fill(`https://hooks.example.com/${user.id}`);
    await addMethod.getByRole('button', { name: 'Add contact method' }).click();
    await expect(page.getByRole('table', { name: 'Contact methods' })).toContainText('Verified');
    await expect(alert).toBeHidden();
    await expect(page.getByRole('button', { name: `Account menu for ${user.name}`, exact: true })).toBeVisible();
    await expect(page.getByTestId('unreachable-dot')).toHaveCount(0);

    await page.getByRole('link', { name: "Who's on-call" }).first().click();
    await expect(l2Banner).toContainText(user.name);
    await expect(l2Banner.getByRole('note', { name: `${user.name} can't be reached` })).toHaveCount(0);
  } finally {
    await user.admin.call('DELETE', `/schedules/${l2.scheduleId}/overrides/${override.id}`);
  }
});

test('a time zone change moves every time shown, and unsaved edits are guarded', async ({ page, request }) => {
  const user = await newUser(request, 'zone', 'America/Chicago');
  const onCall = await user.admin.call<{ items: { scheduleName: string; until: string }[] }>('GET', '/on-call');
  const until = onCall.items.find((i) => i.scheduleName === 'Platform on-call')?.until;
  if (!until) throw new Error('the demo has no Platform on-call schedule');
  await logIn(page, user);
  await page.goto('/on-call');
  const platform = page.getByRole('region', { name: 'Currently On-Call: Platform on-call' });
  await expect(platform).toContainText(`until`);
  await expect(platform).toContainText(clockTime(until, 'America/Chicago'));

  await page.goto('/profile');
  const account = page.getByRole('form', { name: 'Account' });
  await account.getByRole('combobox', { name: 'Time zone' }).click();
  await account.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Tokyo');
  await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
  // Leaving with the edit unsaved asks first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "Who's on-call" }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/profile$/);

  await account.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Times are shown in Asia/Tokyo')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "Who's on-call" }).click();
  await expect(platform).toContainText(clockTime(until, 'Asia/Tokyo'));
  await expect(platform).toContainText('Asia/Tokyo');
});

test('a password change signs out the other sessions and revokes the API tokens; the old password stops working', async ({ page, request, playwright }) => {
  const user = await newUser(request, 'password');
  const elsewhere = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await apiSession(elsewhere, user.email, user.password);
  const { token } = await other.call<{ token: string }>('POST', '/me/tokens', { name: 'before the change' });

  await logIn(page, user);
  await page.goto('/profile');
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByRole('textbox', { name: 'New password', exact: true }).fill('a brand new passphrase');
  await form.getByLabel('Repeat the new password').fill('a brand new passphrase typo');
  await expect(form.getByText('Does not match the new password')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Change password' })).toBeDisabled();
  await form.getByLabel('Repeat the new password').fill('a brand new passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('is not your current password')).toBeVisible();

  await form.getByLabel('Current password').fill(user.password);
  await expect(form.getByRole('checkbox', { name: 'Also revoke my API tokens' })).toBeChecked();
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your other sessions were signed out and your API tokens revoked.')).toBeVisible();
  await expect(form.getByLabel('Current password')).toHaveValue('');

  expect((await elsewhere.get('/api/v1/auth/session')).status()).toBe(401);
  expect((await elsewhere.get('/api/v1/users', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await elsewhere.dispose();

  // This session goes on; log out and try both passwords.
  await page.getByRole('button', { name: new RegExp(`^Account menu for ${user.name}`) }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Email or password is wrong')).toBeVisible();
  await logIn(page, { ...user, password: 'a brand new passphrase' });
});

test('API tokens: created with an expiry, shown once, used, then revoked', async ({ page, request, playwright }) => {
  const user = await newUser(request, 'tokens');
  const bearer = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await logIn(page, user);
  await page.goto('/profile');

  const create = page.getByRole('form', { name: 'Create an API token' });
  await create.getByRole('textbox', { name: 'Name' }).fill('e2e script');
  await create.getByText('30 days').click();
  await create.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByLabel('Token', { exact: true });
  await expect(page.getByText("Copy it now: you won't see it again.")).toBeVisible();
  const token = (await secret.textContent())?.trim() ?? '';
  expect(token).toMatch(/^vgl_/);

  const tokens = page.getByRole('table', { name: 'API tokens' });
  const row = tokens.getByRole('row').filter({ hasText: 'e2e script' });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row.getByRole('cell').nth(2)).not.toHaveText('Never');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Never');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(secret).toBeHidden();

  // The token acts as its owner: it lists their tokens.
  const used = await bearer.get('/api/v1/me/tokens', { headers: { authorization: `Bearer ${token}` } });
  expect(used.status()).toBe(200);
  expect(((await used.json()) as { name: string }[]).map((t) => t.name)).toEqual(['e2e script']);
  await page.reload();
  await expect(row.getByRole('cell').nth(3)).not.toHaveText('Never');
  await shoot(page, 'profile-tokens');

  await row.getByRole('button', { name: 'Revoke e2e script' }).click();
  await page.getByRole('dialog', { name: 'Revoke e2e script' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toBeHidden();
  expect((await bearer.get('/api/v1/users', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await bearer.dispose();
});

test('calendar feeds: created, URL copied from the page, fetched as iCalendar, then revoked', async ({ page, request, playwright }) => {
  const user = await newUser(request, 'feeds');
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await logIn(page, user);
  await page.goto('/profile');

  const create = page.getByRole('form', { name: 'Create a calendar feed' });
  await create.getByRole('combobox', { name: 'Feed of' }).click();
  await page.getByRole('option', { name: 'Schedule: Platform on-call' }).click();
  await create.getByRole('button', { name: 'Create feed' }).click();
  await expect(page.getByText('Google Calendar: Other calendars')).toBeVisible();
  const shown = (await page.getByLabel('Feed URL', { exact: true }).textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const url = new URL(await page.evaluate<string>('navigator.clipboard.readText()'));
  expect(url.href).toBe(shown);
  expect(url.pathname).toBe('/api/v1/calendar.ics');
  expect(url.searchParams.get('key')).toMatch(/^cal_/);

  // The URL names the server's VIGIL_BASE_URL; the test fetches the same path from where it runs.
  const feed = await anonymous.get(`${url.pathname}${url.search}`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');

  const feeds = page.getByRole('table', { name: 'Calendar feeds' });
  await expect(feeds).toContainText('Schedule: Platform on-call');
  await feeds.getByRole('button', { name: 'Revoke feed: Schedule: Platform on-call' }).click();
  await page.getByRole('dialog', { name: 'Revoke feed: Schedule: Platform on-call' }).getByRole('button', { name: 'Revoke feed' }).click();
  await expect(page.getByText('No calendar feeds.')).toBeVisible();
  expect((await anonymous.get(`${url.pathname}${url.search}`)).status()).toBe(404);
  await anonymous.dispose();
});

test('notices: handoff notices and a daily summary time in the user\'s zone', async ({ page, request }) => {
  const user = await newUser(request, 'notices', 'Europe/Berlin');
  await logIn(page, user);
  await page.goto('/profile');
  const form = page.getByRole('form', { name: 'Notices' });
  await form.getByRole('switch', { name: 'Handoff notices' }).check();
  await form.getByRole('switch', { name: 'Daily summary' }).check();
  await expect(form.getByText('In your time zone, Europe/Berlin')).toBeVisible();
  await form.getByLabel('Send the summary at').fill('07:30');
  await form.getByRole('combobox', { name: 'Also tell me ahead of a shift' }).click();
  await page.getByRole('option', { name: '24 hours before' }).click();
  await form.getByRole('button', { name: 'Save notices' }).click();
  await expect(page.getByText('Daily summary at 07:30 (Europe/Berlin)')).toBeVisible();
  const me = (await (await page.request.get('/api/v1/auth/session')).json()) as { user: { notifyHandoffs: boolean; dailySummaryTime: string | null; handoffLeadMinutes: number | null } };
  expect(me.user).toMatchObject({ notifyHandoffs: true, dailySummaryTime: '07:30', handoffLeadMinutes: 1440 });
  await shoot(page, 'profile-settings');
});
