import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { UpdateStatus } from '../core/status-page/view.js';
import type { DB } from './schema.js';

export interface StatusIncidentRecord {
  id: string;
  pageId: string;
  incidentId: string | null;
  title: string;
  componentIds: string[];
  /** Newest first. */
  entries: { id: string; status: UpdateStatus; body: string; at: number }[];
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
}

/** Public incidents with their entries and components, newest first: of a page, or linked to a Vigil incident. */
async function read(db: Kysely<DB>, where: { pageId?: string; incidentId?: string; id?: string }): Promise<StatusIncidentRecord[]> {
  const incidents = await db
    .selectFrom('status_incidents')
    .selectAll()
    .$if(where.pageId !== undefined, (q) => q.where('page_id', '=', where.pageId as string))
    .$if(where.incidentId !== undefined, (q) => q.where('incident_id', '=', where.incidentId as string))
    .$if(where.id !== undefined, (q) => q.where('id', '=', where.id as string))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (incidents.length === 0) return [];
  const ids = incidents.map((i) => i.id);
  const entries = await db
    .selectFrom('status_incident_entries')
    .select(['id', 'status_incident_id', 'status', 'body', 'at'])
    .where('status_incident_id', 'in', ids)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const components = await db.selectFrom('status_incident_components').select(['status_incident_id', 'component_id']).where('status_incident_id', 'in', ids).execute();
  return incidents.map((i) => ({
    id: i.id,
    pageId: i.page_id,
    incidentId: i.incident_id,
    title: i.title,
    componentIds: components.filter((c) => c.status_incident_id === i.id).map((c) => c.component_id),
    entries: entries.filter((e) => e.status_incident_id === i.id).map((e) => ({ id: e.id, status: e.status, body: e.body, at: e.at })),
    createdAt: i.created_at,
    updatedAt: i.updated_at,
    resolvedAt: i.resolved_at,
  }));
}

export const listStatusIncidents = (db: Kysely<DB>, pageId: string) => read(db, { pageId });
export const statusIncidentsOfIncident = (db: Kysely<DB>, incidentId: string) => read(db, { incidentId });

export async function getStatusIncident(db: Kysely<DB>, pageId: string, id: string): Promise<StatusIncidentRecord> {
  const [found] = await read(db, { id });
  if (!found || found.pageId !== pageId) throw new AppError('not_found', `No public incident ${id} on this page`);
  return found;
}

export async function insertStatusIncident(trx: Kysely<DB>, row: { id: string; pageId: string; incidentId: string | null; title: string; componentIds: string[] }, now: number): Promise<void> {
  await trx
    .insertInto('status_incidents')
    .values({ id: row.id, page_id: row.pageId, incident_id: row.incidentId, title: row.title, created_at: now, updated_at: now, resolved_at: null })
    .execute();
  await setIncidentComponents(trx, row.id, row.componentIds);
}

export async function setIncidentComponents(trx: Kysely<DB>, id: string, componentIds: string[]): Promise<void> {
  await trx.deleteFrom('status_incident_components').where('status_incident_id', '=', id).execute();
  if (componentIds.length > 0) {
    await trx
      .insertInto('status_incident_components')
      .values(componentIds.map((componentId) => ({ status_incident_id: id, component_id: componentId })))
      .execute();
  }
}

export async function updateStatusIncidentRow(trx: Kysely<DB>, id: string, patch: { title?: string | undefined }, now: number): Promise<void> {
  await trx
    .updateTable('status_incidents')
    .set({ ...(patch.title !== undefined && { title: patch.title }), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Adds an entry; the incident is resolved when its latest entry says so, and open again after any other. */
export async function insertEntry(trx: Kysely<DB>, statusIncidentId: string, entry: { id: string; status: UpdateStatus; body: string }, now: number): Promise<void> {
  await trx.insertInto('status_incident_entries').values({ id: entry.id, status_incident_id: statusIncidentId, status: entry.status, body: entry.body, at: now }).execute();
  await trx
    .updateTable('status_incidents')
    .set({ updated_at: now, resolved_at: entry.status === 'resolved' ? now : null })
    .where('id', '=', statusIncidentId)
    .execute();
}
