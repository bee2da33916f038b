import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

test('an admin creates a team, adds a member, makes them manager and removes them', async ({ page }) => {
  const teamName = `Database ${Date.now()}`;
  await logInAsDemoAdmin(page);
  await page.goto('/teams');

  await page.getByRole('button', { name: 'New team' }).click();
  const dialog = page.getByRole('dialog', { name: 'New team' });
  await dialog.getByLabel('Name').fill(teamName);
  await dialog.getByLabel('Description').fill('Owns the primary databases');
  await dialog.getByRole('button', { name: 'Create team' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('table', { name: 'Teams' }).getByRole('link', { name: teamName }).click();

  await expect(page.getByRole('heading', { name: teamName })).toBeVisible();
  await expect(page.getByText('No members yet.')).toBeVisible();
  await page.getByRole('combobox', { name: 'User' }).click();
  await page.getByRole('option', { name: /Alice Senior/ }).click();
  await page.getByRole('button', { name: 'Add member' }).click();

  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('cell', { name: 'Alice Senior', exact: true })).toBeVisible();
  await members.getByRole('combobox', { name: 'Team role of Alice Senior' }).click();
  await page.getByRole('option', { name: 'manager' }).click();
  await expect(members.getByRole('combobox', { name: 'Team role of Alice Senior' })).toHaveValue('manager');

  await members.getByRole('button', { name: 'Remove Alice Senior' }).click();
  await page.getByRole('dialog', { name: 'Remove Alice Senior' }).getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByText('No members yet.')).toBeVisible();
});

test('a duplicate team name is reported on the name field', async ({ page }) => {
  await logInAsDemoAdmin(page);
  await page.goto('/teams');
  await page.getByRole('button', { name: 'New team' }).click();
  const dialog = page.getByRole('dialog', { name: 'New team' });
  await dialog.getByLabel('Name').fill('Platform');
  await dialog.getByRole('button', { name: 'Create team' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(/already used by another team/);
});
