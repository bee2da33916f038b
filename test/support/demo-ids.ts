import { beforeAll } from 'vitest';
import type { TestApp } from './test-app.js';

/**
 * The demo's people by the part of their email before the @ (alice, bob…) and the
 * Platform team as `team`: filled in before the suite's tests run.
 */
export function useDemoIds(t: TestApp): Record<string, string> {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    for (const u of users) ids[u.email.split('@')[0] as string] = u.id;
    ids['team'] = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
  });
  return ids;
}
