import type { Kysely } from 'kysely';
import type { UpdateStatus } from '../core/status-page/view.js';
import { audited } from '../store/audit.js';
import { newId } from '../store/ids.js';
import type { DB } from '../store/schema.js';
import { insertEntry, insertStatusIncident, setIncidentComponents, updateStatusIncidentRow } from '../store/status-incidents.js';
import { deleteMaintenanceRow, getMaintenance, insertMaintenance, updateMaintenanceRow, type MaintenanceRecord } from '../store/status-maintenances.js';
import { touchStatusPage } from '../store/status-pages.js';
import { enqueueStatusNotices } from './status-notices.js';

/*
 * Every act that changes what a status page tells the public, one function each. Each
 * runs in one audited transaction that also bumps the page's version (public caches on
 * every node see it) and, where subscribers are told, queues their notices in that same
 * transaction: a rolled-back act announces nothing, a committed one cannot be lost.
 */

export interface NewStatusIncident {
  pageId: string;
  title: string;
  status: UpdateStatus;
  body: string;
  /** Components of the page (checked by the caller). */
  componentIds: string[];
  /** A Vigil incident of the page team's monitors (checked by the caller). */
  incidentId: string | null;
}

/** Publishes a public incident with its first entry; returns its id. */
export function publishStatusIncident(db: Kysely<DB>, input: NewStatusIncident, now: number): Promise<string> {
  const id = newId();
  return audited(db, { entity: 'status_incident', id, action: 'create' }, async (trx) => {
    await insertStatusIncident(trx, { id, pageId: input.pageId, incidentId: input.incidentId, title: input.title, componentIds: input.componentIds }, now);
    const entry = { id: newId(), status: input.status, body: input.body };
    await insertEntry(trx, id, entry, now);
    await touchStatusPage(trx, input.pageId, now);
    await enqueueStatusNotices(trx, { type: 'incident_update', pageId: input.pageId, incidentId: id, entry: { ...entry, at: now }, first: true }, now);
    return id;
  });
}

/** Publishes an update of a public incident (resolved closes it; any other reopens it). */
export function postStatusIncidentEntry(db: Kysely<DB>, pageId: string, statusIncidentId: string, input: { status: UpdateStatus; body: string }, now: number): Promise<string> {
  return audited(db, { entity: 'status_incident', id: statusIncidentId, action: 'update' }, async (trx) => {
    const entry = { id: newId(), status: input.status, body: input.body };
    await insertEntry(trx, statusIncidentId, entry, now);
    await touchStatusPage(trx, pageId, now);
    await enqueueStatusNotices(trx, { type: 'incident_update', pageId, incidentId: statusIncidentId, entry: { ...entry, at: now }, first: false }, now);
    return entry.id;
  });
}

/** Renames a public incident or changes the components it affects; subscribers are not told. */
export function changeStatusIncident(db: Kysely<DB>, pageId: string, id: string, patch: { title?: string | undefined; componentIds?: string[] | undefined }, now: number): Promise<void> {
  return audited(db, { entity: 'status_incident', id, action: 'update' }, async (trx) => {
    await updateStatusIncidentRow(trx, id, { title: patch.title }, now);
    if (patch.componentIds !== undefined) await setIncidentComponents(trx, id, patch.componentIds);
    await touchStatusPage(trx, pageId, now);
  });
}

export type MaintenanceInput = Omit<MaintenanceRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** Schedules maintenance of some components; returns its id. */
export function scheduleMaintenance(db: Kysely<DB>, input: MaintenanceInput, now: number): Promise<string> {
  const id = newId();
  return audited(db, { entity: 'status_maintenance', id, action: 'create' }, async (trx) => {
    await insertMaintenance(trx, { id, ...input }, now);
    await touchStatusPage(trx, input.pageId, now);
    await enqueueStatusNotices(trx, { type: 'maintenance_scheduled', pageId: input.pageId, maintenance: noticeMaintenance(id, input) }, now);
    return id;
  });
}

/**
 * Replaces a maintenance's fields (the caller merges a patch with what is stored).
 * Subscribers are told of a change to its title, text or times that leaves it to come or
 * under way. One that leaves it over tells nobody here: an end it newly reaches (ended
 * early by the edit, say) is told by the notice loop, as every end is.
 */
export function changeMaintenance(db: Kysely<DB>, id: string, input: MaintenanceInput, now: number): Promise<void> {
  return audited(db, { entity: 'status_maintenance', id, action: 'update' }, async (trx) => {
    const before = await getMaintenance(trx, input.pageId, id);
    await updateMaintenanceRow(trx, { id, title: input.title, body: input.body, startsAt: input.startsAt, endsAt: input.endsAt, componentIds: input.componentIds }, now);
    await touchStatusPage(trx, input.pageId, now);
    const announced = (m: MaintenanceInput) => [m.title, m.body, m.startsAt, m.endsAt];
    const changed = announced(before).some((value, i) => value !== announced(input)[i]);
    if (changed && input.endsAt > now) {
      await enqueueStatusNotices(trx, { type: 'maintenance_updated', pageId: input.pageId, maintenance: noticeMaintenance(id, input), changedAt: now }, now);
    }
  });
}

/**
 * Deletes a maintenance. Subscribers are told it is cancelled if it had not started, and
 * completed (now) if it was under way; forgetting a past one tells nobody.
 */
export function cancelMaintenance(db: Kysely<DB>, pageId: string, id: string, now: number): Promise<void> {
  return audited(db, { entity: 'status_maintenance', id, action: 'delete' }, async (trx) => {
    const before = await getMaintenance(trx, pageId, id);
    await deleteMaintenanceRow(trx, id);
    await touchStatusPage(trx, pageId, now);
    if (before.startsAt > now) await enqueueStatusNotices(trx, { type: 'maintenance_cancelled', pageId, maintenance: noticeMaintenance(id, before) }, now);
    else if (before.endsAt > now) await enqueueStatusNotices(trx, { type: 'maintenance_completed', pageId, maintenance: noticeMaintenance(id, { ...before, endsAt: now }) }, now);
  });
}

const noticeMaintenance = (id: string, m: Pick<MaintenanceInput, 'title' | 'body' | 'startsAt' | 'endsAt'>) => ({ id, title: m.title, body: m.body, startsAt: m.startsAt, endsAt: m.endsAt });
