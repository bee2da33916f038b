import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { triggerAlert } from '../../service/incidents.js';
import {
  deleteMonitor,
  getMonitor,
  heartbeatWindowMs,
  insertMonitor,
  listMonitors,
  rotateIntegrationKey,
  setHeartbeatDue,
  updateMonitor,
  type HeartbeatConfig,
  type MonitorRow,
} from '../../store/monitors.js';
import { getPolicy } from '../../store/policies.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamMember } from '../permissions.js';
import { Id, IdParams, Instant, Page, PageQuery, toIso } from '../schemas/common.js';
import { AlertInput, IncidentView, toIncident } from '../schemas/incident.js';
import { requireResponder } from './incidents.js';

const strict = { additionalProperties: false } as const;
const Name = Type.String({ minLength: 1, maxLength: 200 });

const MonitorView = Type.Object({
  id: Id,
  teamId: Id,
  name: Type.String(),
  kind: Type.String({ description: "manual (alerts endpoint), or pushed: webhook, pagerduty (Events API v2), alertmanager, grafana" }),
  policyId: Id,
  paused: Type.Boolean(),
  createdAt: Instant,
  heartbeat: Type.Optional(Type.Object({ intervalSeconds: Type.Integer(), graceSeconds: Type.Integer() })),
});
const pushedKinds = ['webhook', 'pagerduty', 'alertmanager', 'grafana', 'heartbeat'] as const;
const Heartbeat = Type.Object(
  {
    intervalSeconds: Type.Integer({ minimum: 30, maximum: 7 * 86400, description: 'A beat is expected this often' }),
    graceSeconds: Type.Integer({ minimum: 0, maximum: 86400, description: 'Extra time before a missing beat opens an incident' }),
  },
  strict,
);
const CreateMonitor = Type.Object(
  {
    name: Name,
    teamId: Id,
    policyId: Id,
    kind: Type.Optional(Type.Enum(['manual', ...pushedKinds])),
    paused: Type.Optional(Type.Boolean()),
    heartbeat: Type.Optional(Heartbeat),
  },
  strict,
);
const Integration = Type.Object({
  integrationKey: Type.String({ description: 'Shown once: only its hash is stored' }),
  integrationUrl: Type.String({ description: 'Where the sender posts; PagerDuty senders put the key in routing_key' }),
});
const PatchMonitor = Type.Object({ name: Type.Optional(Name), policyId: Type.Optional(Id), paused: Type.Optional(Type.Boolean()) }, strict);

const toMonitor = (row: MonitorRow) => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  kind: row.kind,
  policyId: row.policy_id,
  paused: row.paused === 1,
  createdAt: toIso(row.created_at),
  ...(row.kind === 'heartbeat' && { heartbeat: JSON.parse(row.config) as HeartbeatConfig }),
});

