import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

test('the demo admin logs in and sees the demo team on the teams page', async ({ page }) => {
  await logInAsDemoAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByRole('heading', { name: 'Teams' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Teams' }).getByRole('link', { name: 'Platform' })).toBeVisible();
});

test('a wrong password is refused with an error', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(demoAdmin.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong/i);
  await expect(page).toHaveURL(/\/login$/);
});

test('pages need a session and logging out returns to the login page', async ({ page }) => {
  await page.goto('/teams');
  await expect(page).toHaveURL(/\/login$/);
  await logInAsDemoAdmin(page);
  await expect(page).toHaveURL(/\/teams$/);

  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login$/);
});
