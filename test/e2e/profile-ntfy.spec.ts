import { expect, test } from '@playwright/test';
import { startNtfyFake, type NtfyFake } from '../support/ntfy-fake';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

let ntfy: NtfyFake;
test.beforeAll(async () => {
  ntfy = await startNtfyFake();
});
test.afterAll(() => ntfy.close());

test('an ntfy topic with an access token is added on My profile and verified by the code pushed to it', async ({ page }) => {
  const topic = `pager-${Date.now()}`;
  const token = 'tk_e2etoken0000000000000000000';
  ntfy.protect(topic, token);
  await logInAsDemoAdmin(page);
  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();

  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'ntfy (push)' }).click();
  await addMethod.getByRole('textbox', { name: 'Address' }).fill(`${ntfy.url}bad topic`);
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();
  await expect(addMethod.getByRole('textbox', { name: 'Address' })).toHaveAccessibleDescription(/must be an ntfy topic URL/);

  await addMethod.getByRole('textbox', { name: 'Address' }).fill(ntfy.topicUrl(topic));
  await addMethod.getByLabel('Access token').fill(token);
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Phone push');
  await shot(page, 'ntfy-form');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();

  const row = page.getByRole('table', { name: 'Contact methods' }).getByRole('row').filter({ hasText: topic });
  await expect(row).toContainText('ntfy (push)');
  await expect(row).toContainText('Unverified');
  await expect(row.getByRole('status')).toContainText('A code was sent to');
  await expect(addMethod.getByLabel('Access token')).toHaveValue('');
  const pushed = ntfy.published.find((m) => m.topic === topic);
  expect(pushed?.authorization).toBe(`Bearer ${token}`);
  const code = /Enter (\d{6}) in Vigil/.exec(pushed?.message ?? '')?.[1] ?? '';
  await row.getByRole('textbox', { name: 'Enter code' }).fill(code);
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(row).not.toContainText('Unverified');
  await expect(row).toContainText('Verified');
  await expect(page.locator('body')).not.toContainText(token);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'ntfy-verified-390');

  await row.getByRole('button', { name: 'Remove Phone push' }).click();
  const removal = page.getByRole('dialog', { name: 'Remove Phone push' });
  await removal.getByRole('button', { name: 'Remove contact method' }).click();
  // Other specs may have left policies paging the demo owner, whose only verified method this is.
  const anyway = removal.getByRole('button', { name: 'Delete anyway' });
  await expect.poll(async () => (await anyway.isVisible()) || !(await row.isVisible())).toBe(true);
  if (await anyway.isVisible()) await anyway.click();
  await expect(row).toBeHidden();
});
