import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { demoAdmin } from './demo';

/** An API client logged in with a cookie session; it sends the CSRF token on writes. */
export async function apiSession(request: APIRequestContext, email: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async call<T>(method: string, path: string, data?: unknown): Promise<T> {
      const res = await request.fetch(`/api/v1${path}`, { method, ...(data !== undefined && { data }), headers: { 'x-csrf-token': csrfToken } });
      expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
      return (res.status() === 204 ? undefined : await res.json()) as T;
    },
  };
}

/**
 * A user of the test's own, made by the demo owner: the other specs keep the demo people's
 * passwords, contact methods and time zones as they are.
 */
export async function newUser(request: APIRequestContext, label: string, timeZone = 'America/Chicago') {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const email = `${label}-${Date.now()}@example.com`;
  const password = `${label}-password-1`;
  const name = `${label[0]?.toUpperCase()}${label.slice(1)} Tester`;
  const user = await admin.call<{ id: string }>('POST', '/users', { email, name, role: 'responder', password, timeZone });
  return { id: user.id, email, password, name, admin };
}

export async function logIn(page: Page, user: { email: string; password: string; name: string }): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: new RegExp(`^Account menu for ${user.name}`) })).toBeVisible();
}
