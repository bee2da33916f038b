// Schedule calendar rendering benchmark: a schedule with 5 layers and 100 overrides, made
// through the API on a fresh Vigil (built UI, SQLite), opened in Debian's Chromium. Each run
// loads the schedule page (week view), then switches to the month view, then steps to the
// next month, and reads Chromium's ScriptDuration (CDP Performance.getMetrics) before and
// after each step: all the JavaScript the step ran (the month's fetch, React's render, the
// lanes' layout effects) until the month is on screen. Goal: at most 100 ms of script time.
// The steps are clicked and waited for from outside the page (input events, CDP's DOM
// domain), so none of the benchmark's own script is counted.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../test/e2e/chromium.js';
import { demoAdmin } from '../test/support/demo-admin.js';
import { startServerProcess } from '../test/support/server-process.js';
import { freePort } from '../test/support/storm.js';

const RUNS = 7;
const LAYERS = 5;
const OVERRIDES = 100;
const SCRIPT_BUDGET_MS = 100;
const HOUR = 3_600_000;
/** VIGIL_BENCH_CALENDAR_PROFILE=<file.cpuprofile>: the page's CPU profile of the last run's next-month step (read it with bench/cpuprofile-top.ts; an unminified build names functions). */
const profileFile = process.env['VIGIL_BENCH_CALENDAR_PROFILE'];
const webDir = process.env['VIGIL_WEB_DIR'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

async function loggedIn(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; csrf: Record<string, string> }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const login = await context.request.post('/api/v1/auth/login', { data: { email: demoAdmin.email, password: demoAdmin.password }, headers: { origin: baseURL } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await (await context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  return { context, csrf: { 'x-csrf-token': csrfToken } };
}

async function call<T>(context: BrowserContext, csrf: Record<string, string>, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const answer = await context.request.fetch(`/api/v1${url}`, { method, headers: csrf, ...(data !== undefined && { data }) });
  if (!answer.ok()) throw new Error(`${method} ${url}: ${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** Five layers of different kinds over the demo's people, and 100 overrides over the next five weeks. */
async function bigSchedule(context: BrowserContext, csrf: Record<string, string>): Promise<string> {
  const team = (await call<{ items: { id: string }[] }>(context, csrf, 'GET', '/teams')).items[0];
  const users = (await call<{ items: { id: string }[] }>(context, csrf, 'GET', '/users?limit=100')).items.map((u) => u.id);
  const rotations = [
    { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' },
    { kind: 'daily', handoffTime: '17:00' },
    { kind: 'custom', every: 12, unit: 'hours', anchor: '2025-01-06T08:00' },
    { kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] },
    { kind: 'custom', every: 8, unit: 'hours', anchor: '2025-01-06T06:00' },
  ];
  const restrictions = [
    { kind: 'business_hours' },
    { kind: 'always' },
    { kind: 'weekends' },
    { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '22:00', endTime: '06:00' }] },
    { kind: 'always' },
  ];
  const schedule = await call<{ id: string; layers: { id: string }[] }>(context, csrf, 'POST', '/schedules', {
    name: 'Calendar bench',
    teamId: team?.id,
    timeZone: 'America/Chicago',
    layers: Array.from({ length: LAYERS }, (_, i) => ({
      name: `Layer ${i + 1}`,
      rotation: rotations[i],
      restriction: restrictions[i],
      members: users.map((_, k) => users[(k + i) % users.length]),
    })),
  });
  const start = Math.ceil(Date.now() / HOUR) * HOUR + HOUR;
  for (let i = 0; i < OVERRIDES; i++) {
    // Spread over five weeks, 2 to 20 hours long; every sixth schedule-wide.
    const from = start + Math.floor((i * 35 * 24) / OVERRIDES) * HOUR;
    await call(context, csrf, 'POST', `/schedules/${schedule.id}/overrides`, {
      layerId: i % 6 === 5 ? null : schedule.layers[i % LAYERS]?.id,
      userId: users[i % users.length],
      start: new Date(from).toISOString(),
      end: new Date(from + (2 + (i % 10) * 2) * HOUR).toISOString(),
    });
  }
  return schedule.id;
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

async function scriptMs(cdp: Cdp): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/**
 * Waits until a selector matches (or, with present false, no longer does), asking from
 * outside the page: CDP's DOM domain runs no script in it, where Playwright's locators poll
 * with a script that Chromium counts as the page's own (about 20 ms of a step).
 */
async function domWait(cdp: Cdp, selector: string, present = true): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    if ((nodeId !== 0) === present) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${selector} to be ${present ? 'present' : 'gone'}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A month is on screen once its first band is drawn and no fetch is under way. */
async function monthShown(page: Page, cdp: Cdp, first: string): Promise<void> {
  await domWait(cdp, `[aria-label="Final schedule row, week of ${first}"]`);
  await domWait(cdp, '[aria-label="Loading calendar"]', false);
  await page.waitForLoadState('networkidle');
}

/** The week the first band of a month begins, read through CDP like domWait. */
async function bandWeek(cdp: Cdp): Promise<string> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[aria-label^="Final schedule row, week of "]' })) as { nodeId: number };
  const { attributes } = (await cdp.send('DOM.getAttributes', { nodeId })) as { attributes: string[] };
  return (attributes[attributes.indexOf('aria-label') + 1] ?? '').replace('Final schedule row, week of ', '');
}

/** Where to click, found before a step is measured; the click itself is a plain input event (Playwright's click checks the target with a script in the page). */
async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** One run: the page in week view, then the month, then the next month. */
async function measureRun(context: BrowserContext, scheduleId: string, profile = false): Promise<{ monthMs: number; nextMonthMs: number; blocks: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`/schedules/${scheduleId}`);
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await calendar.getByRole('group', { name: 'Final schedule row' }).getByRole('button').first().waitFor();
  await page.waitForLoadState('networkidle');

  const monthLabel = await centre(page, '[aria-label="Calendar"] label:has-text("Month")');
  const before = await scriptMs(cdp);
  await page.mouse.click(monthLabel.x, monthLabel.y);
  await domWait(cdp, '[aria-label^="Final schedule row, week of "]');
  const first = await bandWeek(cdp);
  await monthShown(page, cdp, first);
  const month = await scriptMs(cdp);

  const next = await centre(page, '[aria-label="Next month"]');
  // The step's own measurement starts here: the lookups above ran script in the page.
  const beforeNext = await scriptMs(cdp);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await page.mouse.click(next.x, next.y);
  await domWait(cdp, `[aria-label="Final schedule row, week of ${first}"]`, false);
  await domWait(cdp, '[aria-label^="Final schedule row, week of "]');
  await monthShown(page, cdp, await bandWeek(cdp));
  const after = await scriptMs(cdp);
  if (profile && profileFile !== undefined) writeFileSync(profileFile, JSON.stringify(((await cdp.send('Profiler.stop')) as { profile: unknown }).profile));
  const blocks = await calendar.getByRole('button', { name: /^(Final|Gap|Layer \d)/ }).count();
  await page.close();
  return { monthMs: month - before, nextMonthMs: after - beforeNext, blocks };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const figures = (values: number[]) => ({ median: Math.round(median(values) * 10) / 10, max: Math.round(Math.max(...values) * 10) / 10 });

export async function run() {
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  if (!existsSync(path.join(webDir, 'index.html'))) throw new Error(`no built UI in ${webDir}: run npm run build:web first`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-calendar-'));
  const server = await startServerProcess({ VIGIL_DATABASE_URL: `sqlite:${path.join(dir, 'vigil.db')}`, VIGIL_WEB_DIR: webDir }, await freePort());
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const loadBefore = os.loadavg();
  try {
    const { context, csrf } = await loggedIn(browser, server.url);
    const scheduleId = await bigSchedule(context, csrf);
    // One unmeasured run: the server's first answers and the browser's first compile are not what a user repeats.
    await measureRun(context, scheduleId);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureRun(context, scheduleId, i === RUNS - 1 && profileFile !== undefined));
    const month = runs.map((r) => r.monthMs);
    const nextMonth = runs.map((r) => r.nextMonthMs);
    return {
      runs: RUNS,
      chromium: browser.version(),
      schedule: { layers: LAYERS, overrides: OVERRIDES, blocksInNextMonth: runs[0]?.blocks },
      loadAverage: { before: loadBefore, after: os.loadavg() },
      budget: { scriptMs: SCRIPT_BUDGET_MS },
      scriptMs: { weekToMonth: figures(month), nextMonth: figures(nextMonth) },
      pass: Math.max(...month, ...nextMonth) <= SCRIPT_BUDGET_MS,
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
