import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

/** The budget for the JavaScript a first visit downloads, compressed as sent. */
const INITIAL_JS_BUDGET = 200 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The scripts and stylesheets index.html names (entry, module preloads, CSS). */
function assetsNamedBy(html: string): string[] {
  const urls = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
  expect(urls.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(0);
  expect(urls.filter((url) => url.endsWith('.css')).length).toBeGreaterThan(0);
  return urls;
}

async function fetchWith(request: APIRequestContext, url: string, headers: Record<string, string>) {
  return request.get(url, { headers, failOnStatusCode: false });
}

/** Bytes of JavaScript the page downloaded so far, as sent (compressed), by the browser's own resource timing. */
async function scriptBytesLoaded(page: Page): Promise<{ files: number; bytes: number }> {
  return page.evaluate(() => {
    // Typed by Node's lib here; in the browser these are PerformanceResourceTiming entries.
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js')) as unknown as { encodedBodySize: number }[];
    return { files: scripts.length, bytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0) };
  });
}

test('index.html and every asset it names come precompressed: assets cached as immutable, index.html revalidated with 304', async ({ request }) => {
  for (const encoding of ['br', 'gzip']) {
    const index = await fetchWith(request, '/', { 'accept-encoding': encoding });
    expect(index.status()).toBe(200);
    expect(index.headers()['content-encoding']).toBe(encoding);
    expect(index.headers()['cache-control']).toBe('no-cache');
    expect(index.headers()['vary']).toMatch(/accept-encoding/i);
    const etag = index.headers()['etag'];
    expect(etag).toBeTruthy();
    const unchanged = await fetchWith(request, '/', { 'accept-encoding': encoding, 'if-none-match': etag ?? '' });
    expect(unchanged.status()).toBe(304);

    for (const url of assetsNamedBy(await index.text())) {
      const asset = await fetchWith(request, url, { 'accept-encoding': encoding });
      expect(asset.status(), url).toBe(200);
      expect(asset.headers()['content-encoding'], url).toBe(encoding);
      expect(asset.headers()['cache-control'], url).toBe(IMMUTABLE);
      expect(asset.headers()['vary'], url).toMatch(/accept-encoding/i);
      const again = await fetchWith(request, url, { 'accept-encoding': encoding, 'if-none-match': asset.headers()['etag'] ?? '' });
      expect(again.status(), url).toBe(304);
    }
  }

  // A client-side route is index.html too, and just as revalidated.
  const route = await fetchWith(request, '/schedules', { 'accept-encoding': 'br' });
  expect(route.headers()['content-type']).toMatch(/^text\/html/);
  expect(route.headers()['cache-control']).toBe('no-cache');
  // A chunk of an older build is gone: a 404, never index.html under a script's name.
  const gone = await fetchWith(request, '/assets/OnCallPage-0ld8u1ld.js', { 'accept-encoding': 'br' });
  expect(gone.status()).toBe(404);
  expect(gone.headers()['content-type']).toMatch(/^application\/problem\+json/);
});

test('a first visit to the login page downloads at most 200 KB of compressed JavaScript, page chunks included', async ({ page }) => {
  const encodings = new Map<string, string | undefined>();
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/assets/')) encodings.set(response.url(), response.headers()['content-encoding']);
  });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  const login = await scriptBytesLoaded(page);
  // The entry (with the login page) and the shared framework chunk at least.
  expect(login.files).toBeGreaterThanOrEqual(2);
  expect(login.bytes).toBeGreaterThan(0);
  expect(login.bytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  for (const [url, encoding] of encodings) expect(['br', 'gzip'], url).toContain(encoding);

  // Signing in loads the layout and the on-call page as further chunks, under the same CSP.
  await logInAsDemoAdmin(page);
  await expect(page).toHaveURL(/\/on-call$/);
  const signedIn = await scriptBytesLoaded(page);
  expect(signedIn.files).toBeGreaterThan(login.files);
  expect(cspViolations).toEqual([]);
});

test('a tab left open across an upgrade loads the new build when a page chunk it asks for is gone, once', async ({ page }) => {
  await logInAsDemoAdmin(page);
  // As after an upgrade: the Teams chunk this (old) index.html names no longer exists.
  let refused = 0;
  await page.route(/\/assets\/TeamsPage-[^/]+\.js$/, async (route) => {
    refused += 1;
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"code":"not_found"}' });
  });
  const loads: string[] = [];
  page.on('load', () => loads.push(new URL(page.url()).pathname));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  // Reloaded once at the page asked for; still missing, so it says so instead of reloading again.
  const error = page.getByRole('alert').filter({ hasText: 'Could not show this page' });
  // Two whole loads of the app (the first failing, then the reloaded one): slow on a busy machine.
  await expect(error).toContainText('could not be downloaded', { timeout: 20_000 });
  // The load event may reach the test after the page has rendered its error.
  await expect.poll(() => loads).toEqual(['/teams']);
  expect(refused).toBe(2);

  await page.unroute(/\/assets\/TeamsPage-[^/]+\.js$/);
  await error.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { name: 'Teams' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => loads).toEqual(['/teams', '/teams']);
});
