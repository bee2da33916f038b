import type { Locator, Page } from '@playwright/test';

/** Chooses an option of a Mantine select: the list opens in a portal, outside the scope. */
export async function pick(page: Page, scope: Locator, combobox: string, option: RegExp | string): Promise<void> {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}
