import type { TestApp } from './test-app.js';

/** The Vigil side of an import test: the app listening on a free port, and an admin's API token for it. */
export async function listenForImport(app: TestApp): Promise<{ vigilUrl: string; token: string }> {
  const vigilUrl = await app.vigil.app.listen({ port: 0, host: '127.0.0.1' });
  const token = (await app.admin.post('/api/v1/me/tokens', { name: 'import' })).body.token as string;
  return { vigilUrl, token };
}

/** The names of what a list endpoint holds, e.g. '/schedules': what an import created. */
export async function namesIn(app: TestApp, path: string): Promise<string[]> {
  return ((await app.admin.get(`/api/v1${path}?limit=200`)).body.items as { name: string }[]).map((x) => x.name);
}
