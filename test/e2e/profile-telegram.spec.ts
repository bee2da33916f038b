import { expect, test } from '@playwright/test';
import { startTelegramFake, type TelegramFake } from '../support/telegram-fake';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { main, telegramApi } from './servers';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';

test.skip(!hasChromium, installHint);

let telegram: TelegramFake;
test.beforeAll(async () => {
  telegram = await startTelegramFake({ port: telegramApi.port, token: telegramApi.token });
  // What the operator does once with setWebhook: Telegram then posts updates to Vigil with the secret.
  telegram.webhook = { url: `${main.url}/api/v1/integrations/telegram/webhook`, secret: telegramApi.secret };
});
test.afterAll(() => telegram.close());

test('a Telegram method is added on My profile, shows the bot link, and turns verified once the chat presses Start', async ({ page }) => {
  const chatId = 7_300_000 + Math.floor(Math.random() * 1000);
  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();

  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Telegram' }).click();
  await expect(addMethod.getByRole('textbox', { name: 'Address' })).toBeHidden();
  await expect(addMethod).toContainText('Vigil shows a link that opens its bot in Telegram');
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('My Telegram');
  await addMethod.getByRole('button', { name: 'Add contact method' }).click();

  const row = page.getByRole('table', { name: 'Contact methods' }).getByRole('row').filter({ hasText: 'My Telegram' });
  await expect(row).toContainText('Not linked yet');
  await expect(row).toContainText('Unverified');
  // The link gets a row of its own under the method's.
  const methods = page.getByRole('table', { name: 'Contact methods' });
  const open = methods.getByRole('link', { name: 'Open Telegram' });
  await expect(open).toHaveAttribute('href', /^https:\/\/t\.me\/vigil_test_bot\?start=[A-Za-z0-9_-]{22}$/);
  await expect(methods.getByRole('status')).toContainText('Waiting for Telegram');
  await expectNoSidewaysScroll(page);
  await shot(page, 'telegram-waiting-390');
  await shotOf(methods, 'telegram-waiting-table-390');

  // The person presses Start in Telegram: the profile notices without a reload.
  expect(await telegram.start(chatId, (await open.getAttribute('href')) ?? '')).toBe(200);
  await expect(row).toContainText('Verified');
  await expect(row).not.toContainText('Unverified');
  await expect(row).toContainText(`Chat ${chatId}`);
  await expect(page.getByText('Telegram linked')).toBeVisible();
  expect(telegram.lastIn(chatId)?.text).toMatch(/^Linked to Vigil as /);
  await expectNoSidewaysScroll(page);
  await shot(page, 'telegram-linked-390');
  await expect(open).toBeHidden();
  await shotOf(methods, 'telegram-linked-table-390');

  await row.getByRole('button', { name: 'Send test to My Telegram' }).click();
  await expect.poll(() => telegram.lastIn(chatId)?.text).toBe('This chat works: Vigil pages will arrive here.');

  await row.getByRole('button', { name: 'Remove My Telegram' }).click();
  const removal = page.getByRole('dialog', { name: 'Remove My Telegram' });
  await removal.getByRole('button', { name: 'Remove contact method' }).click();
  const anyway = removal.getByRole('button', { name: 'Delete anyway' });
  await expect.poll(async () => (await anyway.isVisible()) || !(await row.isVisible())).toBe(true);
  if (await anyway.isVisible()) await anyway.click();
  await expect(row).toBeHidden();
});
