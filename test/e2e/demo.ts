import { expect, type Page } from '@playwright/test';

/** Seeded by the server on first start. */
export const demoAdmin = { email: 'admin@example.com', password: 'vigil-demo', name: 'Demo Admin' };

export async function logInAsDemoAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(demoAdmin.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoAdmin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` })).toBeVisible();
}
