import { expect, test } from '@playwright/test';
import { startPushoverFake, type PushoverFake } from '../support/pushover-fake';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { pushoverFake } from './servers';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';

test.skip(!hasChromium, installHint);

let pushover: PushoverFake;
test.beforeAll(async () => {
  pushover = await startPushoverFake({ port: pushoverFake.port, appToken: pushoverFake.appToken });
});
test.afterAll(() => pushover.close());

test('a Pushover key with a device is added on My profile at 390 px, refused at the field when wrong, and verified by the code sent to it', async ({ page }) => {
  const key = pushover.addUser(['pixel']);
  await page.setViewportSize({ width: 390, height: 844 });
  await logInAsDemoAdmin(page);
  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();

  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await addMethod.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Pushover' }).click();
  const userKey = addMethod.getByRole('textbox', { name: 'User key' });
  const device = addMethod.getByRole('textbox', { name: 'Device' });
  const add = addMethod.getByRole('button', { name: 'Add contact method' });

  await userKey.fill('my-key');
  await add.click();
  await expect(userKey).toHaveAccessibleDescription(/must be your Pushover user key/);

  await userKey.fill('u'.repeat(30));
  await add.click();
  await expect(userKey).toHaveAccessibleDescription(/was refused by Pushover \(user identifier is not a valid user/);

  await userKey.fill(key);
  await device.fill('watch');
  await add.click();
  await expect(device).toHaveAccessibleDescription(/device name is not valid for user/);
  await expectNoSidewaysScroll(page);
  await shotOf(addMethod, 'pushover-form-390');

  await device.fill('pixel');
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Pixel alarm');
  await add.click();
  const row = page.getByRole('table', { name: 'Contact methods' }).getByRole('row').filter({ hasText: 'Pixel alarm' });
  await expect(row).toContainText('Pushover');
  await expect(row).toContainText('Unverified');
  await expect(row.getByRole('status')).toContainText('A code was sent to');
  await expect(device).toHaveValue('');
  const sent = pushover.messages.find((m) => m.user === key);
  expect(sent).toMatchObject({ device: 'pixel', priority: '0' });
  const code = /Enter (\d{6}) in Vigil/.exec(sent?.message ?? '')?.[1] ?? '';
  await row.getByRole('textbox', { name: 'Enter code' }).fill(code);
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(row).not.toContainText('Unverified');
  await expect(row).toContainText('Verified');
  await expectNoSidewaysScroll(page);
  await shot(page, 'pushover-verified-390');

  await row.getByRole('button', { name: 'Remove Pixel alarm' }).click();
  const removal = page.getByRole('dialog', { name: 'Remove Pixel alarm' });
  await removal.getByRole('button', { name: 'Remove contact method' }).click();
  // Other specs may have left policies paging the demo owner, whose only verified method this is.
  const anyway = removal.getByRole('button', { name: 'Delete anyway' });
  await expect.poll(async () => (await anyway.isVisible()) || !(await row.isVisible())).toBe(true);
  if (await anyway.isVisible()) await anyway.click();
  await expect(row).toBeHidden();
});
