import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { validate as isUuid } from 'uuid';
import { Type, type Static } from 'typebox';
import { AppError, type FieldError } from '../../core/errors.js';
import { overallStates } from '../../core/status-page/overall.js';
import type { ComponentState, StatusPageView } from '../../core/status-page/view.js';
import { hashPassword } from '../../security/password.js';
import { loadStatusPageView } from '../../service/status-page-view.js';
import { newId } from '../../store/ids.js';
import type { DB } from '../../store/schema.js';
import {
  createStatusPage,
  deleteStatusPage,
  deleteStatusPageLogo,
  getStatusPage,
  listStatusPages,
  logoHashes,
  readLayout,
  replaceLayout,
  setStatusPageLogo,
  updateStatusPage,
  type LayoutSection,
  type StatusPageRow,
  type StatusPageSettings,
} from '../../store/status-pages.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamManager } from '../permissions.js';
import { hasRole } from '../roles.js';
import { Id, toIso } from '../schemas/common.js';
import { ProblemRef } from '../schemas/problem.js';
import {
  CreateStatusPage,
  LayoutInput,
  LayoutSchema,
  PageIdParams,
  PatchStatusPage,
  StatusPageListItemSchema,
  StatusPageListQuery,
  StatusPageSchema,
  StatusPageViewSchema,
} from '../schemas/status-page.js';
import { transact } from '../../store/transact.js';

const tags = ['status pages'];
const Taken = {
  description: 'Another page has this slug (code: slug_taken) or custom domain (code: domain_taken)',
  content: { 'application/problem+json': { schema: ProblemRef } },
};

