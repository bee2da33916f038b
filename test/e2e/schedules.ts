import { expect, test, type Page } from '@playwright/test';
import { logInAsDemoAdmin } from './demo';
import { pick } from './pick';

const zone = 'America/Chicago';

function chicagoParts(ms: number): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  return Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
}

/** The instant of a Chicago wall-clock time (the zone is -6 or -5 hours from UTC). */
export function chicago(date: string, time: string): string {
  for (const offset of [6, 5]) {
    const ms = Date.parse(`${date}T${time}:00Z`) + offset * 3_600_000;
    const p = chicagoParts(ms);
    if (`${p['year']}-${p['month']}-${p['day']}` === date && `${p['hour']}:${p['minute']}` === time) return new Date(ms).toISOString();
  }
  throw new Error(`${date} ${time} does not exist in ${zone}`);
}

/**
 * A Tuesday a few days ahead in Chicago: in the future, so the session made at the
 * real time stays valid, and near, so it is well within the session's lifetime.
 */
export function comingTuesday(): string {
  for (let days = 2; ; days++) {
    const p = chicagoParts(Date.now() + days * 86_400_000);
    if (p['weekday'] === 'Tue') return `${p['year']}-${p['month']}-${p['day']}`;
  }
}

export async function freezeClock(page: Page, at: string): Promise<void> {
  const answer = await page.request.post('/api/v1/test/clock', { data: { freeze: true, set: at } });
  expect(answer.ok()).toBe(true);
}

export async function advanceClock(page: Page, ms: number): Promise<void> {
  const answer = await page.request.post('/api/v1/test/clock', { data: { advanceMs: ms } });
  expect(answer.ok()).toBe(true);
}

/** Back to the real time, running: later tests must not inherit a frozen clock. */
export async function restoreClock(page: Page): Promise<void> {
  const answer = await page.request.post('/api/v1/test/clock', { data: { set: new Date().toISOString(), freeze: false } });
  expect(answer.ok()).toBe(true);
}

/** Every test of the file that calls this gives the clock back afterwards, whatever it did to it. */
export function restoreClockAfterEach(): void {
  test.afterEach(async ({ page }) => {
    await restoreClock(page);
  });
}

/**
 * Every test of the file that calls this starts logged in as the demo admin, with the
 * server clock frozen at the coming Tuesday 10:00 in Chicago (business hours; the demo
 * admin's zone), and gives the clock back afterwards.
 */
export function onTuesdayMorningInChicago(): void {
  test.beforeEach(async ({ page }) => {
    await logInAsDemoAdmin(page);
    await freezeClock(page, chicago(comingTuesday(), '10:00'));
  });
  restoreClockAfterEach();
}

/** Calls the API as the page's user (with its CSRF token) and expects a 2xx. */
export async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const answer = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'x-csrf-token': csrfToken }, ...(data !== undefined && { data }) });
  expect(answer.ok(), await answer.text()).toBe(true);
  return (await answer.json()) as T;
}

/** The demo's Platform team, and a demo person's id by email, as the page's user reads them. */
export async function demoPlatform(page: Page): Promise<{ teamId: string; user: (email: string) => string }> {
  const team = (await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/teams')).items.find((t) => t.name === 'Platform');
  const users = (await api<{ items: { id: string; email: string }[] }>(page, 'GET', '/users?limit=100')).items;
  return { teamId: team?.id ?? '', user: (email) => users.find((u) => u.email === email)?.id ?? '' };
}

/**
 * The seed's two-layer schedule, built through the UI: "Senior" (weekly Monday 09:00,
 * weekday business hours, Alice) and "After hours" (daily 17:00, always, Bob and Carol).
 * Ends on the new schedule's page.
 */
export async function buildSeedSchedule(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedules' }).click();
  await page.getByRole('button', { name: 'New schedule' }).click();
  const create = page.getByRole('dialog', { name: 'New schedule' });
  await create.getByRole('textbox', { name: /^Name/ }).fill(name);
  await pick(page, create, 'Team', 'Platform');
  await expect(create.getByRole('combobox', { name: 'Time zone', exact: true })).toHaveValue(zone);
  await create.getByRole('textbox', { name: /^Layer name/ }).fill('Senior');
  await create.getByRole('radio', { name: 'Weekly' }).check();
  await pick(page, create, 'Handoff day', 'Monday');
  await create.getByLabel('Handoff time').fill('09:00');
  await create.getByRole('radio', { name: /Weekday business hours/ }).check();
  await pick(page, create, 'Add to rotation', /Alice Senior/);
  await expect(create.getByRole('listitem', { name: '1. Alice Senior' })).toBeVisible();
  await create.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Add layer' }).click();
  const add = page.getByRole('dialog', { name: 'Add layer' });
  await add.getByRole('textbox', { name: /^Layer name/ }).fill('After hours');
  await add.getByRole('radio', { name: 'Daily' }).check();
  await add.getByLabel('Handoff time').fill('17:00');
  await add.getByRole('radio', { name: 'Always' }).check();
  await pick(page, add, 'Add to rotation', /Bob Night/);
  await pick(page, add, 'Add to rotation', /Carol Night/);
  await expect(add.getByRole('listitem')).toHaveText(['1. Bob Night', '2. Carol Night']);
  await add.getByRole('button', { name: 'Review and add' }).click();
  const review = page.getByRole('dialog', { name: 'Review new layer' });
  // With nights covered, the two layers leave no gap.
  await expect(review.getByText('No coverage gaps in the next two weeks.')).toBeVisible();
  await review.getByRole('button', { name: 'Save change' }).click();
  await expect(review).toBeHidden();
  await expect(layerHeadings(page)).toHaveText(['Senior', 'After hours']);
}

/** The editor's layer names, top first. */
export const layerHeadings = (page: Page) => page.getByRole('region', { name: 'Layers' }).getByRole('heading', { level: 4 });

/** The Currently On-Call banner of one schedule, and one layer's card in it. */
export const banner = (page: Page, schedule: string) => page.getByRole('region', { name: `Currently On-Call: ${schedule}` });
export const card = (page: Page, schedule: string, layer: string) => banner(page, schedule).getByRole('article', { name: layer });

/** Opens a layer's focused editor from its card; the editor is a dialog named after the layer. */
export async function openEditor(page: Page, layer: string) {
  await page.getByRole('region', { name: `Layer ${layer}` }).getByRole('button', { name: `Edit layer ${layer}` }).click();
  const editor = page.getByRole('dialog', { name: `Edit layer ${layer}` });
  await expect(editor).toBeVisible();
  return editor;
}