export function monitorRoutes(api: Api, { database, clock, wakeEngine, config }: HttpDeps): void {
  const { db } = database;
  const tags = ['monitors'];
  const integration = async (row: MonitorRow) => {
    const key = await rotateIntegrationKey(db, row.id);
    const base = `${config.baseUrl}/api/v1/integrations`;
    const integrationUrl = row.kind === 'pagerduty' ? `${base}/pagerduty/v2/enqueue` : `${base}/${row.kind}?key=${key}`;
    return { integrationKey: key, integrationUrl };
  };
  const policyMustExist = (policyId: string) =>
    getPolicy(db, policyId).catch(() => {
      throw new AppError('validation_failed', 'Unknown escalation policy', [{ path: '/body/policyId', message: 'is not an existing escalation policy' }]);
    });

  api.get('/monitors', { schema: { tags, summary: 'List monitors', querystring: PageQuery, response: { 200: Page(MonitorView) } } }, async (req) => {
    const page = await listMonitors(db, req.query);
    return { items: page.items.map(toMonitor), nextCursor: page.nextCursor };
  });

  api.post(
    '/monitors',
    {
      schema: {
        tags,
        summary: 'Create a monitor; pushed kinds answer with their integration key and URL, once',
        body: CreateMonitor,
        response: { 201: Type.Object({ ...MonitorView.properties, ...Type.Partial(Integration).properties }) },
      },
    },
    async (req, reply) => {
    await getTeam(db, req.body.teamId).catch(() => {
      throw new AppError('validation_failed', 'Unknown team', [{ path: '/body/teamId', message: 'is not an existing team' }]);
    });
    await policyMustExist(req.body.policyId);
    await requireTeamMember(db, req, req.body.teamId);
    const kind = req.body.kind ?? 'manual';
    if (kind === 'heartbeat' && !req.body.heartbeat) {
      throw new AppError('validation_failed', 'A heartbeat monitor needs its interval', [{ path: '/body/heartbeat', message: 'is required for kind heartbeat' }]);
    }
    const now = clock.now();
    const row = await insertMonitor(
      db,
      { teamId: req.body.teamId, name: req.body.name, kind, policyId: req.body.policyId, config: kind === 'heartbeat' ? { ...req.body.heartbeat } : {}, paused: req.body.paused ?? false },
      now,
    );
    // The first beat is expected within one interval (and grace) of creation.
    if (kind === 'heartbeat') await setHeartbeatDue(db, row.id, now + heartbeatWindowMs(row));
    const pushed = (pushedKinds as readonly string[]).includes(row.kind);
    return reply.code(201).send({ ...toMonitor(row), ...(pushed && (await integration(row))) });
  },
  );

  api.post(
    '/monitors/:id/integration-key',
    { schema: { tags, summary: 'Issue a new integration key for a pushed monitor; the old one stops working', params: IdParams, response: { 200: Integration } } },
    async (req) => {
      const row = await getMonitor(db, req.params.id);
      await requireTeamMember(db, req, row.team_id);
      if (!(pushedKinds as readonly string[]).includes(row.kind)) {
        throw new AppError('validation_failed', 'Only pushed monitors have integration keys', [{ path: '/params/id', message: `is a ${row.kind} monitor` }]);
      }
      return integration(row);
    },
  );

  api.get('/monitors/:id', { schema: { tags, summary: 'A monitor', params: IdParams, response: { 200: MonitorView } } }, async (req) =>
    toMonitor(await getMonitor(db, req.params.id)),
  );

  api.patch(
    '/monitors/:id',
    { schema: { tags, summary: 'Rename, pause, or point a monitor at another policy', params: IdParams, body: PatchMonitor, response: { 200: MonitorView } } },
    async (req) => {
      const row = await getMonitor(db, req.params.id);
      await requireTeamMember(db, req, row.team_id);
      if (req.body.policyId) await policyMustExist(req.body.policyId);
      await updateMonitor(db, row.id, req.body, clock.now());
      // Unpausing restarts the wait for a beat rather than alerting on the pause itself.
      if (row.kind === 'heartbeat' && req.body.paused === false && row.paused === 1) await setHeartbeatDue(db, row.id, clock.now() + heartbeatWindowMs(row));
      return toMonitor(await getMonitor(db, row.id));
    },
  );

  api.delete('/monitors/:id', { schema: { tags, summary: 'Delete a monitor and its incidents', params: IdParams, response: { 204: Type.Null() } } }, async (req, reply) => {
    const row = await getMonitor(db, req.params.id);
    await requireTeamMember(db, req, row.team_id);
    await deleteMonitor(db, row.id);
    return reply.code(204).send(null);
  });

  api.post(
    '/monitors/:id/alerts',
    {
      schema: {
        tags,
        summary: 'Raise an alert: opens an incident (201), or is absorbed by the open one with the same dedupKey (200)',
        params: IdParams,
        body: AlertInput,
        response: { 200: Type.Object({ incident: IncidentView, created: Type.Boolean() }), 201: Type.Object({ incident: IncidentView, created: Type.Boolean() }) },
      },
    },
    async (req, reply) => {
      requireResponder(req);
      const monitor = await getMonitor(db, req.params.id);
      if (monitor.paused === 1) throw new AppError('validation_failed', 'The monitor is paused', [{ path: '/params/id', message: 'is paused' }]);
      const result = await triggerAlert(
        database,
        { monitorId: monitor.id, title: req.body.title, description: req.body.description ?? '', dedupKey: req.body.dedupKey ?? null },
        clock.now(),
      );
      wakeEngine();
      return reply.code(result.created ? 201 : 200).send({ incident: toIncident(result.incident), created: result.created });
    },
  );
}
