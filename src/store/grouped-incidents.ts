import { sql, type Kysely } from 'kysely';
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
 * it went, whatever the grouping says now. Only the monitor's few open grouped incidents'
 * alerts are looked at (by the table's key), so no index on dedup keys taxes every alert.
 */
export async function incidentsOfFiringAlerts(db: Kysely<DB>, monitorId: string, dedupKeys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunksOf(dedupKeys)) {
    const rows = await db
      .selectFrom('incidents as i')
      .innerJoin('incident_alerts as a', 'a.incident_id', 'i.id')
      .select(['a.dedup_key', 'a.incident_id'])
      .where('i.monitor_id', '=', monitorId)
      .where('i.status', '<>', RESOLVED)
      .where('i.group_key', 'is not', null)
      .where('a.dedup_key', 'in', chunk)
      .where('a.resolved_at', 'is', null)
      .execute();
    for (const row of rows) found.set(row.dedup_key as string, row.incident_id);
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
