import { expect, type Page } from '@playwright/test';
import { pick } from './pick';

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

/** Creates a monitor on the demo team paging through `policyName`, and raises a test alert on it; ends on the incident. */
export async function raiseOnNewMonitor(page: Page, policyName: string, monitorName: string, title: string): Promise<void> {
  await page.goto('/monitors');
  await page.getByRole('button', { name: 'New monitor' }).click();
  const create = page.getByRole('dialog', { name: 'New monitor' });
  await create.getByRole('textbox', { name: 'Name' }).fill(monitorName);
  await pick(page, create, 'Team', 'Platform');
  await pick(page, create, 'Escalation policy', new RegExp(`^${policyName}`));
  await create.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByRole('heading', { name: monitorName, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Raise test alert' }).click();
  const alert = page.getByRole('dialog', { name: 'Raise test alert' });
  await alert.getByRole('textbox', { name: 'Title' }).fill(title);
  await alert.getByRole('button', { name: 'Raise alert' }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}
