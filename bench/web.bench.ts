// Web UI delivery benchmark: the built UI (web/dist, or VIGIL_WEB_DIR) served by a Vigil
// process on a fresh SQLite database, loaded in Debian's Chromium as the browser tests use
// it. Each run starts from a cold cache: the login page; then, logged in, the on-call page
// and a reload of it. Reports the JavaScript transferred (compressed, as sent) against the
// 200 KB budget, everything transferred, first contentful paint against the 1 s budget, and
// what the warm reload still downloads. VIGIL_BENCH_WEB_BASELINE=<built UI> measures an
// older build in turns with this one.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../test/e2e/chromium.js';
import { demoAdmin } from '../test/support/demo-admin.js';
import { startServerProcess } from '../test/support/server-process.js';
import { freePort } from '../test/support/storm.js';

const RUNS = 5;
const INITIAL_JS_BUDGET = 200 * 1024;
const FCP_BUDGET_MS = 1000;
const webDir = process.env['VIGIL_WEB_DIR'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** One page load as the browser saw it (its own Navigation and Resource Timing entries). */
interface Load {
  fcpMs: number | null;
  /** Until the page can be used: the login form, or the on-call page's heading, rendered. */
  readyMs: number;
  loadEventMs: number;
  jsFiles: number;
  /** Script bodies as sent: compressed. */
  jsBytes: number;
  /** The same scripts uncompressed. */
  jsDecodedBytes: number;
  cssBytes: number;
  /** Everything that came over the network, headers included: document, assets, API. */
  transferredBytes: number;
  /** Requests that reached the server (a cached asset has transferSize 0). */
  networkRequests: number;
  apiBytes: number;
}

/** A performance entry as toJSON() gives it: the fields of Resource and Navigation Timing read here. */
interface Entry {
  entryType: string;
  name: string;
  startTime: number;
  transferSize?: number;
  encodedBodySize?: number;
  decodedBodySize?: number;
  loadEventEnd?: number;
}

/** The one DOM call made in the page (this file is typed without the DOM lib). */
type PageGlobal = { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } };

/** A page is ready once an element matching `selector` has this text (any text if none). */
interface Ready {
  selector: string;
  text?: string;
}

/** When the page first became ready since its navigation started, checked every frame. */
async function readyAt(page: Page, ready: Ready): Promise<number> {
  // Inline, with no named helpers: the function runs in the page as written (no eval: the CSP forbids it).
  const handle = await page.waitForFunction(
    ({ selector, text }) => {
      const found = Array.from((globalThis as unknown as PageGlobal).document.querySelectorAll(selector));
      return found.some((element) => text === undefined || element.textContent === text) ? performance.now() : 0;
    },
    ready,
    { polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

const LOGIN_FORM: Ready = { selector: 'form button[type=submit]' };
const ON_CALL_HEADING: Ready = { selector: 'h2', text: "Who's on-call" };

async function measure(page: Page, ready: Ready): Promise<Load> {
  const readyMs = await readyAt(page, ready);
  // Chromium records the paint a little after the frame: wait for the entry itself.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  // Plain data out of the page; the sums are made here.
  const entries = (await page.evaluate(() => JSON.stringify(performance.getEntries()))) as string;
  const all = JSON.parse(entries) as Entry[];
  const navigation = all.find((entry) => entry.entryType === 'navigation');
  const resources = all.filter((entry) => entry.entryType === 'resource');
  const pathOf = (entry: Entry) => new URL(entry.name).pathname;
  const scripts = resources.filter((entry) => pathOf(entry).endsWith('.js'));
  const sum = (of: Entry[], key: 'transferSize' | 'encodedBodySize' | 'decodedBodySize') => of.reduce((total, entry) => total + (entry[key] ?? 0), 0);
  return {
    readyMs,
    fcpMs: all.find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? null,
    loadEventMs: navigation?.loadEventEnd ?? 0,
    jsFiles: scripts.length,
    jsBytes: sum(scripts, 'encodedBodySize'),
    jsDecodedBytes: sum(scripts, 'decodedBodySize'),
    cssBytes: sum(
      resources.filter((entry) => pathOf(entry).endsWith('.css')),
      'encodedBodySize',
    ),
    transferredBytes: (navigation?.transferSize ?? 0) + sum(resources, 'transferSize'),
    networkRequests: 1 + resources.filter((entry) => (entry.transferSize ?? 0) > 0).length,
    apiBytes: sum(
      resources.filter((entry) => pathOf(entry).startsWith('/api/')),
      'transferSize',
    ),
  };
}

/** A context with an empty cache; remembers the Content-Encoding each asset came with. */
async function coldContext(browser: Browser, baseURL: string, encodings: Set<string>): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  context.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/assets/')) encodings.add(response.headers()['content-encoding'] ?? 'identity');
  });
  return context;
}

