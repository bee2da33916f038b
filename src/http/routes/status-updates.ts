import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { maintenancePhase } from '../../core/status-page/state.js';
import { changeMaintenance, changeStatusIncident, cancelMaintenance, postStatusIncidentEntry, publishStatusIncident, scheduleMaintenance } from '../../service/status-updates.js';
import type { DB } from '../../store/schema.js';
import { getStatusIncident, listStatusIncidents, statusIncidentsOfIncident, type StatusIncidentRecord } from '../../store/status-incidents.js';
import { getMaintenance, listMaintenances, type MaintenanceRecord } from '../../store/status-maintenances.js';
import { getStatusPage } from '../../store/status-pages.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamManager, requireTeamMember } from '../permissions.js';
import { IdParams, toIso } from '../schemas/common.js';
import {
  CreateEntry,
  CreateMaintenance,
  CreateStatusIncident,
  MaintenanceParams,
  MaintenanceSchema,
  PageIdParams,
  PatchMaintenance,
  PatchStatusIncident,
  StatusIncidentParams,
  StatusIncidentSchema,
} from '../schemas/status-page.js';
import { assertPageComponents } from './status-pages.js';

const tags = ['status pages'];

const presentIncident = (i: StatusIncidentRecord) => ({
  id: i.id,
  pageId: i.pageId,
  incidentId: i.incidentId,
  title: i.title,
  components: i.componentIds,
  entries: i.entries.map((e) => ({ ...e, at: toIso(e.at) })),
  createdAt: toIso(i.createdAt),
  updatedAt: toIso(i.updatedAt),
  resolvedAt: i.resolvedAt === null ? null : toIso(i.resolvedAt),
});

const presentMaintenance = (m: MaintenanceRecord, now: number) => ({
  id: m.id,
  pageId: m.pageId,
  title: m.title,
  body: m.body,
  startsAt: toIso(m.startsAt),
  endsAt: toIso(m.endsAt),
  components: m.componentIds,
  state: maintenancePhase(m.startsAt, m.endsAt, now),
  createdAt: toIso(m.createdAt),
  updatedAt: toIso(m.updatedAt),
});

/** A Vigil incident a public one may name: one of the page team's monitors'. */
async function assertTeamIncident(db: Kysely<DB>, teamId: string, incidentId: string): Promise<void> {
  const found = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .select('i.id')
    .where('i.id', '=', incidentId)
    .where('m.team_id', '=', teamId)
    .executeTakeFirst();
  if (!found) throw new AppError('validation_failed', 'Unknown incident', [{ path: '/body/incidentId', message: "is not an incident of the page team's monitors" }]);
}

/**
 * Public incidents ("status updates") and scheduled maintenance of a status page. A
 * responder publishes: admins and members of the page team post incidents and their
 * updates; maintenance is page configuration, for admins and the team's managers.
 */
