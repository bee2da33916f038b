import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

async function openProfile(page: Page): Promise<void> {
  await logInAsDemoAdmin(page);
  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await expect(page.getByRole('heading', { name: 'My profile', level: 2 })).toBeVisible();
}

test('on My profile a user adds contact methods, a delayed notification rule, and sends a test', async ({ page }) => {
  const email = `pager-${Date.now()}@example.com`;
  await openProfile(page);

  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('textbox', { name: 'Address' }).fill('not-an-address');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  await expect(addMethod.getByRole('textbox', { name: 'Address' })).toHaveAccessibleDescription(/must be an email address/);

  await addMethod.getByRole('textbox', { name: 'Address' }).fill(email);
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Work email');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  const methods = page.getByRole('table', { name: 'Contact methods' });
  const emailRow = methods.getByRole('row').filter({ hasText: email });
  await expect(emailRow).toContainText('Work email');
  // Email starts unverified, and the e2e server has no SMTP: the code cannot be delivered.
  await expect(emailRow).toContainText('Unverified');
  await expect(emailRow.getByRole('status')).toContainText('The code was not delivered: no email channel is configured.');
  await expect(emailRow.getByRole('status')).toContainText("can't be verified, and won't be paged, until an administrator configures the Email channel");

  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'SMS' }).click();
  await addMethod.getByRole('textbox', { name: 'Address' }).fill('+15551234567');
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Phone');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  const smsRow = methods.getByRole('row').filter({ hasText: '+15551234567' });
  await expect(smsRow).toContainText('SMS');
  await expect(smsRow.getByRole('status')).toContainText('no sms channel is configured');

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

test('a webhook is verified on creation and shows the secret its payloads are signed with', async ({ page }) => {
  const url = `https://hooks.example.com/vigil-${Date.now()}`;
  await openProfile(page);
  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Webhook' }).click();
  await addMethod.getByRole('textbox', { name: 'Address' }).fill(url);
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Ops hook');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();

  const row = page.getByRole('table', { name: 'Contact methods' }).getByRole('row').filter({ hasText: url });
  await expect(row).toContainText('Verified');
  await expect(row).not.toContainText('Unverified');
  await expect(row.getByRole('textbox', { name: 'Enter code' })).toHaveCount(0);
  const secret = row.getByRole('group', { name: 'Signing secret of Ops hook' });
  await expect(secret).toContainText('••••');
  await expect(secret.getByRole('button', { name: 'Copy signing secret' })).toBeVisible();
  await secret.getByRole('button', { name: 'Show signing secret' }).click();
  await expect(secret.getByLabel('Signing secret', { exact: true })).toHaveText(/^[A-Za-z0-9_-]{43}$/);

  await row.getByRole('button', { name: 'Remove Ops hook' }).click();
  await page.getByRole('dialog', { name: 'Remove Ops hook' }).getByRole('button', { name: 'Remove contact method' }).click();
  await expect(row).toBeHidden();
});

test('a wrong verification code is refused under the code field, and a new code can be requested', async ({ page }) => {
  const phone = `+1555${String(Date.now()).slice(-7)}`;
  await openProfile(page);
  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Voice call' }).click();
  await addMethod.getByRole('textbox', { name: 'Address' }).fill(phone);
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Desk phone');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();

  const row = page.getByRole('table', { name: 'Contact methods' }).getByRole('row').filter({ hasText: phone });
  await expect(row).toContainText('Unverified');
  await expect(row.getByRole('status')).toContainText('no voice channel is configured');

  // Undeliverable, the new code is still stored: a guess is "not the code that was sent"
  // (unless it is that one-in-a-million code).
  await row.getByRole('button', { name: 'Send a new code' }).click();
  await expect(row.getByRole('status')).toContainText('until an administrator configures the Voice call channel');
  const code = row.getByRole('textbox', { name: 'Enter code' });
  await code.fill('000000');
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(code).toHaveAccessibleDescription(/is not the code that was sent/);
  await expect(row).toContainText('Unverified');

  await row.getByRole('button', { name: 'Remove Desk phone' }).click();
  await page.getByRole('dialog', { name: 'Remove Desk phone' }).getByRole('button', { name: 'Remove contact method' }).click();
  await expect(row).toBeHidden();
});
