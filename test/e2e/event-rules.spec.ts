import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiSession, logIn, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

async function demoIds(call: Awaited<ReturnType<typeof apiSession>>['call']) {
  const teams = await call<{ items: { id: string; name: string }[] }>('GET', '/teams');
  const policies = await call<{ items: { id: string; name: string }[] }>('GET', '/escalation-policies?limit=200');
  return { teamId: teams.items.find((t) => t.name === 'Platform')?.id, policyId: policies.items.find((p) => p.name === 'Primary with L2 backup')?.id };
}

/** Fills a condition row of a rule card. */
async function condition(page: Page, rule: Locator, label: string, field: string, op: string, value: string) {
  await rule.getByRole('textbox', { name: `Field of ${label}` }).fill(field);
  await rule.getByRole('combobox', { name: `Operator of ${label}` }).click();
  await page.getByRole('option', { name: op }).click();
  await rule.getByRole('textbox', { name: new RegExp(`^(Value|Pattern) of ${label}$`) }).fill(value);
}

test("a monitor's event rules are edited, reordered, refused at the bad field, saved, tested on a sample and applied to events", async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  const monitor = await admin.call<{ id: string; integrationKey: string }>('POST', '/monitors', { name: `Orders ${stamp}`, kind: 'webhook', ...(await demoIds(admin.call)) });

  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`/monitors/${monitor.id}`);
  const form = page.getByRole('form', { name: 'Event rules' });
  await expect(form.getByText('No rules: every event is raised as its sender describes it.')).toBeVisible();

  await form.getByRole('button', { name: 'Add rule' }).click();
  const first = form.getByRole('region', { name: 'Rule 1' });
  await first.getByRole('textbox', { name: 'Name' }).fill('Quiet warnings');
  await condition(page, first, 'condition 1 of rule 1', 'severity', 'equals', 'warning');
  await first.getByRole('switch', { name: 'Suppress' }).check();

  await form.getByRole('button', { name: 'Add rule' }).click();
  const second = form.getByRole('region', { name: 'Rule 2' });
  await second.getByRole('textbox', { name: 'Name' }).fill('Database');
  await condition(page, second, 'condition 1 of rule 2', 'details.host', 'matches (regex)', '^db-(');
  await second.getByRole('textbox', { name: 'Title' }).fill('DB: {{title}}');
  await second.getByRole('combobox', { name: 'Urgency' }).click();
  await page.getByRole('option', { name: 'Low' }).click();

  // The server refuses the pattern; the message stands at that field of that rule.
  await form.getByRole('button', { name: 'Save rules' }).click();
  const pattern = second.getByRole('textbox', { name: 'Pattern of condition 1 of rule 2' });
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByText(/not a regular expression/)).toBeVisible();
  await pattern.fill('^db-\\d+$');

  // Reordered from the keyboard: the Database rule goes first.
  await second.getByRole('button', { name: 'Move rule 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('region', { name: 'Rule 1' }).getByRole('heading')).toHaveText('1. Database');
  await expect(form.getByRole('region', { name: 'Rule 2' }).getByRole('heading')).toHaveText('2. Quiet warnings');
  // The focus stays on the moved rule's button, now at the top (where it does nothing).
  await expect(form.getByRole('button', { name: 'Move rule 1 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('region', { name: 'Rule 1' }).getByRole('heading')).toHaveText('1. Database');

  // Leaving with unsaved edits asks first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(new RegExp(`/monitors/${monitor.id}$`));

  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Event rules saved: 2 rules.')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Save rules' })).toBeDisabled();

  // The sample (a webhook event from db-1) meets the Database rule first, which decides.
  const tester = page.getByRole('region', { name: 'Test with a sample event' });
  const eventBox = tester.getByRole('textbox', { name: 'Event (JSON, as the sender sends it)' });
  await expect(eventBox).toHaveValue(/"dedupKey": "disk-db-1"/);
  await tester.getByRole('button', { name: 'Run test' }).click();
  const outcome = tester.getByRole('region', { name: 'Dry-run result' });
  await expect(outcome.getByText('Database', { exact: true })).toBeVisible();
  await expect(outcome.getByRole('row', { name: 'Title DB: Disk almost full on db-1' })).toBeVisible();
  await expect(outcome.getByRole('row', { name: 'Urgency low' })).toBeVisible();
  await expect(outcome.getByRole('row', { name: 'Suppressed No' })).toBeVisible();
  // A warning from another host meets only the quiet rule.
  await eventBox.fill(JSON.stringify({ title: 'Queue slow', dedupKey: 'queue', severity: 'warning', details: { host: 'mq-1' } }));
  await tester.getByRole('button', { name: 'Run test' }).click();
  await expect(outcome.getByText('Quiet warnings', { exact: true })).toBeVisible();
  await expect(outcome.getByRole('row', { name: /^Suppressed Yes/ })).toBeVisible();
  await eventBox.fill('{ not json');
  await tester.getByRole('button', { name: 'Run test' }).click();
  await expect(tester.getByText(/This is not JSON/)).toBeVisible();
  await shot(page, 'event-rules-monitor-1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'event-rules-monitor-390');
  await expectNoSidewaysScroll(page);

  // Saved, in order, after a reload.
  await page.reload();
  await expect(form.getByRole('region', { name: 'Rule 1' }).getByRole('heading')).toHaveText('1. Database');
  await expect(form.getByRole('region', { name: 'Rule 2' }).getByRole('heading')).toHaveText('2. Quiet warnings');

  // A real warning is recorded without paging: the list marks it, the incident says why and pages on demand.
  const sent = await request.post(`/api/v1/integrations/webhook?key=${monitor.integrationKey}`, {
    data: { action: 'trigger', title: `Queue slow ${stamp}`, dedupKey: 'queue', severity: 'warning' },
  });
  expect(sent.status()).toBe(202);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`/incidents?suppressed=true&q=${stamp}`);
  const row = page.getByRole('table', { name: 'Incidents' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.first()).toContainText('suppressed');
  await row.first().getByRole('link', { name: `Queue slow ${stamp}` }).click();
  const notice = page.getByRole('alert', { name: 'Suppressed: nobody has been paged' });
  await expect(notice).toContainText('Suppressed by the event rule Quiet warnings.');
  await page.getByRole('button', { name: 'Page now' }).click();
  await expect(page.getByText('Paging step 1 of its policy now.')).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('button', { name: 'Escalate' })).toBeVisible();
});

