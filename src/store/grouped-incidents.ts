import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { OpenGroupedIncident } from '../core/alert-grouping/types.js';
import { chunksOf } from './chunks.js';
import type { IncidentRow } from './incidents.js';
import type { DB } from './schema.js';

/** Written into the SQL, as the partial index incidents_open_group's own condition (see store/incidents.ts). */
const RESOLVED = sql.lit<IncidentRow['status']>('resolved');

/** The open incidents a monitor opened for these groups (index incidents_open_group). */
export async function openGroupedIncidents(db: Kysely<DB>, monitorId: string, groupKeys: string[]): Promise<OpenGroupedIncident[]> {
  const found: OpenGroupedIncident[] = [];
  for (const chunk of chunksOf(groupKeys)) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'group_key', 'triggered_at'])
      .where('monitor_id', '=', monitorId)
      .where('status', '<>', RESOLVED)
      .where('group_key', 'is not', null)
      .where('group_key', 'in', chunk)
      .execute();
    found.push(...rows.map((r) => ({ id: r.id, groupKey: r.group_key as string, triggeredAt: Number(r.triggered_at) })));
  }
  return found;
}

/**
 * Which of these dedup keys name an alert still firing in one of the monitor's open
 * grouped incidents, and which incident: a repeat of an alert that was grouped goes where
 * it went, whatever the grouping says now. Seeks each of the monitor's few open grouped
 * incidents for each key (index incident_alerts_grouped).
 */
export async function incidentsOfFiringAlerts(db: Kysely<DB>, monitorId: string, dedupKeys: string[]): Promise<Map<string, string>> {
  // Without statistics SQLite prefers the table's key (every alert of the incident) to the
  // partial index it cannot weigh: it is named.
  const indexed = db.getExecutor().adapter instanceof SqliteAdapter ? sql`indexed by incident_alerts_grouped` : sql``;
  const found = new Map<string, string>();
  for (const chunk of chunksOf(dedupKeys)) {
    const { rows } = await sql<{ dedup_key: string; incident_id: string }>`
      select a.dedup_key, a.incident_id from incidents i join incident_alerts a ${indexed} on a.incident_id = i.id
      where i.monitor_id = ${monitorId} and i.status <> ${RESOLVED} and i.group_key is not null
        and a.dedup_key is not null and a.dedup_key in (${sql.join(chunk)}) and a.resolved_at is null`.execute(db);
    for (const row of rows) found.set(row.dedup_key, row.incident_id);
  }
  return found;
}

/**
 * Counts alerts into incidents (id → how many), one statement per distinct count (in a
 * storm nearly always one): the incidents after the count.
 */
export async function addAlertCounts(db: Kysely<DB>, counts: Map<string, number>, now: number): Promise<IncidentRow[]> {
  const byCount = new Map<number, string[]>();
  for (const [id, count] of counts) byCount.set(count, [...(byCount.get(count) ?? []), id]);
  const rows: IncidentRow[] = [];
  for (const [count, ids] of byCount) {
    for (const chunk of chunksOf(ids)) {
      rows.push(
        ...(await db
          .updateTable('incidents')
          .set((eb) => ({ alert_count: eb('alert_count', '+', count), updated_at: now }))
          .where('id', 'in', chunk)
          .returningAll()
          .execute()),
      );
    }
  }
  return rows;
}