async function loginPage(browser: Browser, baseURL: string, encodings: Set<string>): Promise<Load> {
  const context = await coldContext(browser, baseURL, encodings);
  const page = await context.newPage();
  await page.goto('/login');
  const load = await measure(page, LOGIN_FORM);
  await context.close();
  return load;
}

async function onCallPage(browser: Browser, baseURL: string, encodings: Set<string>): Promise<{ cold: Load; reload: Load }> {
  const context = await coldContext(browser, baseURL, encodings);
  // Logged in through the API, so the page's own load starts from an empty cache.
  const login = await context.request.post('/api/v1/auth/login', {
    data: { email: demoAdmin.email, password: demoAdmin.password },
    headers: { origin: baseURL },
  });
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
  const page = await context.newPage();
  await page.goto('/on-call');
  const cold = await measure(page, ON_CALL_HEADING);
  await page.reload();
  const reload = await measure(page, ON_CALL_HEADING);
  await context.close();
  return { cold, reload };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

/** Median and worst run of every figure. */
function summarise(loads: Load[]) {
  const keys = Object.keys(loads[0] ?? {}) as (keyof Load)[];
  return Object.fromEntries(
    keys.map((key) => {
      const values = loads.map((load) => load[key] ?? Number.NaN);
      return [key, { median: median(values), max: Math.max(...values) }];
    }),
  );
}

interface Served {
  url: string;
  stop(): Promise<void>;
}

/** A Vigil process serving one build, on its own fresh database. */
async function serve(build: string, dir: string, name: string): Promise<Served> {
  if (!existsSync(path.join(build, 'index.html'))) throw new Error(`no built UI in ${build}: run npm run build:web first`);
  return startServerProcess({ VIGIL_DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}`, VIGIL_WEB_DIR: build }, await freePort());
}

/** One round against one server: a cold login page, a cold on-call page and its reload. */
async function measureRound(browser: Browser, server: Served, encodings: Set<string>) {
  const login = await loginPage(browser, server.url, encodings);
  const { cold, reload } = await onCallPage(browser, server.url, encodings);
  return { login, onCall: cold, warmReload: reload };
}

export async function run() {
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-web-'));
  // An older build to compare with (VIGIL_BENCH_WEB_BASELINE) is measured in turns with this
  // one, so both see the same machine load.
  const baselineDir = process.env['VIGIL_BENCH_WEB_BASELINE'];
  const server = await serve(webDir, dir, 'current');
  const baseline = baselineDir ? await serve(baselineDir, dir, 'baseline') : null;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const loadBefore = os.loadavg();
  try {
    const encodings = new Set<string>();
    const baselineEncodings = new Set<string>();
    // One unmeasured round each: the servers' first answers (file stats, JIT) are not what users wait for.
    await loginPage(browser, server.url, encodings);
    if (baseline) await loginPage(browser, baseline.url, baselineEncodings);
    const rounds: Awaited<ReturnType<typeof measureRound>>[] = [];
    const baselineRounds: typeof rounds = [];
    for (let i = 0; i < RUNS; i++) {
      rounds.push(await measureRound(browser, server, encodings));
      if (baseline) baselineRounds.push(await measureRound(browser, baseline, baselineEncodings));
    }
    const logins = rounds.map((round) => round.login);
    const onCalls = rounds.map((round) => round.onCall);
    const worst = (loads: Load[], key: keyof Load) => Math.max(...loads.map((load) => load[key] ?? Number.POSITIVE_INFINITY));
    const figures = (of: typeof rounds, used: Set<string>) => ({
      contentEncodings: [...used].sort(),
      login: summarise(of.map((round) => round.login)),
      onCall: summarise(of.map((round) => round.onCall)),
      warmReload: summarise(of.map((round) => round.warmReload)),
    });
    return {
      runs: RUNS,
      chromium: browser.version(),
      loadAverage: { before: loadBefore, after: os.loadavg() },
      budget: { initialJsBytes: INITIAL_JS_BUDGET, fcpMs: FCP_BUDGET_MS },
      ...figures(rounds, encodings),
      pass: {
        loginJs: worst(logins, 'jsBytes') <= INITIAL_JS_BUDGET,
        onCallJs: worst(onCalls, 'jsBytes') <= INITIAL_JS_BUDGET,
        loginFcp: worst(logins, 'fcpMs') <= FCP_BUDGET_MS,
        onCallFcp: worst(onCalls, 'fcpMs') <= FCP_BUDGET_MS,
      },
      ...(baseline && { baseline: { webDir: baselineDir, ...figures(baselineRounds, baselineEncodings) } }),
    };
  } finally {
    await browser.close();
    await server.stop();
    await baseline?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