/** Logos: raster images only (an SVG can carry script), at most 256 KiB, told by their first bytes. */
const LOGO_MAX_BYTES = 256 * 1024;
const logoTypes = {
  'image/png': (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
} as const;
type LogoType = keyof typeof logoTypes;

export function presentStatusPage(row: StatusPageRow, logoSha256: string | undefined) {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    timeZone: row.time_zone,
    accentColor: row.accent_color,
    access: row.access,
    hasPassword: row.password_hash !== null,
    customDomain: row.custom_domain,
    logoPath: logoSha256 === undefined ? null : `/status/${row.slug}/logo?v=${logoSha256.slice(0, 16)}`,
    version: row.version,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** The view with instants as ISO strings, as the rest of the API shows them. */
export function presentView(view: StatusPageView): Static<typeof StatusPageViewSchema> {
  return {
    ...view,
    sections: view.sections.map((s) => ({
      ...s,
      components: s.components.map((c) => ({
        ...c,
        days: c.days.map((d) => ({ ...d, outages: d.outages.map((o) => ({ start: toIso(o.start), end: o.end === null ? null : toIso(o.end) })) })),
      })),
    })),
    incidents: view.incidents.map((i) => ({
      ...i,
      entries: i.entries.map((e) => ({ ...e, at: toIso(e.at) })),
      createdAt: toIso(i.createdAt),
      resolvedAt: i.resolvedAt === null ? null : toIso(i.resolvedAt),
    })),
    maintenances: view.maintenances.map((m) => ({ ...m, startsAt: toIso(m.startsAt), endsAt: toIso(m.endsAt) })),
    generatedAt: toIso(view.generatedAt),
  };
}

/** The host Vigil itself is served at: no page may take it over as its custom domain. */
const ownHost = (baseUrl: string) => (URL.canParse(baseUrl) ? new URL(baseUrl).hostname.toLowerCase() : null);

/**
 * The status pages' admin API: pages, their logo and layout, and the preview of what the
 * public sees. Settings, logo and layout take an admin or a manager of the page team.
 * Register in its own scope: it parses image bodies for the logo.
 */
export function statusPageRoutes(api: Api, { database: { db }, clock, config }: HttpDeps): void {
  for (const type of Object.keys(logoTypes)) {
    api.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_req, body, done) => done(null, body));
  }

  const present = async (row: StatusPageRow) => presentStatusPage(row, (await logoHashes(db, [row.id])).get(row.id));

  /** Settings as stored: lower-case colour and domain; the password hashed, or dropped when access is not password. */
  async function settingsOf(
    body: Partial<Static<typeof CreateStatusPage>>,
    current: StatusPageRow | null,
  ): Promise<Partial<StatusPageSettings>> {
    const access = body.access ?? current?.access;
    const errors: FieldError[] = [];
    if (access === 'password' && body.password === undefined && !current?.password_hash) errors.push({ path: '/body/password', message: 'is required when access is password' });
    const domain = body.customDomain?.toLowerCase();
    if (domain && domain === ownHost(config.baseUrl)) errors.push({ path: '/body/customDomain', message: "is Vigil's own host (VIGIL_BASE_URL)" });
    if (errors.length > 0) throw new AppError('validation_failed', 'The status page cannot be saved as it is', errors);
    return {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.slug !== undefined && { slug: body.slug }),
      ...(body.description !== undefined && { description: body.description === '' ? null : body.description }),
      ...(body.timeZone !== undefined && { timeZone: body.timeZone }),
      ...(body.accentColor !== undefined && { accentColor: body.accentColor.toLowerCase() }),
      ...(body.access !== undefined && { access: body.access }),
      ...(body.customDomain !== undefined && { customDomain: domain ?? null }),
      ...(access !== 'password' ? { passwordHash: null } : body.password !== undefined && { passwordHash: await hashPassword(body.password) }),
    };
  }

  api.get(
    '/status-pages',
    {
      schema: {
        tags,
        summary: 'List status pages, of one team with teamId, each with its overall state now',
        querystring: StatusPageListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(StatusPageListItemSchema),
            creatableTeamIds: Type.Array(Id, {
              description: 'Teams the caller may make pages for (POST /status-pages): every team for an admin, the teams they manage for anyone else; empty: none',
            }),
          }),
        },
      },
    },
    async (req) => {
      const rows = await listStatusPages(db, req.query.teamId === undefined ? null : [req.query.teamId]);
      const ids = rows.map((r) => r.id);
      const [logos, overall, creatableTeamIds] = await Promise.all([logoHashes(db, ids), pagesOverall(db, ids, clock.now()), creatableTeams(db, req)]);
      return { items: rows.map((r) => ({ ...presentStatusPage(r, logos.get(r.id)), overall: overall.get(r.id) ?? 'operational' })), creatableTeamIds };
    },
  );

  api.post(
    '/status-pages',
    {
      schema: {
        tags,
        summary: 'Create a status page (admins and the team managers); 409 slug_taken or domain_taken',
        body: CreateStatusPage,
        response: { 201: StatusPageSchema, 409: Taken },
      },
    },
    async (req, reply) => {
      await getTeam(db, req.body.teamId).catch(() => {
        throw new AppError('validation_failed', 'Unknown team', [{ path: '/body/teamId', message: 'is not an existing team' }]);
      });
      await requireTeamManager(db, req, req.body.teamId);
      const s = await settingsOf(req.body, null);
      const settings: StatusPageSettings = {
        name: req.body.name,
        slug: req.body.slug,
        description: s.description ?? null,
        timeZone: req.body.timeZone,
        accentColor: req.body.accentColor.toLowerCase(),
        access: req.body.access,
        passwordHash: s.passwordHash ?? null,
        customDomain: s.customDomain ?? null,
      };
      const row = await createStatusPage(db, req.body.teamId, settings, clock.now());
      return reply.code(201).send(await present(row));
    },
  );

  api.get('/status-pages/:id', { schema: { tags, summary: 'A status page (hasPassword, never the password)', params: PageIdParams, response: { 200: StatusPageSchema } } }, async (req) =>
    present(await getStatusPage(db, req.params.id)),
  );

  api.patch(
    '/status-pages/:id',
    {
      schema: {
        tags,
        summary: "Change a status page's settings; a password is kept unless given, and dropped when access is no longer password",
        params: PageIdParams,
        body: PatchStatusPage,
        response: { 200: StatusPageSchema, 409: Taken },
      },
    },
    async (req) => {
      const current = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, current.team_id);
      return present(await updateStatusPage(db, current.id, await settingsOf(req.body, current), clock.now()));
    },
  );

  api.delete('/status-pages/:id', { schema: { tags, summary: 'Delete a status page with its history and subscribers', params: PageIdParams, response: { 204: Type.Null() } } }, async (req, reply) => {
    const current = await getStatusPage(db, req.params.id);
    await requireTeamManager(db, req, current.team_id);
    await deleteStatusPage(db, current.id);
    return reply.code(204).send(null);
  });

  api.put(
    '/status-pages/:id/logo',
    {
      schema: {
        tags,
        summary: 'Set the logo: the image itself as the body, image/png, image/jpeg or image/webp, at most 256 KiB (SVG is refused: it can carry script)',
        params: PageIdParams,
        consumes: Object.keys(logoTypes),
        response: { 200: StatusPageSchema },
      },
      // Rights first, before the body is read: a refused caller's upload is never parsed.
      onRequest: async (req) => {
        const { id } = req.params as { id: string };
        // Params are validated after this hook: a malformed id is left to its 400 (PostgreSQL refuses a NUL byte with a 500).
        if (!isUuid(id)) return;
        const page = await db.selectFrom('status_pages').select('team_id').where('id', '=', id).executeTakeFirst();
        if (page) await requireTeamManager(db, req, page.team_id);
      },
    },
    async (req) => {
      const current = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, current.team_id);
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() as LogoType;
      const body = req.body as Buffer | undefined;
      if (!Buffer.isBuffer(body) || body.length === 0 || !logoTypes[type]?.(body)) {
        throw new AppError('validation_failed', `The body is not a ${type} image`, [{ path: '/body', message: `is not a ${type} image` }]);
      }
      await setStatusPageLogo(db, current.id, { contentType: type, data: body, sha256: createHash('sha256').update(body).digest('hex') }, clock.now());
      return present(await getStatusPage(db, current.id));
    },
  );

  api.delete('/status-pages/:id/logo', { schema: { tags, summary: 'Remove the logo', params: PageIdParams, response: { 204: Type.Null() } } }, async (req, reply) => {
    const current = await getStatusPage(db, req.params.id);
    await requireTeamManager(db, req, current.team_id);
    await deleteStatusPageLogo(db, current.id, clock.now());
    return reply.code(204).send(null);
  });

  api.get('/status-pages/:id/layout', { schema: { tags, summary: "The page's sections and components, in order", params: PageIdParams, response: { 200: LayoutSchema } } }, async (req) => {
    const page = await getStatusPage(db, req.params.id);
    return { sections: await readLayout(db, page.id) };
  });

  api.put(
    '/status-pages/:id/layout',
    {
      schema: {
        tags,
        summary:
          "Replace the page's whole layout: sections and components in order. Ids given are kept (with their incidents, maintenance and links); those left out are deleted. A component has monitors of the page team (worst state wins) or none and a manual state",
        params: PageIdParams,
        body: LayoutInput,
        response: { 200: LayoutSchema },
      },
    },
    async (req) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, page.team_id);
      const layout = await transact(db, async (trx) => {
        const checked = await checkedLayout(trx, page, req.body);
        await replaceLayout(trx, page.id, checked, clock.now());
        return readLayout(trx, page.id);
      });
      return { sections: layout };
    },
  );

  api.get(
    '/status-pages/:id/view',
    { schema: { tags, summary: 'What the public sees of the page now, whatever its access (a preview)', params: PageIdParams, response: { 200: StatusPageViewSchema } } },
    async (req) => presentView(await loadStatusPageView(db, req.params.id, clock.now())),
  );
}

