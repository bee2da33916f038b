import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
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
  setIntegrationKey,
  setHeartbeatDue,
  updateMonitor,
  type MonitorRow,
} from '../../store/monitors.js';
import { monitorsWithOpenIncidents } from '../../store/incidents.js';
import { parentsOf } from '../../store/monitor-dependencies.js';
import { audited } from '../../store/audit.js';
import type { DB } from '../../store/schema.js';
import { setDependencies } from '../../service/monitor-dependencies.js';
import type { CheckedConfig } from '../../core/monitor/types.js';
import { checkedConfigFrom, isCheckedKind, refuseCheckedFields } from '../monitor-config.js';
import { groupingInput } from '../monitor-grouping.js';
import { presentMonitor } from '../monitor-presenter.js';
import { isRateLimitedKind, rateLimitedKinds } from '../ingest-rate-limit.js';
import { CreateMonitor, MonitorView, PatchMonitor, pushedKinds } from '../schemas/monitor.js';
import { getPolicy } from '../../store/policies.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import type { IntegrationKeys } from '../../service/integration-keys.js';
import { actorOf, requireRole } from '../auth.js';
import { editableTeams, requireIncidentRights, requireTeamMember } from '../permissions.js';
import { hasRole } from '../roles.js';
import { IdParams, Page, PageQuery } from '../schemas/common.js';
import { ProblemRef } from '../schemas/problem.js';
import { AlertInput, IncidentView, toIncident } from '../schemas/incident.js';
import { transact } from '../../store/transact.js';

const Integration = Type.Object({
  integrationKey: Type.String({ description: 'Shown once: only its hash is stored' }),
  integrationUrl: Type.String({ description: 'Where the sender posts; PagerDuty senders put the key in routing_key' }),
});

/** Only the pushed kinds that take events have a rate limit. */
function refuseRateLimit(kind: string, rateLimit: unknown): void {
  if (rateLimit === undefined || isRateLimitedKind(kind)) return;
  throw new AppError('validation_failed', `A ${kind} monitor has no rate limit`, [
    { path: '/body/rateLimit', message: `applies to ${rateLimitedKinds.join(', ')} monitors only` },
  ]);
}

const refusedDependencies = {
  400: {
    description:
      'A parameter or field is not valid (code: validation_failed); or dependsOn names a monitor that does not exist, a team\'s Manual pages monitor, this monitor itself, or one that depends on this monitor (code: invalid_dependencies); `errors` names each at /body/dependsOn/N. Or the grouping cannot be used (code: invalid_grouping, at /body/grouping/…)',
    content: { 'application/problem+json': { schema: ProblemRef } },
  },
};

const MINUTE = 60_000;
/**
 * The first check of a checked monitor: soon, but spread over up to a minute so that
 * monitors created together do not check together for ever after (the phase is kept).
 */
const firstCheck = (now: number, intervalSeconds: number) => ({
  intervalMs: intervalSeconds * 1000,
  nextAt: now + Math.floor(Math.random() * Math.min(intervalSeconds * 1000, MINUTE)),
});