export function statusUpdateRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  api.get(
    '/status-pages/:id/incidents',
    { schema: { tags, summary: "The page's public incidents with their history, newest first", params: PageIdParams, response: { 200: Type.Object({ items: Type.Array(StatusIncidentSchema) }) } } },
    async (req) => {
      const page = await getStatusPage(db, req.params.id);
      return { items: (await listStatusIncidents(db, page.id)).map(presentIncident) };
    },
  );

  api.post(
    '/status-pages/:id/incidents',
    {
      schema: {
        tags,
        summary: 'Publish a public incident with its first update (admins and members of the page team); subscribers are told',
        params: PageIdParams,
        body: CreateStatusIncident,
        response: { 201: StatusIncidentSchema },
      },
    },
    async (req, reply) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamMember(db, req, page.team_id);
      await assertPageComponents(db, page.id, req.body.componentIds, '/body/componentIds');
      const incidentId = req.body.incidentId ?? null;
      if (incidentId !== null) await assertTeamIncident(db, page.team_id, incidentId);
      const id = await publishStatusIncident(
        db,
        { pageId: page.id, title: req.body.title, status: req.body.status, body: req.body.body, componentIds: req.body.componentIds, incidentId },
        clock.now(),
      );
      return reply.code(201).send(presentIncident(await getStatusIncident(db, page.id, id)));
    },
  );

  api.patch(
    '/status-pages/:id/incidents/:sid',
    {
      schema: { tags, summary: 'Rename a public incident or change the components it affects', params: StatusIncidentParams, body: PatchStatusIncident, response: { 200: StatusIncidentSchema } },
    },
    async (req) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamMember(db, req, page.team_id);
      await getStatusIncident(db, page.id, req.params.sid);
      if (req.body.componentIds) await assertPageComponents(db, page.id, req.body.componentIds, '/body/componentIds');
      await changeStatusIncident(db, page.id, req.params.sid, req.body, clock.now());
      return presentIncident(await getStatusIncident(db, page.id, req.params.sid));
    },
  );

  api.post(
    '/status-pages/:id/incidents/:sid/entries',
    {
      schema: {
        tags,
        summary: 'Publish an update of a public incident; resolved closes it, any other status reopens it; subscribers are told',
        params: StatusIncidentParams,
        body: CreateEntry,
        response: { 201: StatusIncidentSchema },
      },
    },
    async (req, reply) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamMember(db, req, page.team_id);
      await getStatusIncident(db, page.id, req.params.sid);
      await postStatusIncidentEntry(db, page.id, req.params.sid, req.body, clock.now());
      return reply.code(201).send(presentIncident(await getStatusIncident(db, page.id, req.params.sid)));
    },
  );

  api.get(
    '/incidents/:id/status-incidents',
    { schema: { tags, summary: 'Public incidents that tell about this incident, on any status page', params: IdParams, response: { 200: Type.Object({ items: Type.Array(StatusIncidentSchema) }) } } },
    async (req) => ({ items: (await statusIncidentsOfIncident(db, req.params.id)).map(presentIncident) }),
  );

  api.get(
    '/status-pages/:id/maintenances',
    { schema: { tags, summary: "The page's maintenance, latest start first", params: PageIdParams, response: { 200: Type.Object({ items: Type.Array(MaintenanceSchema) }) } } },
    async (req) => {
      const page = await getStatusPage(db, req.params.id);
      const now = clock.now();
      return { items: (await listMaintenances(db, page.id)).map((m) => presentMaintenance(m, now)) };
    },
  );

  const checkSpan = (startsAt: number, endsAt: number) => {
    if (endsAt <= startsAt) throw new AppError('validation_failed', 'The maintenance ends before it starts', [{ path: '/body/endsAt', message: 'must be after startsAt' }]);
  };

  api.post(
    '/status-pages/:id/maintenances',
    {
      schema: {
        tags,
        summary: 'Schedule maintenance of some components (admins and the page team managers); subscribers are told',
        params: PageIdParams,
        body: CreateMaintenance,
        response: { 201: MaintenanceSchema },
      },
    },
    async (req, reply) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, page.team_id);
      const startsAt = Date.parse(req.body.startsAt);
      const endsAt = Date.parse(req.body.endsAt);
      checkSpan(startsAt, endsAt);
      await assertPageComponents(db, page.id, req.body.componentIds, '/body/componentIds');
      const now = clock.now();
      const id = await scheduleMaintenance(db, { pageId: page.id, title: req.body.title, body: req.body.body, startsAt, endsAt, componentIds: req.body.componentIds }, now);
      return reply.code(201).send(presentMaintenance(await getMaintenance(db, page.id, id), now));
    },
  );

  api.patch(
    '/status-pages/:id/maintenances/:mid',
    {
      schema: {
        tags,
        summary: 'Change a maintenance',
        description:
          'Confirmed subscribers are told (status.maintenance_updated) when its title, text or times change and it is still to come or under way; an end it reaches by the change is told as its completion.',
        params: MaintenanceParams,
        body: PatchMaintenance,
        response: { 200: MaintenanceSchema },
      },
    },
    async (req) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, page.team_id);
      const current = await getMaintenance(db, page.id, req.params.mid);
      const startsAt = req.body.startsAt === undefined ? current.startsAt : Date.parse(req.body.startsAt);
      const endsAt = req.body.endsAt === undefined ? current.endsAt : Date.parse(req.body.endsAt);
      checkSpan(startsAt, endsAt);
      if (req.body.componentIds) await assertPageComponents(db, page.id, req.body.componentIds, '/body/componentIds');
      const now = clock.now();
      await changeMaintenance(
        db,
        current.id,
        { pageId: page.id, title: req.body.title ?? current.title, body: req.body.body ?? current.body, startsAt, endsAt, componentIds: req.body.componentIds ?? current.componentIds },
        now,
      );
      return presentMaintenance(await getMaintenance(db, page.id, current.id), now);
    },
  );

  api.delete(
    '/status-pages/:id/maintenances/:mid',
    {
      schema: {
        tags,
        summary: 'Delete a maintenance (cancel it, or forget a past one)',
        description:
          'Confirmed subscribers are told it is cancelled if it had not started (status.maintenance_cancelled), or completed now if it was under way (status.maintenance_completed); forgetting a past one tells nobody.',
        params: MaintenanceParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, page.team_id);
      // Not found (or another page's) is cancelMaintenance's to say: it reads the row in its transaction.
      await cancelMaintenance(db, page.id, req.params.mid, clock.now());
      return reply.code(204).send(null);
    },
  );
}
