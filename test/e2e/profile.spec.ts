import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

test('on My profile a user adds contact methods, a delayed notification rule, and sends a test', async ({ page }) => {
  const email = `pager-${Date.now()}@example.com`;
  await logInAsDemoAdmin(page);
  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await expect(page.getByRole('heading', { name: 'My profile', level: 2 })).toBeVisible();

  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('textbox', { name: 'Address' }).fill('not-an-address');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  await expect(addMethod.getByRole('textbox', { name: 'Address' })).toHaveAccessibleDescription(/must be an email address/);

  await addMethod.getByRole('textbox', { name: 'Address' }).fill(email);
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Work email');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  const methods = page.getByRole('table', { name: 'Contact methods' });
  await expect(methods.getByRole('row').filter({ hasText: email })).toContainText('Work email');

  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'SMS' }).click();
  await addMethod.getByRole('textbox', { name: 'Address' }).fill('+15551234567');
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Phone');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  await expect(methods.getByRole('row').filter({ hasText: '+15551234567' })).toContainText('SMS');

  // The first contact method got an immediate rule by itself; SMS follows after 2 minutes.
  const rules = page.getByRole('list', { name: 'Notification rules' });
  await expect(rules).toContainText(`Email Work email (${email}) immediately`);
  const addRule = page.getByRole('form', { name: 'Add a notification rule' });
  await addRule.getByRole('combobox', { name: 'Contact method' }).click();
  await page.getByRole('option', { name: /SMS: Phone/ }).click();
  await addRule.getByRole('textbox', { name: 'After (minutes)' }).fill('2');
  await addRule.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules).toContainText('SMS Phone (+15551234567) after 2 minutes');

  await methods.getByRole('button', { name: 'Send test to Work email' }).click();
  await expect(page.getByText('Test notification queued')).toBeVisible();

  // Removing a contact method removes its rules.
  await methods.getByRole('button', { name: 'Remove Phone' }).click();
  await page.getByRole('dialog', { name: 'Remove Phone' }).getByRole('button', { name: 'Remove contact method' }).click();
  await expect(methods.getByRole('row').filter({ hasText: '+15551234567' })).toBeHidden();
  await expect(rules).not.toContainText('SMS Phone');
});