export function monitorRoutes(api: Api, { database, clock, wakeEngine, wakeScheduler, config }: HttpDeps, keys: IntegrationKeys): void {
  const { db } = database;
  const { destinationPolicy } = config;
  const tags = ['monitors'];
  const integrationOf = (row: MonitorRow, key: string) => {
    const base = `${config.baseUrl}/api/v1/integrations`;
    const integrationUrl = row.kind === 'pagerduty' ? `${base}/pagerduty/v2/enqueue` : `${base}/${row.kind}?key=${key}`;
    return { integrationKey: key, integrationUrl };
  };
  const integration = async (row: MonitorRow) => {
    const key = await rotateIntegrationKey(db, row.id);
    keys.forgetAll();
    return integrationOf(row, key);
  };
  const policyMustExist = (policyId: string) =>
    getPolicy(db, policyId).catch(() => {
      throw new AppError('validation_failed', 'Unknown escalation policy', [{ path: '/body/policyId', message: 'is not an existing escalation policy' }]);
    });

  // A team's monitor pages through the team's own policies; pointing it at another team's takes an admin.
  const refuseCrossTeamPolicy = (req: FastifyRequest, policy: { team_id: string }, teamId: string) => {
    if (policy.team_id === teamId || hasRole(actorOf(req).user.role, 'admin')) return;
    throw new AppError('forbidden', "A team's monitor may use only the team's own policies; ask an admin to use another team's", [
      { path: '/body/policyId', message: "belongs to another team: only an admin can use another team's policy" },
    ]);
  };

  const dependOn = (trx: Kysely<DB>, monitorId: string, dependsOn: string[]) =>
    audited(trx, { entity: 'monitor', id: monitorId, action: 'update' }, (t) => setDependencies(t, database.dialect, monitorId, dependsOn));

  const present = async (req: FastifyRequest, rows: MonitorRow[]) => {
    const down = await monitorsWithOpenIncidents(db, rows.map((r) => r.id));
    const now = clock.now();
    const canEdit = await editableTeams(db, req);
    const parents = await parentsOf(db, rows.map((r) => r.id));
    return rows.map((row) => ({ ...presentMonitor(row, down.has(row.id), now, canEdit(row.team_id)), dependsOn: parents.get(row.id) ?? [] }));
  };
  /** A team's Manual pages monitor is Vigil's: nothing about it is for anyone to change. */
  const refuseSystem = (row: MonitorRow) => {
    if (row.system === 1) throw new AppError('system_monitor', `${row.name} is made and kept by Vigil for the team's manual pages; page someone with POST /incidents`);
  };
  const presentOne = async (req: FastifyRequest, row: MonitorRow) => (await present(req, [row]))[0] as Awaited<ReturnType<typeof present>>[number];

  api.get('/monitors', { schema: { tags, summary: 'List monitors', querystring: PageQuery, response: { 200: Page(MonitorView) } } }, async (req) => {
    const page = await listMonitors(db, req.query);
    return { items: await present(req, page.items), nextCursor: page.nextCursor };
  });

  api.post(
    '/monitors',
    {
      schema: {
        tags,
        summary: 'Create a monitor; pushed kinds answer with their integration key and URL, once',
        body: CreateMonitor,
        response: { 201: Type.Object({ ...MonitorView.properties, ...Type.Partial(Integration).properties }), ...refusedDependencies },
      },
    },
    async (req, reply) => {
    await getTeam(db, req.body.teamId).catch(() => {
      throw new AppError('validation_failed', 'Unknown team', [{ path: '/body/teamId', message: 'is not an existing team' }]);
    });
    const policy = await policyMustExist(req.body.policyId);
    await requireTeamMember(db, req, req.body.teamId);
    refuseCrossTeamPolicy(req, policy, req.body.teamId);
    const kind = req.body.kind ?? 'manual';
    if (kind === 'heartbeat' && !req.body.heartbeat) {
      throw new AppError('validation_failed', 'A heartbeat monitor needs its interval', [{ path: '/body/heartbeat', message: 'is required for kind heartbeat' }]);
    }
    refuseRateLimit(kind, req.body.rateLimit);
    const grouping = groupingInput(kind, req.body.grouping);
    const checked = isCheckedKind(kind) ? checkedConfigFrom(kind, req.body, null, destinationPolicy) : null;
    if (!checked) refuseCheckedFields(kind, req.body);
    const now = clock.now();
    const row = await transact(db, async (trx) => {
      const created = await insertMonitor(
        trx,
        {
          teamId: req.body.teamId,
          name: req.body.name,
          kind,
          policyId: req.body.policyId,
          ...(req.body.urgency && { urgency: req.body.urgency }),
          config: checked ?? (kind === 'heartbeat' ? { ...req.body.heartbeat } : { ...(req.body.rateLimit !== undefined && { rateLimit: req.body.rateLimit }) }),
          paused: req.body.paused ?? false,
          ...(grouping && { grouping }),
          ...(checked && { check: firstCheck(now, checked.check.intervalSeconds) }),
        },
        now,
      );
      if (req.body.dependsOn?.length) await dependOn(trx, created.id, req.body.dependsOn);
      return created;
    });
    // The first beat is expected within one interval (and grace) of creation.
    if (kind === 'heartbeat') await setHeartbeatDue(db, row.id, now + heartbeatWindowMs(row));
    const pushed = (pushedKinds as readonly string[]).includes(row.kind);
    if (checked) wakeScheduler();
    return reply.code(201).send({ ...(await presentOne(req, row)), ...(pushed && (await integration(row))) });
  },
  );

  api.post(
    '/monitors/:id/integration-key',
    { schema: { tags, summary: 'Issue a new integration key for a pushed monitor; the old one stops working', params: IdParams, response: { 200: Integration } } },
    async (req) => {
      const row = await getMonitor(db, req.params.id);
      await requireTeamMember(db, req, row.team_id);
      refuseSystem(row);
      if (!(pushedKinds as readonly string[]).includes(row.kind)) {
        throw new AppError('validation_failed', 'Only pushed monitors have integration keys', [{ path: '/params/id', message: `is a ${row.kind} monitor` }]);
      }
      return integration(row);
    },
  );

  api.put(
    '/monitors/:id/integration-key',
    {
      schema: {
        tags,
        summary:
          "Set a pushed monitor's integration key to one you choose (admin): the key its senders already use, e.g. a PagerDuty service's Events API v2 key, so that they change only the URL; the old one stops working",
        params: IdParams,
        body: Type.Object(
          { integrationKey: Type.String({ pattern: '^[A-Za-z0-9_+.-]{20,128}$', description: '20 to 128 letters, digits, _ + . - (a PagerDuty integration key has 32)' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Integration,
          409: { description: 'Another monitor already uses this key (code: integration_key_taken)', content: { 'application/problem+json': { schema: ProblemRef } } },
        },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      const row = await getMonitor(db, req.params.id);
      refuseSystem(row);
      if (!(pushedKinds as readonly string[]).includes(row.kind)) {
        throw new AppError('validation_failed', 'Only pushed monitors have integration keys', [{ path: '/params/id', message: `is a ${row.kind} monitor` }]);
      }
      if (!(await setIntegrationKey(db, row.id, req.body.integrationKey))) {
        throw new AppError('integration_key_taken', 'Another monitor already uses this integration key', [{ path: '/body/integrationKey', message: 'is the key of another monitor' }]);
      }
      keys.forgetAll();
      return integrationOf(row, req.body.integrationKey);
    },
  );

  api.get('/monitors/:id', { schema: { tags, summary: 'A monitor', params: IdParams, response: { 200: MonitorView } } }, async (req) =>
    presentOne(req, await getMonitor(db, req.params.id)),
  );

  api.patch(
    '/monitors/:id',
    {
      schema: {
        tags,
        summary: "Rename, pause, point at another policy, set the urgency, change a pushed monitor's rate limit, or a checked monitor's check, target (replaced whole) or maintenance windows",
        params: IdParams,
        body: PatchMonitor,
        response: { 200: MonitorView, ...refusedDependencies },
      },
    },
    async (req) => {
      const row = await getMonitor(db, req.params.id);
      await requireTeamMember(db, req, row.team_id);
      refuseSystem(row);
      if (req.body.policyId && req.body.policyId !== row.policy_id) refuseCrossTeamPolicy(req, await policyMustExist(req.body.policyId), row.team_id);
      const { name, policyId, urgency, paused, rateLimit, dependsOn, grouping: groupingGiven, ...checkedFields } = req.body;
      refuseRateLimit(row.kind, rateLimit);
      const grouping = groupingInput(row.kind, groupingGiven);
      const now = clock.now();
      // One transaction: refused dependencies leave the rest of the monitor unchanged too.
      await audited(db, { entity: 'monitor', id: row.id, action: 'update' }, async (trx) => {
        if (isCheckedKind(row.kind)) {
          const previous = JSON.parse(row.config) as CheckedConfig;
          const config = checkedConfigFrom(row.kind, checkedFields, previous, destinationPolicy);
          const intervalChanged = config.check.intervalSeconds !== previous.check.intervalSeconds;
          await updateMonitor(trx, row.id, { name, policyId, urgency, paused, config, ...(intervalChanged && { check: firstCheck(now, config.check.intervalSeconds) }) }, now);
        } else {
          refuseCheckedFields(row.kind, checkedFields);
          const config = rateLimit === undefined ? undefined : { ...(JSON.parse(row.config) as object), rateLimit };
          await updateMonitor(trx, row.id, { name, policyId, urgency, paused, config, ...(grouping !== undefined && { grouping }) }, now);
        }
        if (dependsOn !== undefined) await dependOn(trx, row.id, dependsOn);
      });
      if (isCheckedKind(row.kind)) wakeScheduler();
      keys.forgetAll();
      // Unpausing restarts the wait for a beat rather than alerting on the pause itself.
      if (row.kind === 'heartbeat' && req.body.paused === false && row.paused === 1) await setHeartbeatDue(db, row.id, clock.now() + heartbeatWindowMs(row));
      return presentOne(req, await getMonitor(db, row.id));
    },
  );

  api.delete('/monitors/:id', { schema: { tags, summary: 'Delete a monitor and its incidents', params: IdParams, response: { 204: Type.Null() } } }, async (req, reply) => {
    const row = await getMonitor(db, req.params.id);
    await requireTeamMember(db, req, row.team_id);
    refuseSystem(row);
    await deleteMonitor(db, row.id);
    keys.forgetAll();
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
      const monitor = await getMonitor(db, req.params.id);
      await requireIncidentRights(db, req, monitor.team_id, config.incidentActions);
      refuseSystem(monitor);
      if (monitor.paused === 1) throw new AppError('validation_failed', 'The monitor is paused', [{ path: '/params/id', message: 'is paused' }]);
      const result = await triggerAlert(
        database,
        { monitorId: monitor.id, title: req.body.title, description: req.body.description ?? '', dedupKey: req.body.dedupKey ?? null },
        clock.now(),
      );
      if (result.created) wakeEngine();
      return reply.code(result.created ? 201 : 200).send({ incident: toIncident(result.incident), created: result.created });
    },
  );
}
