import type { Kysely } from 'kysely';
import type { Urgency } from '../core/escalation/urgency.js';
import type { ComponentState, UpdateStatus } from '../core/status-page/view.js';
import type { DB } from './schema.js';

/** Everything a page's view is computed from: one query per table, whatever the page's size. */
export interface StatusPageRows {
  sections: { id: string; name: string }[];
  components: { id: string; section_id: string; name: string; description: string | null; manual_state: ComponentState | null }[];
  links: { component_id: string; monitor_id: string }[];
  monitors: { id: string; kind: string; paused: number; config: string; created_at: number }[];
  /** The page's monitors' incidents open now or since `since`. */
  incidents: { monitor_id: string; urgency: Urgency; status: string; triggered_at: number; resolved_at: number | null }[];
  /** The page's checked monitors' rollups since `since`. */
  rollups: { monitor_id: string; hour: number; checks: number; up: number; maintenance: number }[];
  statusIncidents: { id: string; title: string; created_at: number; resolved_at: number | null }[];
  entries: { id: string; status_incident_id: string; status: UpdateStatus; body: string; at: number }[];
  incidentComponents: { status_incident_id: string; component_id: string }[];
  maintenances: { id: string; title: string; body: string; starts_at: number; ends_at: number }[];
  maintenanceComponents: { maintenance_id: string; component_id: string }[];
  logoSha256: string | null;
}

/**
 * Reads a page's rows for its view: monitor data since `since` (the uptime bar's first
 * day), public incidents open or resolved since `listedSince`, maintenance ending after
 * the earlier of the two (older maintenance neither shows nor excuses downtime).
 */
export async function readStatusPageRows(db: Kysely<DB>, pageId: string, since: number, listedSince: number): Promise<StatusPageRows> {
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

  const [sections, components, links, monitors, incidents, rollups, statusIncidents, entries, incidentComponents, maintenances, maintenanceComponents, logo] = await Promise.all([
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
      .select(['monitor_id', 'urgency', 'status', 'triggered_at', 'resolved_at'])
      .where('monitor_id', 'in', pageMonitors)
      .where((eb) => eb.or([eb('status', '!=', 'resolved'), eb('resolved_at', '>=', since)]))
      .execute(),
    db.selectFrom('check_rollups').select(['monitor_id', 'hour', 'checks', 'up', 'maintenance']).where('monitor_id', 'in', pageMonitors).where('hour', '>=', since).execute(),
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
  return { sections, components, links, monitors, incidents, rollups, statusIncidents, entries, incidentComponents, maintenances, maintenanceComponents, logoSha256: logo?.sha256 ?? null };
}
