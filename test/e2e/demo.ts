import { expect, type Page } from '@playwright/test';

import { demoAdmin as credentials } from '../support/demo-admin';

/** Seeded by the server on first start, with the password playwright.config.ts gives it. */
export const demoAdmin = { ...credentials, name: 'Demo Admin' };

export async function logInAsDemoAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(demoAdmin.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoAdmin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` })).toBeVisible();
}
