import type { Kysely } from 'kysely';
import { emptyDetails, parseDetails, type AlertDetails } from '../core/alert/details.js';
import { chunksOf } from './chunks.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { DB, IncidentAlertsTable } from './schema.js';
import { writeEach, type Write } from './atomic-writes.js';
import { insertRows } from './row-inserts.js';

export interface NewIncidentAlert {
  incidentId: string;
  at: number;
  title: string;
  details: AlertDetails | undefined;
  /** Kept for grouped alerts only: another alert's key is its incident's. */
  dedupKey: string | null;
}

export interface IncidentAlert {
  id: string;
  incidentId: string;
  at: number;
  title: string;
  details: AlertDetails;
  dedupKey: string | null;
  resolvedAt: number | null;
}

const toAlert = (row: IncidentAlertsTable): IncidentAlert => ({
  id: row.id,
  incidentId: row.incident_id,
  at: Number(row.at),
  title: row.title,
  details: parseDetails(row.details),
  dedupKey: row.dedup_key,
  resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
});

/** Alerts of any incidents, many per statement, in this order (ids are time-ordered). */
export async function insertAlerts(db: Kysely<DB>, alerts: NewIncidentAlert[]): Promise<void> {
  await writeEach(db, alertWrites(alerts));
}

/** insertAlerts' statements, for writeAtomically. */
export function alertWrites(alerts: NewIncidentAlert[]): Write[] {
  return chunksOf(alerts).map((chunk) =>
    insertRows(
      'incident_alerts',
      chunk.map((a) => ({ id: newId(), incident_id: a.incidentId, at: a.at, title: a.title, details: JSON.stringify(a.details ?? emptyDetails()), dedup_key: a.dedupKey, resolved_at: null })),
    ),
  );
}

/** An incident's alerts, newest first: the latest says most about what is wrong now. */
export async function listAlerts(db: Kysely<DB>, incidentId: string, page: PageRequest): Promise<Page<IncidentAlert>> {
  const rows = await keysetPage(page, (before, limit) =>
    db
      .selectFrom('incident_alerts')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as string))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  );
  return { items: rows.items.map(toAlert), nextCursor: rows.nextCursor };
}

/**
 * A merge moves the alerts of the merged incidents to the one they joined. Each keeps its
 * dedup key: one that had its incident's takes it along, so the list still says which
 * alert it was and a grouped incident they join waits for them to resolve too.
 */
export async function moveAlerts(db: Kysely<DB>, fromIncidents: string[], toIncident: string): Promise<void> {
  if (fromIncidents.length === 0) return;
  await db
    .updateTable('incident_alerts')
    .set((eb) => ({
      incident_id: toIncident,
      dedup_key: eb.fn.coalesce('incident_alerts.dedup_key', eb.selectFrom('incidents').select('incidents.dedup_key').whereRef('incidents.id', '=', 'incident_alerts.incident_id')),
    }))
    .where('incident_id', 'in', fromIncidents)
    .execute();
}

/**
 * Its sender resolved an alert of a grouped incident: every alert of the incident with
 * that key is resolved (repeats too). Answers how many of the incident's alerts are still
 * firing; the incident resolves when none is.
 */
export async function resolveAlertsOf(db: Kysely<DB>, incidentId: string, dedupKey: string, now: number): Promise<number> {
  await db.updateTable('incident_alerts').set({ resolved_at: now }).where('incident_id', '=', incidentId).where('dedup_key', '=', dedupKey).where('resolved_at', 'is', null).execute();
  const { firing } = await db
    .selectFrom('incident_alerts')
    .select((eb) => eb.fn.countAll<string | number>().as('firing'))
    .where('incident_id', '=', incidentId)
    .where('dedup_key', 'is not', null)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(firing);
}

/** At most this many alerts are kept per incident (the newest); alert_count keeps counting them all. */
export const KEPT_ALERTS = 1000;

/**
 * Deletes all but the newest KEPT_ALERTS alerts of every incident that has more: a storm
 * of repeats must not grow one incident without bound. Incidents are found by their count
 * (which only grows), each trimmed by one statement along the table's key. Answers how
 * many alerts went.
 */
export async function trimAlerts(db: Kysely<DB>, kept = KEPT_ALERTS): Promise<number> {
  const big = await db.selectFrom('incidents').select('id').where('alert_count', '>', kept).execute();
  let trimmed = 0;
  for (const { id } of big) {
    const result = await db
      .deleteFrom('incident_alerts')
      .where('incident_id', '=', id)
      .where('id', '<', (eb) => eb.selectFrom('incident_alerts').select('id').where('incident_id', '=', id).orderBy('id', 'desc').limit(1).offset(kept - 1))
      .executeTakeFirst();
    trimmed += Number(result.numDeletedRows);
  }
  return trimmed;
}
