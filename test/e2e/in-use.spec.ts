import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

async function api(page: Page, method: 'POST' | 'GET', path: string, data?: unknown) {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'X-CSRF-Token': session.csrfToken }, ...(data !== undefined && { data }) });
  expect(res.ok()).toBe(true);
  return res.json();
}

test('deleting a schedule a policy pages through lists the policy and can delete anyway', async ({ page }) => {
  const stamp = Date.now();
  await logInAsDemoAdmin(page);
  const teamId = ((await api(page, 'GET', '/teams')) as { items: { id: string; name: string }[] }).items.find((t) => t.name === 'Platform')?.id;
  const schedule = await api(page, 'POST', '/schedules', {
    name: `Relied on ${stamp}`,
    teamId,
    timeZone: 'UTC',
    layers: [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [] }],
  });
  const policy = await api(page, 'POST', '/escalation-policies', {
    name: `Pages it ${stamp}`,
    teamId,
    steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: schedule.id }] }],
  });

  await page.goto(`/schedules/${schedule.id}`);
  await page.getByRole('button', { name: `Delete schedule Relied on ${stamp}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete schedule Relied on ${stamp}` });
  await dialog.getByRole('button', { name: 'Delete schedule' }).click();
  await expect(dialog.getByRole('list', { name: 'Used by' })).toContainText(`Escalation policy “Pages it ${stamp}”, step 1`);
  await expect(page).toHaveURL(new RegExp(`/schedules/${schedule.id}$`));

  await dialog.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  const after = await api(page, 'GET', `/escalation-policies/${policy.id}`);
  expect(after.steps).toEqual([{ waitSeconds: 0, targets: [] }]);
});

test('removing a layer a policy pages shows the policy in the review and can remove it anyway', async ({ page }) => {
  const stamp = Date.now();
  await logInAsDemoAdmin(page);
  const teamId = ((await api(page, 'GET', '/teams')) as { items: { id: string; name: string }[] }).items.find((t) => t.name === 'Platform')?.id;
  const rotation = { kind: 'daily', handoffTime: '09:00' };
  const schedule = await api(page, 'POST', '/schedules', {
    name: `Layered ${stamp}`,
    teamId,
    timeZone: 'UTC',
    layers: [
      { name: 'Kept', rotation, members: [] },
      { name: 'Paged', rotation, members: [] },
    ],
  });
  const layerId = (schedule.layers as { id: string; name: string }[]).find((l) => l.name === 'Paged')?.id;
  const policy = await api(page, 'POST', '/escalation-policies', {
    name: `Pages a layer ${stamp}`,
    teamId,
    steps: [{ waitSeconds: 0, targets: [{ type: 'schedule_layer', scheduleId: schedule.id, layerId }, { type: 'schedule', scheduleId: schedule.id }] }],
  });

  await page.goto(`/schedules/${schedule.id}`);
  await page.getByRole('button', { name: 'Delete layer Paged' }).click();
  const review = page.getByRole('dialog', { name: 'Review layer change' });
  await review.getByRole('button', { name: /^Save/ }).click();
  await expect(review.getByRole('list', { name: 'Used by' })).toContainText(`Escalation policy “Pages a layer ${stamp}”, step 1`);
  await review.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete layer Paged' })).toBeHidden();
  const after = await api(page, 'GET', `/escalation-policies/${policy.id}`);
  expect(after.steps[0].targets).toEqual([{ type: 'schedule', scheduleId: schedule.id }]);
});