test('admins keep global rules on their own page and test them on a monitor', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  await admin.call('POST', '/monitors', { name: `Alerts ${stamp}`, kind: 'alertmanager', ...(await demoIds(admin.call)) });

  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Event rules' }).click();
  await expect(page.getByRole('heading', { name: 'Global event rules' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Event rules' });
  await form.getByRole('button', { name: 'Add rule' }).click();
  const rule = form.getByRole('region', { name: 'Rule 1' });
  await rule.getByRole('textbox', { name: 'Name' }).fill(`Drop tests ${stamp}`);
  await condition(page, rule, 'condition 1 of rule 1', 'labels.env', 'equals', `test-${stamp}`);
  await rule.getByRole('switch', { name: 'Drop the event' }).check();
  await expect(rule.getByRole('switch', { name: 'Suppress' })).toBeHidden();
  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText(/Event rules saved/)).toBeVisible();

  const tester = page.getByRole('region', { name: 'Test with a sample event' });
  await tester.getByRole('combobox', { name: 'Monitor' }).click();
  await page.getByRole('option', { name: new RegExp(`^Alerts ${stamp}`) }).click();
  const eventBox = tester.getByRole('textbox', { name: 'Event (JSON, as the sender sends it)' });
  await expect(eventBox).toHaveValue(/"alertname": "DiskAlmostFull"/);
  await tester.getByRole('button', { name: 'Run test' }).click();
  const outcome = tester.getByRole('region', { name: 'Dry-run result' });
  await expect(outcome.getByText('no rule')).toBeVisible();
  await eventBox.fill(JSON.stringify({ labels: { alertname: 'Probe', env: `test-${stamp}` }, annotations: {} }));
  await tester.getByRole('button', { name: 'Run test' }).click();
  await expect(outcome.getByText(`Drop tests ${stamp}`, { exact: true })).toBeVisible();
  await expect(outcome.getByRole('row', { name: /^Dropped Yes/ })).toBeVisible();
  await shot(page, 'event-rules-global-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'event-rules-global-390');
  await expectNoSidewaysScroll(page);

  // The organisation's list is shared with every other spec: it is left empty again.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await rule.getByRole('button', { name: 'Remove rule 1', exact: true }).click();
  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Event rules saved: none now.')).toBeVisible();
});

test("someone outside the monitor's team reads its rules and tests events, but cannot change them", async ({ page, request }) => {
  const outsider = await newUser(request, 'outsider');
  const stamp = Date.now();
  const monitor = await outsider.admin.call<{ id: string }>('POST', '/monitors', { name: `Payments ${stamp}`, kind: 'pagerduty', ...(await demoIds(outsider.admin.call)) });
  await outsider.admin.call('PUT', `/monitors/${monitor.id}/event-rules`, {
    rules: [{ name: 'Warnings are low', when: [{ field: 'payload.severity', op: 'equals', value: 'warning' }], then: { urgency: 'low' } }],
  });

  await logIn(page, outsider);
  await page.goto(`/monitors/${monitor.id}`);
  const rule = page.getByRole('region', { name: 'Rule 1' });
  await expect(rule.getByRole('textbox', { name: 'Name' })).toHaveValue('Warnings are low');
  await expect(rule.getByRole('textbox', { name: 'Name' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save rules' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add rule' })).toHaveCount(0);
  const tester = page.getByRole('region', { name: 'Test with a sample event' });
  await expect(tester.getByRole('textbox', { name: 'Event (JSON, as the sender sends it)' })).toHaveValue(/"severity": "critical"/);
  await tester.getByRole('button', { name: 'Run test' }).click();
  await expect(tester.getByRole('region', { name: 'Dry-run result' }).getByRole('row', { name: 'Urgency high' })).toBeVisible();
});
