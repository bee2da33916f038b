import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

const person = { email: `two-factor-${Date.now()}@example.com`, name: 'Tess Factor', password: 'tess-factor-password' };

async function createPerson(page: Page) {
  await logInAsDemoAdmin(page);
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const created = await page.request.post('/api/v1/users', { data: { ...person, role: 'responder' }, headers: { 'x-csrf-token': csrfToken } });
  expect(created.status()).toBe(201);
  await page.context().clearCookies();
}

async function logIn(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('a user sets up two-factor on their profile, then logs in with a recovery code', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await createPerson(page);
  await logIn(page);
  await expect(page.getByRole('button', { name: `Account menu for ${person.name}` })).toBeVisible();
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Set up two-factor' }).click();
  await page.getByLabel('Your password').fill(person.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Code from the app' }).fill('000000');
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong/i);

  // The app's code, computed from the key shown (what an authenticator does).
  const secret = (await page.locator('code').first().textContent()) ?? '';
  const { generateSync } = await import('otplib');
  await page.getByRole('textbox', { name: 'Code from the app' }).fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? '';
  await page.screenshot({ path: 'test-results/two-factor-recovery-codes.png', fullPage: true });
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('Two-factor is on', { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await logIn(page);
  await expect(page.getByRole('textbox', { name: 'Authentication code' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Authentication code' }).fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong/i);
  await page.getByRole('textbox', { name: 'Authentication code' }).fill(recovery);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${person.name}` })).toBeVisible();
});

test('when the owners require two-factor, a login without it lands on the set-up page first', async ({ page, browser }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const newcomer = { email: `newcomer-${Date.now()}@example.com`, name: 'Nia Newcomer', password: 'nia-newcomer-password' };
  await logInAsDemoAdmin(page);
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  expect((await page.request.post('/api/v1/users', { data: { ...newcomer, role: 'viewer' }, headers })).status()).toBe(201);
  expect((await page.request.put('/api/v1/settings/two-factor', { data: { required: true }, headers })).status()).toBe(200);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const other = await context.newPage();
    await other.goto('/login');
    await other.getByRole('textbox', { name: 'Email' }).fill(newcomer.email);
    await other.getByRole('textbox', { name: 'Password', exact: true }).fill(newcomer.password);
    await other.getByRole('button', { name: 'Log in' }).click();
    await expect(other.getByRole('heading', { name: 'Set up two-factor authentication' })).toBeVisible();
    await other.goto('/incidents');
    await expect(other).toHaveURL(/\/two-factor-setup$/);
    await other.getByLabel('Your password').fill(newcomer.password);
    await other.getByRole('button', { name: 'Continue' }).click();
    await expect(other.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    await other.screenshot({ path: 'test-results/two-factor-setup.png', fullPage: true });
    const secret = (await other.locator('code').first().textContent()) ?? '';
    const { generateSync } = await import('otplib');
    await other.getByRole('textbox', { name: 'Code from the app' }).fill(generateSync({ secret }));
    await other.getByRole('button', { name: 'Turn on two-factor' }).click();
    await other.getByRole('button', { name: 'I have saved them' }).click();
    await expect(other.getByRole('button', { name: `Account menu for ${newcomer.name}` })).toBeVisible();
  } finally {
    await context.close();
    // Later specs log in as the demo admin without two-factor.
    await page.request.put('/api/v1/settings/two-factor', { data: { required: false }, headers });
  }
});
