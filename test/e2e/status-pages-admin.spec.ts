import { expect, test, type Page } from '@playwright/test';
import { apiSession, logIn, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { pick } from './pick';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

/** The list's words for a page's overall state (web/src/pages/status-pages/statusWords.ts). */
const stateLabels = {
  operational: 'Operational',
  under_maintenance: 'Under maintenance',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
} as const;

/** Each tab of the editor at phone width: nothing pushes the page sideways, and a picture to look at. */
async function phoneShots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tab of ['Settings', 'Components', 'Incidents', 'Maintenance']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectNoSidewaysScroll(page);
    await shot(page, `${name}-${tab.toLowerCase()}-390`);
  }
  await page.setViewportSize({ width: 1440, height: 1000 });
}

test('a manager makes a status page from the demo monitor, publishes an incident and its update, schedules maintenance, and the public page shows them', async ({ page, request }) => {
  // The whole life of a page in one flow, with pictures at two widths: more than the usual budget.
  test.setTimeout(180_000);
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  const name = `Acme ${stamp}`;
  const slug = `acme-${stamp}`;
  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1440, height: 1000 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status pages' }).click();
  await page.getByRole('button', { name: 'New status page' }).click();
  const create = page.getByRole('dialog', { name: 'New status page' });
  await pick(page, create, 'Team', 'Platform');
  await create.getByRole('textbox', { name: 'Name' }).fill(name);
  // The slug follows the name, and the address it makes is shown.
  await expect(create.getByRole('textbox', { name: 'Slug' })).toHaveValue(slug);
  await expect(create.getByText(`/status/${slug}`)).toBeVisible();
  await create.getByRole('button', { name: 'Create page' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();

  // Settings: the hint says, as the colour is typed, which shade links take where the colour itself is too faint.
  const accent = page.getByRole('textbox', { name: 'Accent colour' });
  const hint = page.getByTestId('contrast-hint');
  await accent.fill('#ffd43b');
  await expect(hint).toContainText('Header text in black');
  await expect(hint).toContainText(/#[0-9a-f]{6} on the light page, where this colour is 1\.\d:1/);
  await expect(hint).toContainText('this colour on the dark page');
  await accent.fill('#1864ab');
  await expect(hint).toContainText('Header text in white');
  await expect(hint).toContainText(/this colour on the light page \(\d+\.\d:1\)/);
  await page.getByRole('textbox', { name: 'Description' }).fill('Live status of Acme services');
  // A password the API refuses is named at its field in words, not in the validator's.
  await page.getByRole('radio', { name: 'Anyone with a password' }).check();
  await page.getByRole('textbox', { name: 'Password' }).fill('short');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At least 8 characters')).toBeVisible();
  await page.getByRole('textbox', { name: 'Password' }).fill('acme status 2026');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  // Saved: the page has a password now, kept unless a new one is typed.
  await expect(page.getByRole('textbox', { name: 'New password' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await shot(page, 'status-page-settings-1440');
  await page.getByRole('radio', { name: 'Anyone with the address' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('textbox', { name: 'New password' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();

  // Components: a section with one component from the demo monitor, moved and saved whole.
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: 'Add section' }).click();
  const section = page.getByRole('region', { name: 'Section Services' });
  await section.getByRole('button', { name: 'Add component to Services' }).click();
  await section.getByRole('textbox', { name: 'Component name' }).fill('Website');
  await section.getByText('Set by hand').click();
  await section.getByRole('button', { name: 'Add component to Services' }).click();
  await section.getByRole('textbox', { name: 'Component name' }).nth(1).fill('API');
  await section.getByRole('combobox', { name: 'Monitors' }).click();
  await page.getByRole('option', { name: 'Demo API' }).click();
  await page.keyboard.press('Escape');
  await section.getByRole('button', { name: 'Move API up' }).click();
  await expect(section.getByRole('textbox', { name: 'Component name' }).first()).toHaveValue('API');
  await page.getByRole('button', { name: 'Save layout' }).click();
  await expect(page.getByText('Layout saved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save layout' })).toBeDisabled();
  await shot(page, 'status-page-layout-1440');

  // A public incident on the API, and an update to it.
  await page.getByRole('tab', { name: 'Incidents' }).click();
  await page.getByRole('button', { name: 'Publish incident' }).click();
  const publish = page.getByRole('dialog', { name: 'Publish an incident' });
  await publish.getByRole('textbox', { name: 'Title' }).fill('Slow API responses');
  await publish.getByRole('textbox', { name: 'Update' }).fill('Some requests take several seconds. We are looking into it.');
  await publish.getByRole('combobox', { name: 'Affected components' }).click();
  await page.getByRole('option', { name: 'API' }).click();
  await page.keyboard.press('Escape');
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(publish).toBeHidden();
  const incident = page.getByRole('article', { name: 'Slow API responses' });
  await expect(incident).toContainText('Investigating');
  await expect(incident).toContainText('Affects API');
  await incident.getByRole('button', { name: 'Post update' }).click();
  const update = page.getByRole('dialog', { name: 'Update “Slow API responses”' });
  await pick(page, update, 'Status', 'Monitoring');
  await update.getByRole('textbox', { name: 'Update' }).fill('A fix is out; response times are back to normal.');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(update).toBeHidden();
  await expect(incident.getByText('A fix is out')).toBeVisible();
  await expect(incident.getByText('Some requests take several seconds')).toBeVisible();
  await shot(page, 'status-page-incidents-1440');

  // Maintenance tomorrow on the website, in the page's zone.
  await page.getByRole('tab', { name: 'Maintenance' }).click();
  await page.getByRole('button', { name: 'Schedule maintenance' }).click();
  const plan = page.getByRole('dialog', { name: 'Schedule maintenance' });
  await plan.getByRole('textbox', { name: 'Title' }).fill('Database upgrade');
  await plan.getByRole('textbox', { name: 'What happens' }).fill('The website is read-only for up to an hour.');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await plan.getByLabel('Starts').fill(`${tomorrow}T02:00`);
  await plan.getByLabel('Ends').fill(`${tomorrow}T01:00`);
  await expect(plan.getByText('Ends after it starts')).toBeVisible();
  await plan.getByLabel('Ends').fill(`${tomorrow}T03:00`);
  await plan.getByRole('combobox', { name: 'Components' }).click();
  await page.getByRole('option', { name: 'Website' }).click();
  await page.keyboard.press('Escape');
  await plan.getByRole('button', { name: 'Schedule' }).click();
  await expect(plan).toBeHidden();
  const maintenance = page.getByRole('article', { name: 'Database upgrade' });
  await expect(maintenance).toContainText('Scheduled');
  await expect(maintenance).toContainText('Affects Website');
  await shot(page, 'status-page-maintenance-1440');

  await phoneShots(page, 'status-page');

  // The list names it, with its state and its public address; the state comes with the list, not from a preview per row.
  const pageId = new URL(page.url()).pathname.split('/').at(-1);
  const previews: string[] = [];
  page.on('request', (r) => {
    if (/^\/api\/v1\/status-pages\/[^/]+\/view$/.test(new URL(r.url()).pathname)) previews.push(r.url());
  });
  await page.getByRole('link', { name: '← All status pages' }).click();
  const row = page.getByRole('table', { name: 'Status pages' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Public');
  const { overall } = await admin.call<{ overall: keyof typeof stateLabels }>('GET', `/status-pages/${pageId}/view`);
  await expect(row).toContainText(stateLabels[overall]);
  expect(previews).toEqual([]);
  await expect(row.getByRole('link', { name: `Open the public page of ${name}` })).toHaveAttribute('href', `/status/${slug}`);
  await shot(page, 'status-pages-list-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'status-pages-list-390');
  await page.setViewportSize({ width: 1440, height: 1000 });

  // What the public sees: the components as named, the incident and its update, the maintenance.
  const pages = await admin.call<{ items: { id: string; slug: string }[] }>('GET', '/status-pages');
  const id = pages.items.find((p) => p.slug === slug)?.id ?? '';
  const view = await admin.call<{ sections: { name: string; components: { name: string }[] }[]; incidents: { title: string; entries: { status: string }[] }[]; maintenances: { title: string }[] }>(
    'GET',
    `/status-pages/${id}/view`,
  );
  expect(view.sections.map((s) => [s.name, s.components.map((c) => c.name)])).toEqual([['Services', ['API', 'Website']]]);
  expect(view.incidents.map((i) => [i.title, i.entries.map((e) => e.status)])).toEqual([['Slow API responses', ['monitoring', 'investigating']]]);
  expect(view.maintenances.map((m) => m.title)).toEqual(['Database upgrade']);
  const [publicPage] = await Promise.all([page.waitForEvent('popup'), row.getByRole('link', { name: `Open the public page of ${name}` }).click()]);
  await expect(publicPage.getByRole('banner').getByRole('link', { name })).toBeVisible();
  const services = publicPage.getByRole('region', { name: 'Services' });
  await expect(services.getByRole('heading', { level: 3 })).toHaveText(['API', 'Website']);
  await expect(publicPage.getByRole('article').filter({ hasText: 'Slow API responses' })).toContainText('A fix is out');
  await expect(publicPage.getByRole('article').filter({ hasText: 'Database upgrade' })).toContainText('Affects Website');
  // The monitor behind a component stays private.
  await expect(publicPage.getByText('Demo API')).toHaveCount(0);
  await shot(publicPage, 'status-page-public-1440');
});

test('from an incident, a responder publishes a status update linked to it, and the incident lists it', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  const teams = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams');
  const teamId = teams.items.find((t) => t.name === 'Platform')?.id;
  const statusPage = await admin.call<{ id: string }>('POST', '/status-pages', { teamId, name: `Linked ${stamp}`, slug: `linked-${stamp}`, timeZone: 'Europe/Berlin', accentColor: '#1971c2', access: 'public' });
  const monitors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/monitors?limit=200');
  const demo = monitors.items.find((m) => m.name === 'Demo API')?.id ?? '';
  await admin.call('PUT', `/status-pages/${statusPage.id}/layout`, { sections: [{ name: 'Services', components: [{ name: 'Checkout', monitorIds: [demo], manualState: null }] }] });
  const { incident } = await admin.call<{ incident: { id: string } }>('POST', `/monitors/${demo}/alerts`, { title: `Checkout errors ${stamp}` });

  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole('button', { name: 'Publish status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish status update' });
  await pick(page, dialog, 'Status page', `Linked ${stamp}`);
  // The internal title is not offered: the public one is written for the public.
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Checkout is failing for some customers');
  await dialog.getByRole('textbox', { name: 'Update' }).fill('We are investigating failed payments.');
  await dialog.getByRole('combobox', { name: 'Affected components' }).click();
  await page.getByRole('option', { name: 'Checkout' }).click();
  await page.keyboard.press('Escape');
  await shot(page, 'publish-from-incident-1440', false);
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  const linked = page.getByRole('link', { name: 'Checkout is failing for some customers' });
  await expect(linked).toBeVisible();
  await expect(page.getByText(`on Linked ${stamp}`)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'publish-from-incident-390');
  await linked.click();
  await expect(page.getByRole('article', { name: 'Checkout is failing for some customers' })).toContainText('Investigating');
  await admin.call('POST', `/incidents/${incident.id}/resolve`);
});

/** An 8×8 blue PNG. */
const logoPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGOQLDyEFTEMLQkARGhTATWRhQsAAAAASUVORK5CYII=', 'base64');

test('a logo is uploaded, shown and removed; unsaved settings are asked about; a refused layout names its field; maintenance is edited and cancelled', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  const teams = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams');
  const teamId = teams.items.find((t) => t.name === 'Platform')?.id;
  const name = `Details ${stamp}`;
  const statusPage = await admin.call<{ id: string }>('POST', '/status-pages', { teamId, name, slug: `details-${stamp}`, timeZone: 'Europe/Berlin', accentColor: '#1971c2', access: 'public' });
  const layout = await admin.call<{ sections: { components: { id: string }[] }[] }>('PUT', `/status-pages/${statusPage.id}/layout`, {
    sections: [{ name: 'Services', components: [{ name: 'Website', monitorIds: [], manualState: 'operational' }] }],
  });
  const websiteId = layout.sections[0]?.components[0]?.id;
  const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
  await admin.call('POST', `/status-pages/${statusPage.id}/maintenances`, { title: 'Network work', body: 'Short interruptions.', startsAt, endsAt, componentIds: [websiteId] });

  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/status-pages/${statusPage.id}`);

  // A logo: refused in words when it is not an accepted image, shown once uploaded, then removed.
  await expect(page.getByText('No logo: the page shows its name.')).toBeVisible();
  const file = page.locator('input[type="file"]');
  await file.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(page.getByText('logo.svg is not a PNG, JPEG or WebP image (SVG logos are refused: they can carry scripts).')).toBeVisible();
  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng });
  const logo = page.getByRole('img', { name: `Logo of ${name}` });
  await expect(logo).toBeVisible();
  // Served by the public page's logo route: the browser decoded it.
  await expect.poll(() => logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(8);
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('No logo: the page shows its name.')).toBeVisible();

  // Leaving with unsaved settings asks first.
  await page.getByRole('textbox', { name: 'Name' }).fill(`${name} renamed`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(`${name} renamed`);
  await page.getByRole('button', { name: 'Undo changes' }).click();

  // A section name longer than the API takes is named at its field.
  await page.getByRole('tab', { name: 'Components' }).click();
  const sectionName = page.getByRole('textbox', { name: 'Section name' });
  await sectionName.fill('S'.repeat(201));
  await page.getByRole('button', { name: 'Save layout' }).click();
  await expect(page.getByRole('region', { name: /^Section S+$/ }).getByText('At most 200 characters')).toBeVisible();
  // Back as saved: nothing to save.
  await sectionName.fill('Services');
  await expect(page.getByRole('button', { name: 'Save layout' })).toBeDisabled();

  // Maintenance: its times show in the page's zone when edited; renamed, then cancelled.
  await page.getByRole('tab', { name: 'Maintenance' }).click();
  const item = page.getByRole('article', { name: 'Network work' });
  await item.getByRole('button', { name: 'Edit Network work' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Network work”' });
  await expect(edit.getByText('Times in the page’s zone, Europe/Berlin')).toBeVisible();
  await edit.getByRole('textbox', { name: 'Title' }).fill('Network upgrade');
  await edit.getByRole('button', { name: 'Save maintenance' }).click();
  await expect(edit).toBeHidden();
  const renamed = page.getByRole('article', { name: 'Network upgrade' });
  await expect(renamed).toContainText('Affects Website');
  await renamed.getByRole('button', { name: 'Cancel Network upgrade' }).click();
  // Before its start: the manager is told what its subscribers will hear.
  const cancel = page.getByRole('dialog', { name: 'Cancel Network upgrade' });
  await expect(cancel).toContainText('is taken off the public page; subscribers are told it is cancelled.');
  await shot(page, 'status-page-maintenance-cancel-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(cancel.getByRole('button', { name: 'Cancel maintenance' })).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await shot(page, 'status-page-maintenance-cancel-390', false);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await cancel.getByRole('button', { name: 'Cancel maintenance' }).click();
  await expect(renamed).toBeHidden();
  await expect(page.getByText('No maintenance scheduled.')).toBeVisible();
});

test('a responder is offered no new status page until they manage a team, and then only for the teams they manage', async ({ page, request }) => {
  const reader = await newUser(request, 'pagereader');
  const teams = await reader.admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams');
  const platform = teams.items.find((t) => t.name === 'Platform');
  await reader.admin.call('PUT', `/teams/${platform?.id}/members/${reader.id}`, { role: 'member' });

  await logIn(page, reader);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/status-pages');
  // The button is decided by the same answer as the list: once the list is in, its absence is the answer, not a wait.
  await expect(page.getByRole('table', { name: 'Status pages' }).or(page.getByText('No status pages yet.'))).toBeVisible();
  await expect(page.getByRole('button', { name: 'New status page' })).toHaveCount(0);

  await reader.admin.call('PUT', `/teams/${platform?.id}/members/${reader.id}`, { role: 'manager' });
  await page.reload();
  await page.getByRole('button', { name: 'New status page' }).click();
  const create = page.getByRole('dialog', { name: 'New status page' });
  await create.getByRole('combobox', { name: 'Team' }).click();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveText(['Platform']);
});
