import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Suppression } from '../core/incident/suppression.js';
import type { DependencyEdge, ParentIncident } from '../core/monitor/dependencies.js';
import { chunksOf } from './chunks.js';
import type { Dialect } from './database.js';
import type { DB, IncidentsTable } from './schema.js';

const RESOLVED = sql.lit<IncidentsTable['status']>('resolved');
const TRIGGERED = sql.lit<IncidentsTable['status']>('triggered');

/**
 * A monitor's open incidents are sought in the partial index of open incidents
 * (monitor_id, dedup_key): SQLite has no statistics to prefer it to every incident the
 * monitor ever had (or to every triggered incident), so it is named there.
 */
const openIncidentsIndex = (db: Kysely<DB>) => (db.getExecutor().adapter instanceof SqliteAdapter ? sql`indexed by incidents_open_dedup` : sql``);

/** Each monitor's parents, in name order (how the API lists them), for the given monitors. */
export async function parentsOf(db: Kysely<DB>, monitorIds: string[]): Promise<Map<string, string[]>> {
  const parents = new Map<string, string[]>(monitorIds.map((id) => [id, []]));
  for (const chunk of chunksOf(monitorIds)) {
    const rows = await db
      .selectFrom('monitor_dependencies as d')
      .innerJoin('monitors as m', 'm.id', 'd.depends_on_id')
      .select(['d.monitor_id', 'd.depends_on_id'])
      .where('d.monitor_id', 'in', chunk)
      .orderBy('m.name')
      .orderBy('m.id')
      .execute();
    for (const row of rows) parents.get(row.monitor_id)?.push(row.depends_on_id);
  }
  return parents;
}

/**
 * Makes concurrent dependency edits wait for each other until commit (PostgreSQL; SQLite
 * runs one write transaction at a time): two edits that each keep the graph acyclic can
 * together close a cycle, so each must see the other's edges before checking its own.
 */
export async function lockDependencyEdits(trx: Kysely<DB>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('vigil monitor dependencies'))`.execute(trx);
}

/**
 * Which of `ids` are monitors, and whether each is a team's Manual pages monitor; on
 * PostgreSQL they stay locked against deletion until commit, so a parent cannot vanish
 * between the check and the write. A key-share lock: edits of the parent itself (a
 * rename, another dependency edit's update) go on.
 */
export async function existingMonitors(trx: Kysely<DB>, dialect: Dialect, ids: string[]): Promise<Map<string, { system: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('monitors')
    .select(['id', 'system'])
    .where('id', 'in', ids)
    .$if(dialect === 'postgres', (q) => q.forKeyShare())
    .execute();
  return new Map(rows.map((r) => [r.id, { system: r.system === 1 }]));
}

export async function monitorNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('monitors').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function allDependencyEdges(db: Kysely<DB>): Promise<DependencyEdge[]> {
  return db.selectFrom('monitor_dependencies').select(['monitor_id as monitorId', 'depends_on_id as dependsOnId']).execute();
}

/** Replaces a monitor's parents; the caller has checked them (dependencyProblems). */
export async function replaceParents(trx: Kysely<DB>, monitorId: string, dependsOn: string[]): Promise<void> {
  await trx.deleteFrom('monitor_dependencies').where('monitor_id', '=', monitorId).execute();
  if (dependsOn.length > 0) {
    await trx
      .insertInto('monitor_dependencies')
      .values(dependsOn.map((dependsOnId) => ({ monitor_id: monitorId, depends_on_id: dependsOnId })))
      .execute();
  }
}

/** The open incidents of a monitor's parents. */
export async function openParentIncidents(db: Kysely<DB>, monitorId: string): Promise<ParentIncident[]> {
  const { rows } = await sql<Pick<IncidentsTable, 'id' | 'monitor_id' | 'triggered_at' | 'dedup_key' | 'suppression'>>`
    select i.id, i.monitor_id, i.triggered_at, i.dedup_key, i.suppression
    from monitor_dependencies d join incidents i ${openIncidentsIndex(db)} on i.monitor_id = d.depends_on_id
    where d.monitor_id = ${monitorId} and i.status <> ${RESOLVED}`.execute(db);
  return rows.map((row) => ({
    incidentId: row.id,
    monitorId: row.monitor_id,
    triggeredAt: Number(row.triggered_at),
    dedupKey: row.dedup_key,
    suppression: row.suppression === null ? null : (JSON.parse(row.suppression) as Suppression),
  }));
}

/**
 * Open incidents still waiting, suppressed, on one of these parent incidents: not yet
 * paged, escalated by hand or acknowledged.
 */
export async function waitingChildrenOf(db: Kysely<DB>, parentIncidentIds: string[]): Promise<{ id: string; monitorId: string }[]> {
  const children: { id: string; monitorId: string }[] = [];
  for (const chunk of chunksOf(parentIncidentIds)) {
    children.push(
      ...(await db
        .selectFrom('incidents')
        .select(['id', 'monitor_id as monitorId'])
        .where('parent_incident_id', 'in', chunk)
        .where('suppression', 'is not', null)
        .where('status', '=', TRIGGERED)
        .where('step', '=', -1)
        .execute()),
    );
  }
  return children;
}

/** Points waiting children at another parent incident that is down (see waitingChildrenOf). */
export async function relinkChildren(db: Kysely<DB>, incidentIds: string[], suppression: Extract<Suppression, { by: 'parent' }>, now: number): Promise<void> {
  for (const chunk of chunksOf(incidentIds)) {
    await db
      .updateTable('incidents')
      .set({ suppression: JSON.stringify(suppression), parent_incident_id: suppression.incidentId, updated_at: now })
      .where('id', 'in', chunk)
      .where('suppression', 'is not', null)
      .execute();
  }
}

/**
 * Holds again the released children of a parent monitor that is down again before they
 * paged (a flapping parent): each waiting incident gets `suppression` and nothing due.
 * Ones already due are left to the engine, which may be paging them right now.
 */
export async function holdReleased(db: Kysely<DB>, parentMonitorId: string, suppression: Extract<Suppression, { by: 'parent' }>, now: number): Promise<string[]> {
  const children = await db.selectFrom('monitor_dependencies').select('monitor_id').where('depends_on_id', '=', parentMonitorId).execute();
  const held: string[] = [];
  for (const chunk of chunksOf(children.map((c) => c.monitor_id))) {
    const { rows } = await sql<{ id: string }>`
      update incidents ${openIncidentsIndex(db)}
      set next_action_at = null, suppression = ${JSON.stringify(suppression)}, parent_incident_id = ${suppression.incidentId}, updated_at = ${now}
      where monitor_id in (${sql.join(chunk)}) and status <> ${RESOLVED} and status = ${TRIGGERED} and step = -1
        and parent_incident_id is not null and suppression is not null and next_action_at > ${now}
      returning id`.execute(db);
    held.push(...rows.map((r) => r.id));
  }
  return held;
}
