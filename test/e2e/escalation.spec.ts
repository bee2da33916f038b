import { expect, test, type Locator, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { restoreClock } from './schedules';
import { newPolicyStep, pick } from './pick';

test.skip(!hasChromium, installHint);

/** Adds "schedule X (whoever is on call)" to a step with its target picker. */
async function addScheduleTarget(page: Page, step: Locator, schedule: string): Promise<void> {
  await pick(page, step, 'Target type', 'Schedule (whoever is on call)');
  // Counted as soon as it is chosen: no separate "add" step.
  await pick(page, step, 'Schedule', schedule);
  await expect(step.getByRole('listitem')).toContainText([`Schedule ${schedule} (whoever is on call)`]);
}

test.afterEach(async ({ page }) => {
  await restoreClock(page);
});

test('a policy built in the editor pages L1, moves on to L2 at once when nobody in L1 can be paged, and stops when acknowledged', async ({ page }) => {
  const stamp = Date.now();
  const policyName = `Checkout escalation ${stamp}`;
  const monitorName = `Checkout ${stamp}`;
  await logInAsDemoAdmin(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalation policies' }).click();
  await page.getByRole('link', { name: 'New policy' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(policyName);
  await pick(page, page.locator('form'), 'Team', 'Platform');
  const step1 = page.getByRole('region', { name: 'Step 1' });
  await expect(step1.getByRole('heading', { name: 'Step 1: notify' })).toBeVisible();
  await addScheduleTarget(page, step1, 'Platform on-call');

  await page.getByRole('button', { name: 'Add step' }).click();
  const step2 = page.getByRole('region', { name: 'Step 2' });
  await step2.getByRole('textbox', { name: 'Wait before escalating (minutes)' }).fill('15');
  await expect(step2.getByRole('heading', { name: 'Step 2: if no one acknowledges within 15 minutes, notify' })).toBeVisible();
  await addScheduleTarget(page, step2, 'Platform L2');
  await page.getByRole('button', { name: 'Create policy' }).click();

  const policies = page.getByRole('table', { name: 'Escalation policies' });
  await expect(policies.getByRole('row').filter({ hasText: policyName })).toContainText('2 steps');
  // What was saved comes back into the editor: waits in minutes, targets by name.
  await policies.getByRole('link', { name: policyName }).click();
  await expect(page.getByRole('region', { name: 'Step 2' }).getByRole('textbox', { name: 'Wait before escalating (minutes)' })).toHaveValue('15');
  await expect(page.getByRole('region', { name: 'Step 2' }).getByRole('listitem')).toHaveText(['Schedule Platform L2 (whoever is on call)']);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('button', { name: 'New monitor' }).click();
  const create = page.getByRole('dialog', { name: 'New monitor' });
  await create.getByRole('textbox', { name: 'Name' }).fill(monitorName);
  await pick(page, create, 'Team', 'Platform');
  await pick(page, create, 'Escalation policy', policyName);
  await create.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByRole('heading', { name: monitorName, level: 2 })).toBeVisible();
  // Once other tests have made teams with policies, each policy is named with its team.
  await expect(page.getByRole('combobox', { name: 'Escalation policy' })).toHaveValue(new RegExp(`^${policyName}( \\(.+\\))?$`));

  await page.getByRole('button', { name: 'Raise test alert' }).click();
  const alert = page.getByRole('dialog', { name: 'Raise test alert' });
  await alert.getByRole('textbox', { name: 'Title' }).fill('Checkout is down');
  await alert.getByRole('button', { name: 'Raise alert' }).click();

  await expect(page.getByRole('heading', { name: 'Checkout is down', level: 2 })).toBeVisible();
  await expect(page.getByText('triggered', { exact: true })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Triggered');
  await expect(timeline).toContainText('Escalated to step 1');
  // The demo's people have no contact methods: the timeline says so, and the incident
  // does not wait 15 minutes on a step that reached nobody; when no step reaches anyone,
  // the managers and owners are told.
  await expect(async () => {
    await page.reload();
    await expect(timeline).toContainText('Nobody was reached', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(timeline).toContainText('has no notification rules: not notified');
  await expect(timeline).toContainText('Nobody in this step could be reached');
  await expect(timeline).toContainText('Escalated to step 2');
  await expect(page.getByText(`Policy ${policyName}, at step 2`)).toBeVisible();

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByText('acknowledged', { exact: true })).toBeVisible();
  await expect(timeline).toContainText('Acknowledged by Demo Admin');

  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('resolved', { exact: true })).toBeVisible();
  await expect(timeline).toContainText('Resolved by Demo Admin');
  await expect(page.getByRole('button', { name: 'Escalate' })).toBeDisabled();

  // The monitor's page lists the incident it opened.
  await page.getByRole('link', { name: monitorName }).click();
  const incidents = page.getByRole('table', { name: 'Incidents' });
  await expect(incidents.getByRole('row').filter({ hasText: 'Checkout is down' })).toContainText('resolved');
});

test('the target picker at 1440 and 390 px: a chosen schedule counts at once, and nothing runs off a phone screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAsDemoAdmin(page);
  const step1 = await newPolicyStep(page, `Picker ${Date.now()}`);
  await addScheduleTarget(page, step1, 'Platform on-call');
  await pick(page, step1, 'Target type', 'User');
  const shoot = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
    const path = testInfo.outputPath(`${name}.png`);
    await step1.screenshot({ path });
    await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
  };
  await shoot('target-picker-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(step1.getByRole('listitem')).toContainText(['Schedule Platform on-call (whoever is on call)']);
  await expect(step1.getByRole('combobox', { name: 'User' })).toBeVisible();
  // Polled: just after the resize the layout may still be settling (CI saw 1 px once).
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await shoot('target-picker-390');
});

test('API field errors on a step target are shown next to the target', async ({ page }) => {
  await logInAsDemoAdmin(page);
  const step1 = await newPolicyStep(page, `Broken ${Date.now()}`, 'Webhook URL');
  await step1.getByRole('textbox', { name: 'Webhook URL' }).fill('not a url');
  // Leaving the field adds it too; the list then grows under the pointer, so the test says Enter.
  await step1.getByRole('textbox', { name: 'Webhook URL' }).press('Enter');
  await expect(step1.getByRole('listitem')).toContainText('not a url');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(step1.getByRole('listitem').getByRole('alert')).toContainText('url');
});

test('steps are reordered with the arrows and removed', async ({ page }) => {
  await logInAsDemoAdmin(page);
  await page.goto('/escalation-policies/new');
  const step1 = page.getByRole('region', { name: 'Step 1' });
  await pick(page, step1, 'Target type', 'User');
  await pick(page, step1, 'User', /Alice Senior/);
  await page.getByRole('button', { name: 'Add step' }).click();
  const step2 = page.getByRole('region', { name: 'Step 2' });
  await pick(page, step2, 'Target type', 'Team (every member)');
  await pick(page, step2, 'Team', 'Platform');

  await page.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(step1.getByRole('listitem')).toHaveText(['Team Platform (every member)']);
  await expect(step2.getByRole('heading')).toHaveText('Step 2: if no one acknowledges within 15 minutes, notify');
  await expect(step2.getByRole('listitem')).toHaveText(['User Alice Senior']);

  await page.getByRole('button', { name: 'Remove step 1' }).click();
  await expect(step2).toBeHidden();
  await expect(step1.getByRole('listitem')).toHaveText(['User Alice Senior']);
  await expect(page.getByRole('button', { name: 'Remove step 1' })).toBeDisabled();
});

test('a saved policy shows the signing secret of each webhook target', async ({ page }) => {
  const policyName = `Webhook policy ${Date.now()}`;
  const url = `https://hooks.example.com/policy-${Date.now()}`;
  await logInAsDemoAdmin(page);
  const step1 = await newPolicyStep(page, policyName, 'Webhook URL');
  await step1.getByRole('textbox', { name: 'Webhook URL' }).fill(url);
  await step1.getByRole('textbox', { name: 'Webhook URL' }).press('Enter');
  await expect(step1.getByRole('listitem')).toContainText('Save the policy to see the signing secret of this webhook.');
  await page.getByRole('button', { name: 'Create policy' }).click();

  await page.getByRole('table', { name: 'Escalation policies' }).getByRole('link', { name: policyName }).click();
  const secret = page.getByRole('region', { name: 'Step 1' }).getByRole('group', { name: `Signing secret of ${url}` });
  await expect(secret).toContainText('••••');
  await expect(secret.getByRole('button', { name: 'Copy signing secret' })).toBeVisible();
  await secret.getByRole('button', { name: 'Show signing secret' }).click();
  await expect(secret.getByLabel('Signing secret', { exact: true })).toHaveText(/^[A-Za-z0-9_-]{43}$/);
});
