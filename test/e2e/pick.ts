import type { Locator, Page } from '@playwright/test';

/** Chooses an option of a Mantine select: the list opens in a portal, outside the scope. */
export async function pick(page: Page, scope: Locator, combobox: string, option: RegExp | string): Promise<void> {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Opens the editor on a new policy of team Platform named `name`, with step 1's target type chosen if given; returns step 1. */
export async function newPolicyStep(page: Page, name: string, targetType?: string): Promise<Locator> {
  await page.goto('/escalation-policies/new');
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await pick(page, page.locator('form'), 'Team', 'Platform');
  const step1 = page.getByRole('region', { name: 'Step 1' });
  if (targetType !== undefined) await pick(page, step1, 'Target type', targetType);
  return step1;
}
