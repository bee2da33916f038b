import { sql, type Kysely } from 'kysely';
import type { Urgency } from '../core/escalation/urgency.js';
import type { DayBucketing } from '../core/status-page/uptime.js';
import { DAY } from '../core/time/units.js';
import type { ComponentState, UpdateStatus } from '../core/status-page/view.js';
import type { DB } from './schema.js';

/** Everything a page's view is computed from: one query per table (two for rollups in maintenance), whatever the page's size. */
export interface StatusPageRows {
  sections: { id: string; name: string }[];
  components: { id: string; section_id: string; name: string; description: string | null; manual_state: ComponentState | null }[];
  links: { component_id: string; monitor_id: string }[];
  monitors: { id: string; kind: string; paused: number; config: string; created_at: number }[];
  /** The page's monitors' incidents open now or since `since`. */
  incidents: { monitor_id: string; dedup_key: string | null; urgency: Urgency; status: string; triggered_at: number; resolved_at: number | null }[];
  /** The page's checked monitors' rollups summed per local day: `day` counts from the first. */
  dailyRollups: { monitor_id: string; day: number; checks: number; up: number; maintenance: number }[];
  /** Their hourly rollups of hours starting inside the page's maintenance. */
  maintenanceHours: { monitor_id: string; hour: number; checks: number; up: number; maintenance: number }[];
  statusIncidents: { id: string; title: string; created_at: number; resolved_at: number | null }[];
  entries: { id: string; status_incident_id: string; status: UpdateStatus; body: string; at: number }[];
  incidentComponents: { status_incident_id: string; component_id: string }[];
  maintenances: { id: string; title: string; body: string; starts_at: number; ends_at: number }[];
  maintenanceComponents: { maintenance_id: string; component_id: string }[];
  logoSha256: string | null;
}

/**
 * Reads a page's rows for its view: monitor data since the uptime bar's first day
 * (`days.since`), public incidents open or resolved since `listedSince`, maintenance
 * ending after the earlier of the two (older maintenance neither shows nor excuses
 * downtime). Rollups are summed per local day in the database (90 rows a monitor rather
 * than 2,160), the day told by integer arithmetic on the zone's few offsets.
 */
export async function readStatusPageRows(db: Kysely<DB>, pageId: string, days: DayBucketing, listedSince: number): Promise<StatusPageRows> {
  const since = days.since;
  // Integers computed here, inlined as literals so that both databases type them alike.
  const offset =
    days.offsets.length === 1
      ? sql.lit(days.offsets[0]?.offset ?? 0)
      : sql`CASE ${sql.join(
          days.offsets.map((o) => (o.until === null ? sql`ELSE ${sql.lit(o.offset)}` : sql`WHEN hour < ${sql.lit(o.until)} THEN ${sql.lit(o.offset)}`)),
          sql` `,
        )} END`;
  const day = sql<number>`(hour + ${offset} - ${sql.lit(days.firstWall)}) / ${sql.lit(DAY)}`;
  const pageMonitors = db
    .selectFrom('status_component_monitors as l')
    .innerJoin('status_components as c', 'c.id', 'l.component_id')
    .select('l.monitor_id')
    .where('c.page_id', '=', pageId);
  const pageIncidents = db
    .selectFrom('status_incidents')
    .select('id')
    .where('page_id', '=', pageId)
    .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', listedSince)]));
  const maintenanceSince = Math.min(since, listedSince);
  const pageMaintenances = db.selectFrom('status_maintenances').select('id').where('page_id', '=', pageId).where('ends_at', '>=', maintenanceSince);

  const [sections, components, links, monitors, incidents, dailyRollups, statusIncidents, entries, incidentComponents, maintenances, maintenanceComponents, logo] = await Promise.all([
    db.selectFrom('status_sections').select(['id', 'name']).where('page_id', '=', pageId).orderBy('position').execute(),
    db.selectFrom('status_components').select(['id', 'section_id', 'name', 'description', 'manual_state']).where('page_id', '=', pageId).orderBy('position').execute(),
    db
      .selectFrom('status_component_monitors as l')
      .innerJoin('status_components as c', 'c.id', 'l.component_id')
      .select(['l.component_id', 'l.monitor_id'])
      .where('c.page_id', '=', pageId)
      .execute(),
    db.selectFrom('monitors').select(['id', 'kind', 'paused', 'config', 'created_at']).where('id', 'in', pageMonitors).execute(),
    db
      .selectFrom('incidents')
      .select(['monitor_id', 'dedup_key', 'urgency', 'status', 'triggered_at', 'resolved_at'])
      .where('monitor_id', 'in', pageMonitors)
      .where((eb) => eb.or([eb('status', '!=', 'resolved'), eb('resolved_at', '>=', since)]))
      .execute(),
    db
      .selectFrom('check_rollups')
      .select((eb) => [
        'monitor_id',
        day.as('day'),
        eb.fn.sum<number | string>('checks').as('checks'),
        eb.fn.sum<number | string>('up').as('up'),
        eb.fn.sum<number | string>('maintenance').as('maintenance'),
      ])
      .where('monitor_id', 'in', pageMonitors)
      .where('hour', '>=', since)
      .groupBy(['monitor_id', 'day'])
      .execute(),
    db
      .selectFrom('status_incidents')
      .select(['id', 'title', 'created_at', 'resolved_at'])
      .where('id', 'in', pageIncidents)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('status_incident_entries')
      .select(['id', 'status_incident_id', 'status', 'body', 'at'])
      .where('status_incident_id', 'in', pageIncidents)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db.selectFrom('status_incident_components').select(['status_incident_id', 'component_id']).where('status_incident_id', 'in', pageIncidents).execute(),
    db
      .selectFrom('status_maintenances')
      .select(['id', 'title', 'body', 'starts_at', 'ends_at'])
      .where('page_id', '=', pageId)
      .where('ends_at', '>=', maintenanceSince)
      .orderBy('starts_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('status_maintenance_components').select(['maintenance_id', 'component_id']).where('maintenance_id', 'in', pageMaintenances).execute(),
    db.selectFrom('status_page_logos').select('sha256').where('page_id', '=', pageId).executeTakeFirst(),
  ]);
  // Hours in maintenance are few: read one by one only where some maintenance was under way.
  const spans = maintenances.filter((m) => m.ends_at > since && maintenanceComponents.some((c) => c.maintenance_id === m.id));
  const maintenanceHours =
    spans.length === 0
      ? []
      : await db
          .selectFrom('check_rollups')
          .select(['monitor_id', 'hour', 'checks', 'up', 'maintenance'])
          .where('monitor_id', 'in', pageMonitors)
          .where((eb) => eb.or(spans.map((m) => eb.and([eb('hour', '>=', m.starts_at), eb('hour', '<', m.ends_at)]))))
          .execute();
  return {
    sections,
    components,
    links,
    monitors,
    incidents,
    // PostgreSQL sums integers as bigint, which its driver returns as text.
    dailyRollups: dailyRollups.map((r) => ({ monitor_id: r.monitor_id, day: Number(r.day), checks: Number(r.checks), up: Number(r.up), maintenance: Number(r.maintenance) })),
    maintenanceHours,
    statusIncidents,
    entries,
    incidentComponents,
    maintenances,
    maintenanceComponents,
    logoSha256: logo?.sha256 ?? null,
  };
}
