import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { pick } from './pick';

test.skip(!hasChromium, installHint);

const plan = (page: Page) => page.getByRole('region', { name: 'Paging plan' });
const planStep = (page: Page, n: number) => plan(page).getByRole('group', { name: `Paging plan, step ${n}` });
// Nobody in the demo gives Dave Viewer a contact method: nothing can reach him.
const daveWarning = 'Dave Viewer has no verified contact method: nothing reaches them';

test('the policy editor shows the plan of the draft before saving; a saved policy that reaches nobody is flagged', async ({ page }) => {
  const policyName = `Dave only ${Date.now()}`;
  await logInAsDemoAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalation policies' }).click();
  await page.getByRole('link', { name: 'New policy' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(policyName);
  await pick(page, page.locator('form'), 'Team', 'Platform');
  await expect(plan(page)).toContainText('Give every step a target to see who would be paged.');

  const step1 = page.getByRole('region', { name: 'Step 1' });
  await pick(page, step1, 'Target type', 'User');
  await pick(page, step1, 'User', /Dave Viewer/);
  await expect(planStep(page, 1)).toContainText('Dave Viewer');
  await expect(planStep(page, 1)).toContainText('Reaches nobody');
  const warnings = planStep(page, 1).getByRole('group', { name: 'Warnings for step 1' });
  await expect(warnings).toContainText(daveWarning);
  await expect(warnings).toContainText('Nobody in this step can be paged: the incident would move on without waiting');

  await page.getByRole('button', { name: 'Add step' }).click();
  const step2 = page.getByRole('region', { name: 'Step 2' });
  await step2.getByRole('textbox', { name: 'Wait before escalating (minutes)' }).fill('10');
  await pick(page, step2, 'Target type', 'Slack URL');
  await step2.getByRole('textbox', { name: 'Slack webhook URL' }).fill('https://hooks.slack.test/e2e');
  await step2.getByRole('textbox', { name: 'Slack webhook URL' }).press('Enter');
  await expect(planStep(page, 2).getByRole('list', { name: 'Who step 2 pages' })).toHaveText('Slack https://hooks.slack.test/e2e · at once');
  // Step 1 reaches nobody, so the engine would not wait the 10 minutes.
  await expect(planStep(page, 2)).toContainText('at once');

  // "If it fired at" another time: the steps move with it. The plan answers only within
  // 732 days of now, so the date follows the calendar.
  const nextJanuary = `${new Date().getFullYear() + 1}-01-05T12:00`;
  await plan(page).getByRole('textbox', { name: 'If it fired at' }).fill(nextJanuary);
  await expect(planStep(page, 1)).toContainText('Jan 5, 12:00');
  await expect(planStep(page, 2)).toContainText('Jan 5, 12:00');

  await page.setViewportSize({ width: 390, height: 844 });
  await plan(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/pp/paging-plan-editor-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Create policy' }).click();
  const row = page.getByRole('table', { name: 'Escalation policies' }).getByRole('row').filter({ hasText: policyName });
  await expect(row).toContainText('Reaches nobody');
  await row.getByRole('link', { name: policyName }).click();
  await expect(page.getByRole('alert', { name: 'Step 1 reaches nobody right now' })).toContainText(daveWarning);
  await page.screenshot({ path: '/tmp/pp/paging-plan-policy.png', fullPage: true });
});

test("the monitor page shows who its policy would page, step by step", async ({ page }) => {
  await logInAsDemoAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('link', { name: 'Demo API' }).click();
  await expect(plan(page)).toBeVisible();
  // The demo's L2 schedule always has the demo admin. Nobody on the primary schedule has
  // a contact method, so step 1 reaches nobody and step 2 follows at once.
  await expect(planStep(page, 1)).toContainText('Reaches nobody');
  await expect(planStep(page, 2)).toContainText('at once');
  await expect(planStep(page, 2).getByRole('list', { name: 'Who step 2 pages' })).toContainText('Demo Admin');
  await expect(plan(page)).toContainText('Escalation ends at');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(planStep(page, 2)).toContainText('Demo Admin');
  await page.screenshot({ path: '/tmp/pp/paging-plan-monitor-390.png', fullPage: true });
});
