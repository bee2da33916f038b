import { beforeAll, expect, it } from 'vitest';
import { triggerAllIn } from '../../src/service/incidents.js';
import { insertContactMethod, insertRule } from '../../src/store/contacts.js';
import { claimDueIncidents } from '../../src/store/incidents.js';
import { claimDue, postgresClaim, sentWrites } from '../../src/store/notifications.js';
import { sql } from 'kysely';
import { writeAtomically, writeEach } from '../../src/store/atomic-writes.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

const LEASE_MS = 15_000;
const DAY = 86_400_000;

/**
 * The engine's claims of due work (on PostgreSQL one statement each): two claimers at once
 * take disjoint rows, each at most its limit, the earliest due first, leased to itself.
 * The app's own engine is stopped: this suite is the only claimer.
 */
describeEachDatabase('claiming due incidents and pages', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed } = useDemoMonitors(t);
  let later = 0;

  beforeAll(async () => {
    await t.vigil.engine.stop();
    const { db } = t.vigil.database;
    const now = t.vigil.clock.now();
    // Everyone is paged by email at once and again a minute later: two pages per person and incident.
    for (const user of await db.selectFrom('users').select(['id', 'email']).execute()) {
      const method = await insertContactMethod(db, user.id, { kind: 'email', label: 'work', address: user.email, verified: true }, now);
      for (const delaySeconds of [0, 60]) await insertRule(db, user.id, { contactMethodId: method.id, delaySeconds }, now);
    }
    const monitor = await pushed('webhook');
    const alerts = Array.from({ length: 12 }, (_, i) => ({ monitorId: monitor.id, dedupKey: `claim-${i}`, title: `claim ${i}`, description: '' }));
    await db.transaction().execute((trx) => triggerAllIn(trx, alerts, now));
    // By then every page is due and every incident's step has timed out.
    later = now + 2 * DAY;
  });

  it('hands each due page to one of two claimers at once, earliest first, leased and counted as an attempt', async () => {
    const { db } = t.vigil.database;
    const queued = await db.selectFrom('notifications').select(['id', 'due_at']).where('status', '=', 'queued').execute();
    expect(queued.length).toBeGreaterThanOrEqual(12);
    const [a, b] = await Promise.all([claimDue(db, dialect, 'node-a', later, LEASE_MS, 5), claimDue(db, dialect, 'node-b', later, LEASE_MS, 5)]);
    expect([a.length, b.length]).toEqual([5, 5]);
    const claimed = [...a, ...b];
    expect(new Set(claimed.map((n) => n.id)).size).toBe(10);
    for (const [rows, owner] of [[a, 'node-a'], [b, 'node-b']] as const) {
      expect(rows.map((n) => n.due_at)).toEqual(rows.map((n) => n.due_at).sort((x, y) => x - y));
      for (const n of rows) expect([n.status, n.lease_owner, n.lease_until, n.attempts]).toEqual(['sending', owner, later + LEASE_MS, 1]);
    }
    // What they answered is what is stored.
    const stored = await db.selectFrom('notifications').select(['id', 'status', 'lease_owner', 'lease_until', 'attempts']).where('status', '=', 'sending').execute();
    expect(new Map(stored.map((n) => [n.id, [n.status, n.lease_owner, Number(n.lease_until), n.attempts]]))).toEqual(
      new Map(claimed.map((n) => [n.id, [n.status, n.lease_owner, n.lease_until, n.attempts]])),
    );
    const latestClaimed = Math.max(...claimed.map((n) => n.due_at));
    const claimedIds = new Set(claimed.map((n) => n.id));
    for (const n of queued) if (!claimedIds.has(n.id)) expect(Number(n.due_at)).toBeGreaterThanOrEqual(latestClaimed);
    // Leased pages are nobody else's until the lease runs out; then they are claimed again.
    expect((await claimDue(db, dialect, 'node-c', later, LEASE_MS, 100)).map((n) => n.id).filter((id) => claimedIds.has(id))).toEqual([]);
    const retaken = await claimDue(db, dialect, 'node-c', later + LEASE_MS + 1, LEASE_MS, 100);
    expect(retaken.filter((n) => claimedIds.has(n.id)).map((n) => n.attempts)).toEqual(Array(10).fill(2));
  });

  it('takes queued pages and pages whose lease ran out together, earliest first, never more than the limit', async () => {
    const { db } = t.vigil.database;
    const pages = await db.selectFrom('notifications').select(['id', 'due_at']).orderBy('due_at').orderBy('id').execute();
    const runOut = pages.filter((_, i) => i % 2 === 0).map((p) => p.id);
    await db.updateTable('notifications').set({ status: 'queued', lease_until: null, lease_owner: null }).execute();
    await db.updateTable('notifications').set({ status: 'sending', lease_until: later - 1, lease_owner: 'node-gone' }).where('id', 'in', runOut).execute();
    const claimed = await claimDue(db, dialect, 'node-a', later, LEASE_MS, pages.length - 1);
    expect(claimed).toHaveLength(pages.length - 1);
    expect(claimed.filter((n) => runOut.includes(n.id)).length).toBeGreaterThan(0);
    expect(claimed.filter((n) => !runOut.includes(n.id)).length).toBeGreaterThan(0);
    expect(claimed.map((n) => n.due_at)).toEqual(claimed.map((n) => n.due_at).sort((x, y) => x - y));
    const [left] = await db.selectFrom('notifications').select(['due_at']).where('lease_owner', 'is distinct from', 'node-a').execute();
    expect(Number(left?.due_at)).toBe(Math.max(...pages.map((p) => Number(p.due_at))));
  });

  it('hands each due incident to one of two claimers at once, earliest first, up to the limit', async () => {
    const { db } = t.vigil.database;
    const due = await db.selectFrom('incidents').select(['id', 'next_action_at']).where('next_action_at', '<=', later).execute();
    expect(due.length).toBeGreaterThanOrEqual(12);
    const [a, b] = await Promise.all([claimDueIncidents(db, dialect, 'node-a', later, LEASE_MS, 4), claimDueIncidents(db, dialect, 'node-b', later, LEASE_MS, 4)]);
    expect([a.length, b.length]).toEqual([4, 4]);
    expect(new Set([...a, ...b]).size).toBe(8);
    const stored = new Map((await db.selectFrom('incidents').select(['id', 'lease_owner', 'lease_until']).where('lease_owner', 'is not', null).execute()).map((r) => [r.id, [r.lease_owner, Number(r.lease_until)]]));
    const leasedTo = (owner: string) => (id: string): [string, [string, number]] => [id, [owner, later + LEASE_MS]];
    expect(stored).toEqual(new Map([...a.map(leasedTo('node-a')), ...b.map(leasedTo('node-b'))]));
    const dueAt = new Map(due.map((r) => [r.id, Number(r.next_action_at)]));
    for (const ids of [a, b]) expect(ids.map((id) => dueAt.get(id))).toEqual(ids.map((id) => dueAt.get(id)).sort((x, y) => (x as number) - (y as number)));
    const rest = await claimDueIncidents(db, dialect, 'node-c', later, LEASE_MS, 100);
    expect(rest.filter((id) => a.includes(id) || b.includes(id))).toEqual([]);
    expect(rest).toHaveLength(due.length - 8);
  });

  // SQLite has one writer at a time; PostgreSQL nodes claim side by side.
  if (dialect === 'postgres') it('passes over rows another node is claiming at that moment instead of waiting for them', async () => {
    const { db } = t.vigil.database;
    const free = (table: 'incidents' | 'notifications') => db.updateTable(table).set({ lease_until: null, lease_owner: null }).execute();
    await Promise.all([free('incidents'), free('notifications')]);
    await db.updateTable('notifications').set({ status: 'queued' }).execute();
    await db.transaction().execute(async (trx) => {
      // Another node's claim, under way: its rows are locked until it commits.
      const lockedPages = (await trx.selectFrom('notifications').select('id').orderBy('due_at').limit(3).forUpdate().execute()).map((r) => r.id);
      const lockedIncidents = (await trx.selectFrom('incidents').select('id').orderBy('next_action_at').limit(3).forNoKeyUpdate().execute()).map((r) => r.id);
      const pages = await claimDue(db, dialect, 'node-a', later, LEASE_MS, 4);
      expect(pages).toHaveLength(4);
      expect(pages.filter((n) => lockedPages.includes(n.id))).toEqual([]);
      const incidents = await claimDueIncidents(db, dialect, 'node-a', later, LEASE_MS, 4);
      expect(incidents).toHaveLength(4);
      expect(incidents.filter((id) => lockedIncidents.includes(id))).toEqual([]);
    });
  });

  // A claimed and sent page leaves two former versions in notifications_due until vacuum,
  // which in a long storm runs minutes apart. A bitmap scan (all an OR of the two kinds
  // could have) reads every one of them and their table pages at every claim.
  if (dialect === 'postgres') it('finds due pages by an ordered index scan per kind, past the former versions of pages already sent', async () => {
    const { db } = t.vigil.database;
    const base = { incident_id: null, user_id: null, contact_method_id: null, channel: 'email' as const, address: 'x@example.com', lease_until: null, lease_owner: null, attempts: 0, last_error: null, created_at: later, sent_at: null, notice: null };
    const pages = (prefix: string, n: number, status: 'queued' | 'sent') =>
      Array.from({ length: n }, (_, i) => ({ ...base, id: `${prefix}-${i}`, idempotency_key: `${prefix}-${i}`, status, due_at: later - n + i }));
    await db.insertInto('notifications').values(pages('storm', 3000, 'queued')).execute();
    await db.updateTable('notifications').set({ status: 'sending' }).where('id', 'like', 'storm-%').execute();
    await db.updateTable('notifications').set({ status: 'sent' }).where('id', 'like', 'storm-%').execute();
    await db.insertInto('notifications').values(pages('due', 200, 'queued')).execute();
    await sql`ANALYZE notifications`.execute(db);
    const [row] = (await postgresClaim(db, later, later + LEASE_MS, 'node-e', 40).explain('json')) as unknown as [{ 'QUERY PLAN': unknown }];
    const nodes: { 'Node Type': string; 'Index Name'?: string }[] = [];
    const walk = (node: Record<string, unknown>) => {
      nodes.push(node as (typeof nodes)[number]);
      for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    for (const plan of row['QUERY PLAN'] as { Plan: Record<string, unknown> }[]) walk(plan.Plan);
    expect(nodes.filter((n) => n['Index Name'] === 'notifications_due').map((n) => n['Node Type'])).toEqual(['Index Scan', 'Index Scan']);
    expect(nodes.map((n) => n['Node Type'])).not.toContain('BitmapOr');
  });

  it('records claimed pages sent, a statement per batch size, alone and together with other writes', async () => {
    const { db } = t.vigil.database;
    const claimed = (await claimDue(db, dialect, 'node-d', later + 10 * LEASE_MS, LEASE_MS, 7)).map((n) => n.id);
    expect(claimed).toHaveLength(7);
    const [one, two, three, again] = [claimed.slice(0, 1), claimed.slice(1, 3), claimed.slice(3, 6), claimed.slice(6)];
    // Written together (on PostgreSQL one statement), twice with the same sizes: the second reuses the first's plan.
    await writeAtomically(db, [...sentWrites(two, later + 1), ...sentWrites(one, later + 2)]);
    await writeAtomically(db, [...sentWrites(three.slice(0, 2), later + 3), ...sentWrites(again, later + 4)]);
    await writeEach(db, sentWrites(three.slice(2), later + 5));
    const rows = await db.selectFrom('notifications').select(['id', 'status', 'sent_at', 'lease_owner', 'lease_until']).where('id', 'in', claimed).execute();
    const sentAt = new Map<string, number>();
    for (const [ids, at] of [[two, 1], [one, 2], [three.slice(0, 2), 3], [again, 4], [three.slice(2), 5]] as const) for (const id of ids) sentAt.set(id, later + at);
    expect(new Map(rows.map((r) => [r.id, [r.status, Number(r.sent_at), r.lease_owner, r.lease_until]]))).toEqual(new Map([...sentAt].map(([id, at]) => [id, ['sent', at, null, null]])));
  });
});
