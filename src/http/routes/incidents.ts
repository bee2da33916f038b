import { changesOf } from '../../store/change-events.js';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { actOnIncident, changeUrgency, mergeIncidents, noteOnIncident, type IncidentAction } from '../../service/incidents.js';
import { mayActForTeam, mayActOnIncident } from '../../service/incident-access.js';
import { getIncident, listEvents, type IncidentRow } from '../../store/incidents.js';
import { listIncidentPage } from '../../store/incident-list.js';
import { listNotifications } from '../../store/notifications.js';
import { getMonitor } from '../../store/monitors.js';
import { getUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { actorOf, type Actor } from '../auth.js';
import { requireIncidentRights } from '../permissions.js';
import type { HttpDeps } from '../deps.js';
import { Id, IdParams, toIso } from '../schemas/common.js';
import { IncidentDetail, IncidentView, toEvent, toIncident, toNotification, UrgencySchema } from '../schemas/incident.js';
import { IncidentListQuery, LIST_QUERY_ARRAYS, filterOf, listRequestOf } from '../schemas/incident-list.js';



/** How far before an incident its monitor's changes are shown: a deploy is often the cause. */
const CHANGES_BEFORE = 4 * 3_600_000;

export function incidentRoutes(api: Api, { database, clock, wakeEngine, config }: HttpDeps): void {
  const { db } = database;
  const tags = ['incidents'];

  /** Acting on an incident is for its monitor's team and admins (or every responder, by setting); viewers watch. */
  async function requireActor(req: FastifyRequest, incidentId: string): Promise<Actor> {
    const actor = actorOf(req);
    const incident = await getIncident(db, incidentId);
    await requireIncidentRights(db, req, (await getMonitor(db, incident.monitor_id)).team_id, config.incidentActions);
    return actor;
  }

  /** The incident as the caller sees it, with whether they may act on it, so the UI offers only what works. */
  async function detail(req: FastifyRequest, id: string) {
    const row = await getIncident(db, id);
    return {
      ...toIncident(row),
      timeline: (await listEvents(db, id)).map(toEvent),
      changes: (await changesOf(db, row.monitor_id, row.triggered_at - CHANGES_BEFORE, (row.resolved_at ?? clock.now()) + 1, 20)).map((c) => ({ ...c, at: toIso(c.at) })),
      notifications: (await listNotifications(db, id)).map(toNotification),
      youMayAct: await mayActOnIncident(db, actorOf(req).user, id, config.incidentActions),
    };
  }

  api.get(
    '/incidents',
    {
      // The query string parser only makes repeated keys a list; commas are split before validation.
      preValidation: async (req) => {
        const query = req.query as Record<string, unknown>;
        for (const key of LIST_QUERY_ARRAYS) if (query[key] !== undefined) query[key] = [query[key]].flat().flatMap((s) => String(s).split(','));
      },
      schema: {
        tags,
        summary: 'Incidents, filtered, searched and sorted (newest first unless told), a page at a time',
        querystring: IncidentListQuery,
        response: { 200: Type.Object({ items: Type.Array(IncidentView), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) => {
      const page = await listIncidentPage(db, database.dialect, listRequestOf(req.query), filterOf(req.query));
      return { items: page.items.map(toIncident), nextCursor: page.nextCursor };
    },
  );

  api.get('/incidents/:id', { schema: { tags, summary: 'An incident with its timeline and notifications', params: IdParams, response: { 200: IncidentDetail } } }, (req) =>
    detail(req, req.params.id),
  );

  const action = (path: string, summary: string, make: (actor: Actor) => IncidentAction) =>
    api.post(
      `/incidents/:id/${path}`,
      { schema: { tags, summary, params: IdParams, response: { 200: IncidentDetail } } },
      async (req) => {
        const actor = await requireActor(req, req.params.id);
        await actOnIncident(database, req.params.id, make(actor), clock.now());
        wakeEngine();
        return detail(req, req.params.id);
      },
    );

  action('acknowledge', 'Acknowledge: stops escalation and pending notifications', (a) => ({ type: 'acknowledge', by: a.user.id }));
  action('resolve', 'Resolve: ends the incident for good', (a) => ({ type: 'resolve', by: a.user.id }));
  action('escalate', 'Escalate to the next step now', (a) => ({ type: 'escalate', by: a.user.id }));
  api.post(
    '/incidents/:id/reassign',
    {
      schema: {
        tags,
        summary: 'Page another user now; an acknowledged incident becomes triggered again',
        params: IdParams,
        body: Type.Object({ userId: Id }, { additionalProperties: false }),
        response: { 200: IncidentDetail },
      },
    },
    async (req) => {
      const actor = await requireActor(req, req.params.id);
      await getUser(db, req.body.userId).catch(() => {
        throw new AppError('validation_failed', 'Unknown user', [{ path: '/body/userId', message: 'is not an existing user' }]);
      });
      await actOnIncident(database, req.params.id, { type: 'reassign', by: actor.user.id, userId: req.body.userId }, clock.now());
      wakeEngine();
      return detail(req, req.params.id);
    },
  );

  api.post(
    '/incidents/:id/urgency',
    {
      schema: {
        tags,
        summary: 'Change the urgency; pages already queued stay, later steps page by the rules of the new urgency',
        params: IdParams,
        body: Type.Object({ urgency: UrgencySchema }, { additionalProperties: false }),
        response: { 200: IncidentDetail },
      },
    },
    async (req) => {
      const actor = await requireActor(req, req.params.id);
      await changeUrgency(database, req.params.id, req.body.urgency, actor.user.id, clock.now());
      return detail(req, req.params.id);
    },
  );

  /** An incident resolved by someone else since it was read counts as left as it was. */
  async function actOrResolved(id: string, type: 'acknowledge' | 'resolve', by: string): Promise<IncidentRow['status']> {
    try {
      return (await actOnIncident(database, id, { type, by }, clock.now())).status;
    } catch (err) {
      if (err instanceof AppError && err.code === 'incident_resolved') return 'resolved';
      throw err;
    }
  }

  api.post(
    '/incidents/bulk',
    {
      schema: {
        tags,
        summary: 'Acknowledge or resolve many incidents at once: all or none may be acted on (403 names those that may not); resolved ones, and acknowledged ones for acknowledge, are left as they are',
        body: Type.Object(
          { action: Type.Enum(['acknowledge', 'resolve']), ids: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, status: IncidentView.properties.status, changed: Type.Boolean() })) }) },
      },
    },
    async (req) => {
      const { user } = actorOf(req);
      const { action, ids } = req.body;
      const rows = await db
        .selectFrom('incidents as i')
        .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
        .select(['i.id', 'i.status', 'm.team_id as teamId'])
        .where('i.id', 'in', ids)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = ids.flatMap((id, i) => (byId.has(id) ? [] : [{ path: `/body/ids/${i}`, message: 'is not an incident' }]));
      if (missing.length > 0) throw new AppError('validation_failed', 'Unknown incident', missing);
      const allowed = new Map<string, boolean>();
      for (const teamId of new Set(rows.map((r) => r.teamId))) allowed.set(teamId, await mayActForTeam(db, user, teamId, config.incidentActions));
      const refused = ids.flatMap((id, i) => (allowed.get(byId.get(id)?.teamId ?? '') ? [] : [{ path: `/body/ids/${i}`, message: "belongs to another team's monitor" }]));
      if (refused.length > 0) throw new AppError('forbidden', "Only an admin or a member of the monitor's team can act on its incidents", refused);
      const items = [];
      for (const id of ids) {
        const before = (byId.get(id) as (typeof rows)[number]).status;
        const untouched = before === 'resolved' || (action === 'acknowledge' && before === 'acknowledged');
        const after = untouched ? before : await actOrResolved(id, action, user.id);
        items.push({ id, status: after, changed: after !== before });
      }
      wakeEngine();
      return { items };
    },
  );

  api.post(
    '/incidents/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge open incidents into this one: each is resolved, its alerts and count move here, both timelines say so',
        params: IdParams,
        body: Type.Object({ incidentIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 200: IncidentDetail },
      },
    },
    async (req) => {
      const actor = await requireActor(req, req.params.id);
      const { incidentIds } = req.body;
      const teams = await db
        .selectFrom('incidents as i')
        .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
        .select(['i.id', 'm.team_id as teamId'])
        .where('i.id', 'in', incidentIds)
        .execute();
      const teamOf = new Map(teams.map((r) => [r.id, r.teamId]));
      const allowed = new Map<string, boolean>();
      for (const teamId of new Set(teamOf.values())) allowed.set(teamId, await mayActForTeam(db, actor.user, teamId, config.incidentActions));
      const refused = incidentIds.flatMap((id, i) => {
        const teamId = teamOf.get(id);
        return teamId === undefined || allowed.get(teamId) ? [] : [{ path: `/body/incidentIds/${i}`, message: "belongs to another team's monitor" }];
      });
      if (refused.length > 0) throw new AppError('forbidden', "Only an admin or a member of the monitor's team can act on its incidents", refused);
      await mergeIncidents(database, req.params.id, incidentIds, actor.user.id, clock.now());
      return detail(req, req.params.id);
    },
  );

  api.post(
    '/incidents/:id/snooze',
    {
      schema: {
        tags,
        summary: 'Snooze: acknowledged (pending pages cancelled) for this many minutes, then triggered again from step 1',
        params: IdParams,
        body: Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 }) }, { additionalProperties: false }),
        response: { 200: IncidentDetail },
      },
    },
    async (req) => {
      const actor = await requireActor(req, req.params.id);
      const now = clock.now();
      await actOnIncident(database, req.params.id, { type: 'snooze', by: actor.user.id, until: now + req.body.minutes * 60_000 }, now);
      wakeEngine();
      return detail(req, req.params.id);
    },
  );

  api.post(
    '/incidents/:id/responders',
    {
      schema: {
        tags,
        summary: 'Add responders: page these users now, by their own rules; an acknowledged incident becomes triggered again',
        params: IdParams,
        body: Type.Object({ userIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 200: IncidentDetail },
      },
    },
    async (req) => {
      const actor = await requireActor(req, req.params.id);
      const known = new Set((await db.selectFrom('users').select('id').where('id', 'in', req.body.userIds).execute()).map((u) => u.id));
      const unknown = req.body.userIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `/body/userIds/${i}`, message: 'is not an existing user' }]));
      if (unknown.length > 0) throw new AppError('validation_failed', 'Unknown user', unknown);
      await actOnIncident(database, req.params.id, { type: 'add_responders', by: actor.user.id, userIds: req.body.userIds }, clock.now());
      wakeEngine();
      return detail(req, req.params.id);
    },
  );

  // Notes on the timeline, allowed on resolved incidents too: a status update says where
  // things stand for whoever follows the incident; a comment is discussion.
  for (const [path, kind, summary] of [
    ['comments', 'comment', 'Add a comment to the timeline (also on a resolved incident)'],
    ['status-updates', 'status_update', 'Post a status update: where things stand, shown at the top of the incident (also on a resolved incident)'],
  ] as const) {
    api.post(
      `/incidents/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 10_000 }) }, { additionalProperties: false }),
          response: { 201: IncidentDetail },
        },
      },
      async (req, reply) => {
        const actor = await requireActor(req, req.params.id);
        await noteOnIncident(database, req.params.id, kind, actor.user.id, req.body.text, clock.now());
        return reply.code(201).send(await detail(req, req.params.id));
      },
    );
  }
}
