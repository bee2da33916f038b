import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

test('an admin creates a user, changes their role and deletes them', async ({ page }) => {
  const stamp = Date.now();
  const name = `Erin ${stamp}`;
  await logInAsDemoAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('cell', { name: 'Alice Senior', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByRole('textbox', { name: 'Email' }).fill(`erin-${stamp}@example.com`);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  const password = dialog.getByRole('textbox', { name: 'Password', exact: true });
  await password.fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  // The API's field error (/body/password) is shown on the password field.
  await expect(password).toHaveAccessibleDescription(/8/);
  await password.fill('long-enough-password');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  await expect(users.getByRole('cell', { name, exact: true })).toBeVisible();

  await users.getByRole('combobox', { name: `Role of ${name}` }).click();
  await page.getByRole('option', { name: 'viewer' }).click();
  await expect(users.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('viewer');
  await page.reload();
  await expect(users.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('viewer');

  await users.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog', { name: `Delete ${name}` }).getByRole('button', { name: 'Delete user' }).click();
  await expect(users.getByRole('cell', { name, exact: true })).toBeHidden();
});
