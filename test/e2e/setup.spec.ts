import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { fresh } from './servers';

test.skip(!hasChromium, installHint);

// The server started with VIGIL_SEED_DEMO=0 on an empty database (playwright.config.ts).
test.use({ baseURL: fresh.url });

const owner = { name: 'Olive Owner', email: 'olive@example.com', password: 'first owner passphrase' };

test('the first visit sets up the owner, who lands logged in; setup is closed from then on', async ({ page, browser, request }) => {
  // Nobody can log in yet: the app and the login page both lead to the setup page.
  await page.goto('/incidents');
  await expect(page).toHaveURL(/\/setup$/);
  await page.goto('/login');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome! Create the owner account' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Create the owner account' });
  await form.getByRole('textbox', { name: 'Your name' }).fill(owner.name);
  await form.getByRole('textbox', { name: 'Email' }).fill(owner.email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await expect(form.getByText('Use at least 8 characters')).toBeVisible();
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(owner.password);
  await form.getByRole('textbox', { name: 'Repeat the password' }).fill('something else');
  await expect(form.getByText('Does not match the password')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Create owner account' })).toBeDisabled();
  await form.getByRole('textbox', { name: 'Repeat the password' }).fill(owner.password);
  // The browser's own zone is the default.
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(form.getByRole('combobox', { name: 'Your time zone' })).toHaveValue(browserZone);
  await page.screenshot({ path: test.info().outputPath('setup-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(form.getByRole('button', { name: 'Create owner account' })).toBeInViewport({ ratio: 1 });
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('setup-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await form.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByText(`Welcome, ${owner.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: `Account menu for ${owner.name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/on-call$/);
  await page.screenshot({ path: test.info().outputPath('setup-done.png'), fullPage: true });

  // Another browser, logged out: the setup page now sends it to the login, where the new owner's password works.
  const other = await browser.newContext({ baseURL: fresh.url });
  const visitor = await other.newPage();
  await visitor.goto('/setup');
  await expect(visitor).toHaveURL(/\/login$/);
  await visitor.getByRole('textbox', { name: 'Email' }).fill(owner.email);
  await visitor.getByRole('textbox', { name: 'Password', exact: true }).fill(owner.password);
  await visitor.getByRole('button', { name: 'Log in' }).click();
  await expect(visitor.getByRole('button', { name: `Account menu for ${owner.name}` })).toBeVisible();
  await other.close();

  // And the API refuses a second setup.
  const again = await request.post(`${fresh.url}/api/v1/setup`, { data: { name: 'Mallory', email: 'mallory@example.com', password: 'another long one', timeZone: 'UTC' } });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe('setup_done');

  // This server has no Pushover, Telegram, Slack or Mattermost app: My profile does not offer those methods.
  await page.goto('/profile');
  await page.getByRole('form', { name: 'Add a contact method' }).getByRole('combobox', { name: 'Kind' }).click();
  await expect(page.getByRole('option', { name: 'Webhook' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'ntfy (push)' })).toBeVisible();
  for (const kind of ['Pushover', 'Telegram', 'Slack (direct message)', 'Mattermost (direct message)']) await expect(page.getByRole('option', { name: kind })).toHaveCount(0);
});
