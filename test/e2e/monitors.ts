import type { Page } from '@playwright/test';

/** Opens the new-monitor form and fills in the demo team and policy and the given kind. */
export async function startMonitor(page: Page, name: string, kind: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('button', { name: 'New monitor' }).click();
  const dialog = page.getByRole('dialog', { name: 'New monitor' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Platform' }).click();
  await dialog.getByRole('combobox', { name: 'Escalation policy' }).click();
  await page.getByRole('option', { name: 'Primary with L2 backup' }).click();
  return dialog;
}
