import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { idOrder, STATUS_RANK, URGENCY_RANK, type IncidentSort, type SortOrder } from '../../src/core/incident-list.js';
import { insertIncidents, newIncidentRow, type IncidentRow } from '../../src/store/incidents.js';
import { newId } from '../../src/store/ids.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const statuses = ['triggered', 'acknowledged', 'resolved'] as const;
const urgencies = ['high', 'low'] as const;
// Titles that tie once lower-cased, and ones holding LIKE's wildcards.
const titles = ['Disk full', 'disk FULL', 'API down', '100% CPU', '100 CPU', 'a_b', 'axb', 'zeta'];

/**
 * GET /incidents over incidents written straight into the store (many, with every sort
 * value tied somewhere), on both databases: each filter, search with wildcards, and
 * every sort paged through without duplicates or gaps.
 */
describeEachDatabase('incident list', (dialect) => {
  const t = useTestApp(dialect);
  const users: Record<string, string> = {};
  let teamA = '';
  let teamB = '';
  let policyA = '';
  let policyB = '';
  let monitorA = '';
  let monitorB = '';
  let rows: IncidentRow[] = [];

  const list = async (query: string) => {
    const res = await t.admin.get(`/api/v1/incidents?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: { id: string; title: string; status: string; urgency: string; triggeredAt: string; monitorId: string }[]; nextCursor: string | null };
  };
  const ids = async (query: string) => (await list(`limit=200&${query}`)).items.map((i) => i.id).sort();
  const mine = (pick: (r: IncidentRow) => boolean) => rows.filter(pick).map((r) => r.id).sort();

  beforeAll(async () => {
    for (const u of (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[]) users[u.email.split('@')[0] as string] = u.id;
    teamA = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    teamB = (await t.admin.post('/api/v1/teams', { name: 'List B' })).body.id;
    const scheduleId = (await t.admin.get('/api/v1/schedules')).body.items[0].id;
    policyA = (await t.admin.post('/api/v1/escalation-policies', { name: 'List A', teamId: teamA, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId }] }] })).body.id;
    policyB = (await t.admin.post('/api/v1/escalation-policies', { name: 'List B', teamId: teamB, steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: users['alice'] }] }] })).body.id;
    monitorA = (await t.admin.post('/api/v1/monitors', { name: 'List A', teamId: teamA, policyId: policyA })).body.id;
    monitorB = (await t.admin.post('/api/v1/monitors', { name: 'List B', teamId: teamB, policyId: policyB })).body.id;

    const arb = fc.record({
      title: fc.constantFrom(...titles),
      status: fc.constantFrom(...statuses),
      urgency: fc.constantFrom(...urgencies),
      // Few distinct minutes, so many incidents trigger at the same instant.
      minute: fc.integer({ min: 0, max: 40 }),
      onB: fc.boolean(),
    });
    rows = fc.sample(arb, { numRuns: 150, seed: 17 }).map((s, i) => {
      const monitorId = s.onB ? monitorB : monitorA;
      const policyId = s.onB ? policyB : policyA;
      const row = newIncidentRow(
        {
          monitorId,
          title: s.title,
          description: i % 10 === 0 ? 'Needle in the HAYSTACK' : 'plain',
          dedupKey: i % 15 === 0 ? `key-${i}-50%` : null,
          policy: { id: policyId, name: 'p', steps: [], repeat: 0, ackTimeoutSeconds: null },
          urgency: s.urgency,
        },
        T0 + s.minute * 60_000,
      );
      return { ...row, status: s.status, acknowledged_by: s.status !== 'triggered' && i % 4 === 0 ? users['bob'] ?? null : null };
    });
    await insertIncidents(t.vigil.database.db, rows);
    // Carol was paged for the first five incidents (outbox rows), whatever their status.
    await t.vigil.database.db
      .insertInto('notifications')
      .values(
        rows.slice(0, 5).map((row, i) => ({
          id: newId(),
          idempotency_key: `list-${row.id}`,
          incident_id: row.id,
          user_id: users['carol'] ?? null,
          contact_method_id: null,
          channel: 'webhook' as const,
          address: 'https://hooks.example.com/carol',
          status: i % 2 === 0 ? ('sent' as const) : ('failed' as const),
          due_at: T0,
          lease_until: null,
          lease_owner: null,
          attempts: 1,
          last_error: null,
          created_at: T0,
          sent_at: null,
          notice: null,
        })),
      )
      .execute();
  });

  it('filters by status, urgency, team, monitor, policy, assignee and created range', async () => {
    const scoped = (r: IncidentRow) => r.monitor_id === monitorA || r.monitor_id === monitorB;
    expect(await ids(`teamId=${teamB}`)).toEqual(mine((r) => r.monitor_id === monitorB));
    expect(await ids(`monitorId=${monitorA}`)).toEqual(mine((r) => r.monitor_id === monitorA));
    expect(await ids(`policyId=${policyB}`)).toEqual(mine((r) => r.monitor_id === monitorB));
    expect(await ids(`monitorId=${monitorA}&status=triggered,resolved`)).toEqual(mine((r) => r.monitor_id === monitorA && r.status !== 'acknowledged'));
    expect(await ids(`monitorId=${monitorA}&urgency=low`)).toEqual(mine((r) => r.monitor_id === monitorA && r.urgency === 'low'));
    expect(await ids(`teamId=${teamB}&urgency=high&urgency=low`)).toEqual(mine((r) => r.monitor_id === monitorB));
    const bob = users['bob'] as string;
    const carol = users['carol'] as string;
    expect(await ids(`assigneeId=${bob}`)).toEqual(mine((r) => r.acknowledged_by === bob));
    expect(await ids(`assigneeId=${carol}`)).toEqual(mine((r) => rows.indexOf(r) < 5));
    const from = T0 + 10 * 60_000;
    const to = T0 + 20 * 60_000;
    expect(await ids(`from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`)).toEqual(
      mine((r) => scoped(r) && r.triggered_at >= from && r.triggered_at < to),
    );
    expect(await ids(`teamId=${teamA}&monitorId=${monitorB}`)).toEqual([]);
  });

  it('searches title, description and dedup key in any case, with % and _ as plain characters', async () => {
    const contains = (r: IncidentRow, needle: string) => [r.title, r.description, r.dedup_key ?? ''].some((text) => text.toLowerCase().includes(needle));
    for (const q of ['100%', 'a_b', 'DISK', 'needle', '50%', '_', '%', 'nothing at all']) {
      const found = await ids(`q=${encodeURIComponent(q)}`);
      expect(found, q).toEqual(mine((r) => contains(r, q.toLowerCase())));
    }
    expect((await ids('q=100%25')).length).toBeGreaterThan(0);
    expect(await ids(`q=${encodeURIComponent('  ')}&monitorId=${monitorA}`)).toEqual(mine((r) => r.monitor_id === monitorA));
  });

  describe('sorting and paging', () => {
    const sortValue: Record<IncidentSort, (r: IncidentRow) => number | string> = {
      triggeredAt: (r) => r.triggered_at,
      status: (r) => STATUS_RANK[r.status],
      urgency: (r) => URGENCY_RANK[r.urgency],
      title: (r) => r.title.toLowerCase(),
    };
    const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

    for (const sort of ['triggeredAt', 'status', 'urgency', 'title'] as const) {
      for (const order of ['asc', 'desc', undefined] as const) {
        it(`pages through sort=${sort} order=${order ?? '(default)'} with no duplicate and no gap`, async () => {
          const effective: SortOrder = order ?? (sort === 'triggeredAt' ? 'desc' : 'asc');
          const byId = idOrder(sort, effective);
          const want = rows
            .slice()
            .sort((a, b) => {
              const key = compare(sortValue[sort](a), sortValue[sort](b));
              if (key !== 0) return effective === 'asc' ? key : -key;
              return byId === 'asc' ? compare(a.id, b.id) : compare(b.id, a.id);
            })
            .map((r) => r.id);
          const got: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const query: string = `sort=${sort}${order ? `&order=${order}` : ''}&limit=7&from=${new Date(T0).toISOString()}${cursor ? `&cursor=${cursor}` : ''}`;
            const page = await list(query);
            got.push(...page.items.map((i) => i.id));
            cursor = page.nextCursor;
            pages++;
          } while (cursor !== null && pages < 100);
          expect(got).toEqual(want);
        });
      }
    }

    it('keeps its place while incidents are added above the cursor', async () => {
      const first = await list(`monitorId=${monitorB}&limit=5`);
      await t.admin.post(`/api/v1/monitors/${monitorB}/alerts`, { title: 'Newer than all' });
      const rest: string[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await list(`monitorId=${monitorB}&limit=5&cursor=${cursor}`);
        rest.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      }
      const all = rows.filter((r) => r.monitor_id === monitorB).length;
      expect(first.items.length + rest.length).toBe(all);
      expect(new Set([...first.items.map((i) => i.id), ...rest]).size).toBe(all);
    });
  });

  it('answers bad input with 400 and the field path, never a 500', async () => {
    const pathsOf = async (query: string) => {
      const res = await t.admin.get(`/api/v1/incidents?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return (res.body.errors as { path: string }[]).map((e) => e.path);
    };
    expect(await pathsOf('sort=created')).toEqual(['/querystring/sort']);
    expect(await pathsOf('order=up')).toEqual(['/querystring/order']);
    expect(await pathsOf('urgency=medium')).toEqual(['/querystring/urgency/0']);
    expect(await pathsOf('teamId=nope')).toEqual(['/querystring/teamId']);
    expect(await pathsOf('from=yesterday')).toEqual(['/querystring/from']);
    expect(await pathsOf('from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z')).toEqual(['/querystring/to']);
    expect(await pathsOf(`q=${'x'.repeat(201)}`)).toEqual(['/querystring/q']);
    expect(await pathsOf('cursor=garbage')).toEqual(['/querystring/cursor']);
    expect(await pathsOf('q=%00')).toEqual(['/querystring/q']);
    expect(await pathsOf('status=triggered,bogus')).toEqual(['/querystring/status/1']);
    const page = await list('sort=title&limit=2');
    expect(page.nextCursor).not.toBeNull();
    // A cursor of one sort is refused by another rather than misread.
    expect(await pathsOf(`sort=status&cursor=${page.nextCursor}`)).toEqual(['/querystring/cursor']);
    expect(await pathsOf(`sort=title&order=desc&cursor=${page.nextCursor}`)).toEqual(['/querystring/cursor']);
  });
});
