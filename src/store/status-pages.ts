import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../core/errors.js';
import type { ComponentState, StatusPageAccess } from '../core/status-page/view.js';
import { audited } from './audit.js';
import { chunksOf } from './chunks.js';
import { isUniqueViolation } from './database.js';
import { newId } from './ids.js';
import type { DB, StatusPagesTable } from './schema.js';

export type StatusPageRow = Selectable<StatusPagesTable>;

/** The page served at /status/<slug>, if any. */
export function findStatusPageBySlug(db: Kysely<DB>, slug: string): Promise<StatusPageRow | undefined> {
  return db.selectFrom('status_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The page whose custom domain is `host` (a Host header: any case, port ignored), if any. */
export function findStatusPageByDomain(db: Kysely<DB>, host: string): Promise<StatusPageRow | undefined> {
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return db.selectFrom('status_pages').selectAll().where('custom_domain', '=', name).executeTakeFirst();
}

/**
 * The page's version: one cheap read that tells a cache whether anything the public sees
 * changed (settings, layout, logo, incidents and their updates, maintenance); undefined
 * once the page is gone. Monitor states and uptime change without it: those come from
 * the clock and the monitors, so caches also expire renders after a short while.
 */
export async function statusPageVersion(db: Kysely<DB>, pageId: string): Promise<number | undefined> {
  const row = await db.selectFrom('status_pages').select('version').where('id', '=', pageId).executeTakeFirst();
  return row?.version;
}

/** Marks a change the public could see; call it in the transaction making the change. */
export async function touchStatusPage(trx: Kysely<DB>, pageId: string, now: number): Promise<void> {
  await trx
    .updateTable('status_pages')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', pageId)
    .execute();
}

export async function getStatusPage(db: Kysely<DB>, id: string): Promise<StatusPageRow> {
  const row = await db.selectFrom('status_pages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No status page ${id}`);
  return row;
}

/** Pages of the given teams (all pages: null), by name. */
export function listStatusPages(db: Kysely<DB>, teamIds: readonly string[] | null): Promise<StatusPageRow[]> {
  if (teamIds !== null && teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('status_pages')
    .selectAll()
    .$if(teamIds !== null, (q) => q.where('team_id', 'in', teamIds as string[]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Which pages have a logo, and its hash (for cache-busting links). */
export async function logoHashes(db: Kysely<DB>, pageIds: readonly string[]): Promise<Map<string, string>> {
  if (pageIds.length === 0) return new Map();
  const rows = await db.selectFrom('status_page_logos').select(['page_id', 'sha256']).where('page_id', 'in', pageIds as string[]).execute();
  return new Map(rows.map((r) => [r.page_id, r.sha256]));
}

export interface StatusPageSettings {
  name: string;
  slug: string;
  description: string | null;
  timeZone: string;
  accentColor: string;
  access: StatusPageAccess;
  /** Hashed already; undefined keeps the stored one. */
  passwordHash?: string | null | undefined;
  customDomain: string | null;
}

/** Refuses a slug or domain another page has, naming the field. */
async function assertFree(db: Kysely<DB>, settings: Partial<StatusPageSettings>, id: string | null): Promise<void> {
  const other = (column: 'slug' | 'custom_domain', value: string) =>
    db
      .selectFrom('status_pages')
      .select('id')
      .where(column, '=', value)
      .$if(id !== null, (q) => q.where('id', '!=', id as string))
      .executeTakeFirst();
  if (settings.slug !== undefined && (await other('slug', settings.slug))) {
    throw new AppError('slug_taken', `Another status page is served at /status/${settings.slug}`, [{ path: '/body/slug', message: 'is taken' }]);
  }
  if (settings.customDomain && (await other('custom_domain', settings.customDomain))) {
    throw new AppError('domain_taken', `Another status page uses ${settings.customDomain}`, [{ path: '/body/customDomain', message: 'is taken' }]);
  }
}

async function uniquely<T>(db: Kysely<DB>, settings: Partial<StatusPageSettings>, id: string | null, write: () => Promise<T>): Promise<T> {
  await assertFree(db, settings, id);
  try {
    return await write();
  } catch (err) {
    // Taken meanwhile by a concurrent request: name the field as above.
    if (isUniqueViolation(err)) await assertFree(db, settings, id);
    throw err;
  }
}

export async function createStatusPage(db: Kysely<DB>, teamId: string, settings: StatusPageSettings, now: number): Promise<StatusPageRow> {
  const id = newId();
  await uniquely(db, settings, null, () =>
    audited(db, { entity: 'status_page', id, action: 'create' }, (trx) =>
      trx
        .insertInto('status_pages')
        .values({
          id,
          team_id: teamId,
          name: settings.name,
          slug: settings.slug,
          description: settings.description,
          time_zone: settings.timeZone,
          accent_color: settings.accentColor,
          access: settings.access,
          password_hash: settings.passwordHash ?? null,
          custom_domain: settings.customDomain,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute(),
    ),
  );
  return getStatusPage(db, id);
}

export async function updateStatusPage(db: Kysely<DB>, id: string, patch: Partial<StatusPageSettings>, now: number): Promise<StatusPageRow> {
  await uniquely(db, patch, id, () =>
    audited(db, { entity: 'status_page', id, action: 'update' }, async (trx) => {
      const result = await trx
        .updateTable('status_pages')
        .set((eb) => ({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.slug !== undefined && { slug: patch.slug }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
          ...(patch.accentColor !== undefined && { accent_color: patch.accentColor }),
          ...(patch.access !== undefined && { access: patch.access }),
          ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
          ...(patch.customDomain !== undefined && { custom_domain: patch.customDomain }),
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new AppError('not_found', `No status page ${id}`);
    }),
  );
  return getStatusPage(db, id);
}

export function deleteStatusPage(db: Kysely<DB>, id: string): Promise<void> {
  return audited(db, { entity: 'status_page', id, action: 'delete' }, async (trx) => {
    const result = await trx.deleteFrom('status_pages').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `No status page ${id}`);
  });
}

export interface StatusLogo {
  contentType: string;
  data: Buffer;
  sha256: string;
  updatedAt: number;
}

export async function getStatusPageLogo(db: Kysely<DB>, pageId: string): Promise<StatusLogo | undefined> {
  const row = await db.selectFrom('status_page_logos').selectAll().where('page_id', '=', pageId).executeTakeFirst();
  return row && { contentType: row.content_type, data: Buffer.from(row.data, 'base64'), sha256: row.sha256, updatedAt: row.updated_at };
}

/** Stores or replaces the logo; `sha256` is the hex digest of `data`. */
export function setStatusPageLogo(db: Kysely<DB>, pageId: string, logo: Omit<StatusLogo, 'updatedAt'>, now: number): Promise<void> {
  return audited(db, { entity: 'status_page', id: pageId, action: 'update' }, async (trx) => {
    const row = { content_type: logo.contentType, data: logo.data.toString('base64'), sha256: logo.sha256, updated_at: now };
    await trx
      .insertInto('status_page_logos')
      .values({ page_id: pageId, ...row })
      .onConflict((oc) => oc.column('page_id').doUpdateSet(row))
      .execute();
    await touchStatusPage(trx, pageId, now);
  });
}

export function deleteStatusPageLogo(db: Kysely<DB>, pageId: string, now: number): Promise<void> {
  return audited(db, { entity: 'status_page', id: pageId, action: 'update' }, async (trx) => {
    const result = await trx.deleteFrom('status_page_logos').where('page_id', '=', pageId).executeTakeFirst();
    if (result.numDeletedRows > 0n) await touchStatusPage(trx, pageId, now);
  });
}

export interface LayoutComponent {
  id: string;
  name: string;
  description: string | null;
  monitorIds: string[];
  manualState: ComponentState | null;
}

export interface LayoutSection {
  id: string;
  name: string;
  components: LayoutComponent[];
}

/** The page's sections and components in order, with each component's monitors. */
export async function readLayout(db: Kysely<DB>, pageId: string): Promise<LayoutSection[]> {
  const sections = await db.selectFrom('status_sections').select(['id', 'name']).where('page_id', '=', pageId).orderBy('position').execute();
  const components = await db
    .selectFrom('status_components')
    .select(['id', 'section_id', 'name', 'description', 'manual_state'])
    .where('page_id', '=', pageId)
    .orderBy('position')
    .execute();
  const links = await db
    .selectFrom('status_component_monitors as l')
    .innerJoin('status_components as c', 'c.id', 'l.component_id')
    .select(['l.component_id', 'l.monitor_id'])
    .where('c.page_id', '=', pageId)
    .orderBy('l.monitor_id')
    .execute();
  const monitorIds = new Map<string, string[]>();
  for (const l of links) monitorIds.set(l.component_id, [...(monitorIds.get(l.component_id) ?? []), l.monitor_id]);
  return sections.map((s) => ({
    id: s.id,
    name: s.name,
    components: components
      .filter((c) => c.section_id === s.id)
      .map((c) => ({ id: c.id, name: c.name, description: c.description, monitorIds: monitorIds.get(c.id) ?? [], manualState: c.manual_state })),
  }));
}

/**
 * Replaces the whole layout. Sections and components keep the ids given (so incidents,
 * maintenance and links naming them survive); those left out are deleted, with their
 * place in incidents and maintenance. Ids must be this page's or new (checked by the caller).
 */
export function replaceLayout(db: Kysely<DB>, pageId: string, layout: LayoutSection[], now: number): Promise<void> {
  return audited(db, { entity: 'status_page', id: pageId, action: 'update' }, async (trx) => {
    const keptSections = layout.map((s) => s.id);
    const keptComponents = layout.flatMap((s) => s.components.map((c) => c.id));
    await trx
      .deleteFrom('status_components')
      .where('page_id', '=', pageId)
      .$if(keptComponents.length > 0, (q) => q.where('id', 'not in', keptComponents))
      .execute();
    await trx
      .deleteFrom('status_sections')
      .where('page_id', '=', pageId)
      .$if(keptSections.length > 0, (q) => q.where('id', 'not in', keptSections))
      .execute();
    if (keptComponents.length > 0) await trx.deleteFrom('status_component_monitors').where('component_id', 'in', keptComponents).execute();
    for (const [i, s] of layout.entries()) {
      await trx
        .insertInto('status_sections')
        .values({ id: s.id, page_id: pageId, position: i, name: s.name })
        .onConflict((oc) => oc.column('id').doUpdateSet({ position: i, name: s.name }))
        .execute();
    }
    let position = 0;
    for (const s of layout) {
      for (const c of s.components) {
        const row = { section_id: s.id, position: position++, name: c.name, description: c.description, manual_state: c.monitorIds.length > 0 ? null : c.manualState };
        await trx
          .insertInto('status_components')
          .values({ id: c.id, page_id: pageId, ...row })
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
      }
    }
    const links = layout.flatMap((s) => s.components.flatMap((c) => [...new Set(c.monitorIds)].map((monitorId) => ({ component_id: c.id, monitor_id: monitorId }))));
    for (const chunk of chunksOf(links)) await trx.insertInto('status_component_monitors').values(chunk).execute();
    await touchStatusPage(trx, pageId, now);
  });
}

