import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logIn, newUser } from './accounts';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';

test.skip(!hasChromium, installHint);

test('pages a person from the incidents page and lands on the incident, whose timeline says who paged', async ({ page, request }) => {
  const erin = await newUser(request, 'pager');
  const fay = await newUser(request, 'paged');
  // Each newUser logs the owner in afresh: the latest session is the one that works.
  const { admin } = fay;
  const [team] = (await admin.call<{ items: { id: string }[] }>('GET', '/teams')).items;
  for (const user of [erin, fay]) await admin.call('PUT', `/teams/${team?.id}/members/${user.id}`, { role: 'member' });
  await admin.call('POST', `/users/${fay.id}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/fay', label: 'Fay hook' });
  const title = `Checkout is down ${Date.now()}`;

  await logIn(page, erin);
  await page.goto('/incidents');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Page someone' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'manual-incident-list-390', false);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Page someone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Page someone' });
  await expect(dialog.getByRole('radio', { name: 'Person' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);

  // Closing with something typed asks first, and keeps it. The form reports its edits from an
  // effect, after the frame that shows them: a person cannot press Escape sooner, a test can.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(title);

  await dialog.getByRole('combobox', { name: 'Who to page' }).fill(fay.name);
  // By email: a retry of this test makes another user with the same name.
  await page.getByRole('option', { name: `${fay.name} (${fay.email})` }).click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Payments fail since the 10:02 deploy; please look.');
  await shot(page, 'manual-incident-dialog-desktop', false);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'manual-incident-dialog-390', false);
  await page.setViewportSize({ width: 1280, height: 720 });

  await dialog.getByRole('button', { name: 'Page now' }).click();
  await expect(dialog).toBeHidden();
  const toast = page.getByRole('alert').filter({ hasText: `Paged ${fay.name}` });
  await toast.getByRole('link', { name: /Open the incident/ }).click();

  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.getByText(`Paged by hand by ${erin.name}`)).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText(`Triggered by ${erin.name}`);
  await expect(timeline).toContainText('Escalated to step 1');
  await expect(page.getByText('Payments fail since the 10:02 deploy; please look.')).toBeVisible();
  await shot(page, 'manual-incident-page-desktop');
  // With a failed attempt's error in it, the notifications table is wider than a phone: it scrolls in its own box.
  await expect(page.getByRole('table', { name: 'Notifications' })).toContainText('webhook unreachable', { timeout: 30_000 });
  const notifications = page.getByRole('table', { name: 'Notifications' });
  await shotOf(notifications, 'manual-incident-notifications-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'manual-incident-page-390');
  // Every status reads whole on a phone: the badges are never cut to an ellipsis.
  await expect(notifications.getByText(/^(queued|sending|sent|delivered|failed|cancelled)$/).first()).toBeVisible();
  const cut = await notifications.evaluate((table) =>
    [...table.querySelectorAll('tbody td:nth-child(3) .mantine-Badge-label')].filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent),
  );
  expect(cut, 'status badges cut short at 390 px').toEqual([]);
  await shotOf(notifications, 'manual-incident-notifications-390');
});

test('says which field is wrong when the person is in no team', async ({ page, request }) => {
  const erin = await newUser(request, 'pager2');
  const loner = await newUser(request, 'loner');
  const [team] = (await loner.admin.call<{ items: { id: string }[] }>('GET', '/teams')).items;
  await loner.admin.call('PUT', `/teams/${team?.id}/members/${erin.id}`, { role: 'member' });

  await logIn(page, erin);
  await page.goto('/incidents');
  await page.getByRole('button', { name: 'Page someone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Page someone' });
  await dialog.getByRole('combobox', { name: 'Who to page' }).fill(loner.name);
  await page.getByRole('option', { name: `${loner.name} (${loner.email})` }).click();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Anyone there?');
  await dialog.getByRole('button', { name: 'Page now' }).click();
  await expect(dialog.getByText(`is required: ${loner.name} is in no team`)).toBeVisible();
  await expect(dialog).toBeVisible();
});

test("a schedule's page pages whoever is on call there", async ({ page, request }) => {
  const erin = await newUser(request, 'pager3');
  const [team] = (await erin.admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams')).items;
  await erin.admin.call('PUT', `/teams/${team?.id}/members/${erin.id}`, { role: 'member' });
  const schedules = await erin.admin.call<{ items: { id: string; name: string }[] }>('GET', '/schedules?limit=200');
  const schedule = schedules.items.find((s) => s.name === 'Platform on-call');

  await logIn(page, erin);
  await page.goto(`/schedules/${schedule?.id}`);
  await page.getByRole('button', { name: 'Page on-call' }).click();
  const dialog = page.getByRole('dialog', { name: 'Page someone' });
  await expect(dialog.getByRole('radio', { name: 'Schedule' })).toBeChecked();
  // Named with its team once other specs have made teams.
  await expect(dialog.getByRole('combobox', { name: /^Schedule/ })).toHaveValue(/^Platform on-call/);
  await dialog.getByRole('textbox', { name: 'Title' }).fill(`Need hands ${Date.now()}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'manual-incident-schedule-390', false);
  await dialog.getByRole('button', { name: 'Page now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Paged Platform on-call' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
