import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { DB } from './schema.js';

export interface MaintenanceRecord {
  id: string;
  pageId: string;
  title: string;
  body: string;
  startsAt: number;
  endsAt: number;
  componentIds: string[];
  createdAt: number;
  updatedAt: number;
}

async function read(db: Kysely<DB>, where: { pageId?: string; id?: string }): Promise<MaintenanceRecord[]> {
  const rows = await db
    .selectFrom('status_maintenances')
    .selectAll()
    .$if(where.pageId !== undefined, (q) => q.where('page_id', '=', where.pageId as string))
    .$if(where.id !== undefined, (q) => q.where('id', '=', where.id as string))
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('status_maintenance_components')
    .select(['maintenance_id', 'component_id'])
    .where(
      'maintenance_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    pageId: r.page_id,
    title: r.title,
    body: r.body,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    componentIds: links.filter((l) => l.maintenance_id === r.id).map((l) => l.component_id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** A page's maintenance, latest start first. */
export const listMaintenances = (db: Kysely<DB>, pageId: string) => read(db, { pageId });

export async function getMaintenance(db: Kysely<DB>, pageId: string, id: string): Promise<MaintenanceRecord> {
  const [found] = await read(db, { id });
  if (!found || found.pageId !== pageId) throw new AppError('not_found', `No maintenance ${id} on this page`);
  return found;
}

export async function insertMaintenance(trx: Kysely<DB>, m: Omit<MaintenanceRecord, 'createdAt' | 'updatedAt'>, now: number): Promise<void> {
  await trx
    .insertInto('status_maintenances')
    .values({ id: m.id, page_id: m.pageId, title: m.title, body: m.body, starts_at: m.startsAt, ends_at: m.endsAt, created_at: now, updated_at: now })
    .execute();
  await setMaintenanceComponents(trx, m.id, m.componentIds);
}

export async function updateMaintenanceRow(trx: Kysely<DB>, m: Omit<MaintenanceRecord, 'pageId' | 'createdAt' | 'updatedAt'>, now: number): Promise<void> {
  await trx
    .updateTable('status_maintenances')
    .set({ title: m.title, body: m.body, starts_at: m.startsAt, ends_at: m.endsAt, updated_at: now })
    .where('id', '=', m.id)
    .execute();
  await setMaintenanceComponents(trx, m.id, m.componentIds);
}

async function setMaintenanceComponents(trx: Kysely<DB>, id: string, componentIds: string[]): Promise<void> {
  await trx.deleteFrom('status_maintenance_components').where('maintenance_id', '=', id).execute();
  if (componentIds.length > 0) {
    await trx
      .insertInto('status_maintenance_components')
      .values(componentIds.map((componentId) => ({ maintenance_id: id, component_id: componentId })))
      .execute();
  }
}

export async function deleteMaintenanceRow(trx: Kysely<DB>, id: string): Promise<void> {
  await trx.deleteFrom('status_maintenances').where('id', '=', id).execute();
}
