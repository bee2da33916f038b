import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

// RFC 3339 (and so OpenAPI's date-time) has four-digit years; toISOString() writes
// 10000 and later as "+010000-…", which clients reject.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describeEachDatabase('instants at the end of RFC 3339 time', (dialect) => {
  const t = useTestApp(dialect);
  let teamId = '';
  let aliceId = '';
  let bobId = '';

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id ?? '';
    bobId = users.find((u) => u.email === 'bob@example.com')?.id ?? '';
  });

  const createSchedule = async (name: string, members: string[]) => {
    const res = await t.admin.post('/api/v1/schedules', { name, teamId, timeZone: 'UTC', layers: [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members }] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('answers a handoff after 9999-12-31 as until: null and one before it as an RFC 3339 instant', async () => {
    const id = await createSchedule('Rotating to the end', [aliceId, bobId]);
    const lastDay = (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=9999-12-31T12:00:00Z`)).body;
    expect(lastDay.until).toBeNull();
    expect(lastDay.layers[0].until).toBeNull();
    const dayBefore = (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=9999-12-30T12:00:00Z`)).body;
    expect(dayBefore.until).toBe('9999-12-31T09:00:00.000Z');
    expect(dayBefore.layers[0].until).toMatch(rfc3339);
    const all = (await t.admin.get('/api/v1/on-call?at=9999-12-31T23:59:59.999Z')).body;
    for (const item of all.items) for (const until of [item.until, ...item.layers.map((l: { until: string | null }) => l.until)]) if (until !== null) expect(until).toMatch(rfc3339);
  });
});