/** Teams whose pages the caller may create, by requireTeamManager's rule, so the UI offers only what the API allows. */
async function creatableTeams(db: Kysely<DB>, req: FastifyRequest): Promise<string[]> {
  const { user } = actorOf(req);
  if (hasRole(user.role, 'admin')) return (await db.selectFrom('teams').select('id').orderBy('id').execute()).map((t) => t.id);
  if (!hasRole(user.role, 'responder')) return [];
  return (await db.selectFrom('team_members').select('team_id').where('user_id', '=', user.id).where('role', '=', 'manager').orderBy('team_id').execute()).map((m) => m.team_id);
}

/** The pages' overall states at `now`, read in five queries whatever the number of pages (not a view per page). */
async function pagesOverall(db: Kysely<DB>, pageIds: string[], now: number): Promise<Map<string, ComponentState>> {
  if (pageIds.length === 0) return new Map();
  const pageMonitors = db
    .selectFrom('status_component_monitors as l')
    .innerJoin('status_components as c', 'c.id', 'l.component_id')
    .select('l.monitor_id')
    .where('c.page_id', 'in', pageIds);
  const [components, links, monitors, openIncidents, maintained] = await Promise.all([
    db.selectFrom('status_components').select(['id', 'page_id', 'manual_state']).where('page_id', 'in', pageIds).execute(),
    db
      .selectFrom('status_component_monitors as l')
      .innerJoin('status_components as c', 'c.id', 'l.component_id')
      .select(['l.component_id', 'l.monitor_id'])
      .where('c.page_id', 'in', pageIds)
      .execute(),
    db.selectFrom('monitors').select(['id', 'kind', 'paused', 'config']).where('id', 'in', pageMonitors).execute(),
    db.selectFrom('incidents').select(['monitor_id', 'dedup_key', 'urgency']).where('monitor_id', 'in', pageMonitors).where('status', '!=', 'resolved').execute(),
    db
      .selectFrom('status_maintenance_components as mc')
      .innerJoin('status_maintenances as m', 'm.id', 'mc.maintenance_id')
      .select('mc.component_id')
      .where('m.page_id', 'in', pageIds)
      .where('m.starts_at', '<=', now)
      .where('m.ends_at', '>', now)
      .execute(),
  ]);
  return overallStates(pageIds, { components, links, monitors, openIncidents, maintainedComponents: new Set(maintained.map((m) => m.component_id)) }, now);
}

/** The layout with ids for new sections and components, or a 400 naming every wrong id. */
async function checkedLayout(trx: Kysely<DB>, page: StatusPageRow, body: Static<typeof LayoutInput>): Promise<LayoutSection[]> {
  const sections = new Set((await trx.selectFrom('status_sections').select('id').where('page_id', '=', page.id).execute()).map((r) => r.id));
  const components = new Set((await trx.selectFrom('status_components').select('id').where('page_id', '=', page.id).execute()).map((r) => r.id));
  const givenMonitors = [...new Set(body.sections.flatMap((s) => s.components.flatMap((c) => c.monitorIds)))];
  const teamMonitors = new Set(
    givenMonitors.length === 0
      ? []
      : (await trx.selectFrom('monitors').select('id').where('team_id', '=', page.team_id).where('system', '=', 0).where('id', 'in', givenMonitors).execute()).map((r) => r.id),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const idOf = (id: string | null | undefined, known: Set<string>, path: string) => {
    if (id === undefined || id === null) return newId();
    if (!known.has(id)) errors.push({ path, message: 'is not a section or component of this page' });
    else if (seen.has(id)) errors.push({ path, message: 'is given twice' });
    seen.add(id);
    return id;
  };
  const layout = body.sections.map((s, i) => ({
    id: idOf(s.id, sections, `/body/sections/${i}/id`),
    name: s.name,
    components: s.components.map((c, j) => {
      c.monitorIds.forEach((monitorId, k) => {
        if (!teamMonitors.has(monitorId)) errors.push({ path: `/body/sections/${i}/components/${j}/monitorIds/${k}`, message: "is not a monitor of the page's team" });
      });
      return {
        id: idOf(c.id, components, `/body/sections/${i}/components/${j}/id`),
        name: c.name,
        description: c.description === undefined || c.description === '' ? null : c.description,
        monitorIds: c.monitorIds,
        manualState: c.manualState ?? null,
      };
    }),
  }));
  if (errors.length > 0) throw new AppError('validation_failed', 'The layout cannot be saved as it is', errors);
  return layout;
}

/** Refuses ids that are not components of the page, at their index under `path`. */
export async function assertPageComponents(db: Kysely<DB>, pageId: string, ids: readonly string[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const known = new Set((await db.selectFrom('status_components').select('id').where('page_id', '=', pageId).where('id', 'in', ids as string[]).execute()).map((r) => r.id));
  const errors = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}/${i}`, message: 'is not a component of this page' }]));
  if (errors.length > 0) throw new AppError('validation_failed', 'Unknown components', errors);
}

