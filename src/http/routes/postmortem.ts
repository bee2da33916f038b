import { Type } from 'typebox';
import { renderPostmortem } from '../../core/incident/postmortem.js';
import { getIncident, listEvents } from '../../store/incidents.js';
import { listAlerts } from '../../store/incident-alerts.js';
import { getMonitor } from '../../store/monitors.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { IdParams, TimeZone } from '../schemas/common.js';

/** The newest alerts a postmortem lists in full: a storm's thousands would bury the story. */
const ALERTS_LISTED = 50;

export function postmortemRoutes(api: Api, { database, clock, config }: HttpDeps): void {
  const { db } = database;
  api.get(
    '/incidents/:id/postmortem.md',
    {
      schema: {
        tags: ['incidents'],
        summary: "The incident's postmortem as Markdown: summary, durations, timeline, alerts with details, notes",
        params: IdParams,
        querystring: Type.Object({ timeZone: Type.Optional(TimeZone) }, { additionalProperties: false, description: 'timeZone: the zone of every time in the document (the caller’s own unless given)' }),
        response: { 200: { description: 'A Markdown document, as a download', content: { 'text/markdown': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      const row = await getIncident(db, req.params.id);
      const monitor = await getMonitor(db, row.monitor_id);
      const timeline = await listEvents(db, row.id);
      const alerts = await listAlerts(db, row.id, { limit: ALERTS_LISTED });
      const userIds = new Set([row.acknowledged_by, row.resolved_by, ...timeline.flatMap((e) => [e.actor_id, ...idsIn(JSON.parse(e.data) as Record<string, unknown>)])].filter((id) => id !== null));
      const users = userIds.size === 0 ? [] : await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...userIds]).execute();
      const policy = JSON.parse(row.policy) as { name: string };
      const markdown = renderPostmortem({
        incident: {
          id: row.id,
          title: row.title,
          description: row.description,
          status: row.status,
          dedupKey: row.dedup_key,
          alertCount: row.alert_count,
          triggeredAt: Number(row.triggered_at),
          acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
          acknowledgedBy: row.acknowledged_by,
          resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
          resolvedBy: row.resolved_by,
        },
        monitor: { name: monitor.name, kind: monitor.kind },
        policyName: policy.name,
        url: `${config.baseUrl}/incidents/${row.id}`,
        timeline: timeline.map((e) => ({ at: Number(e.at), kind: e.kind, actorId: e.actor_id, data: JSON.parse(e.data) as Record<string, unknown> })),
        alerts: alerts.items,
        // Absorbed alerts are counted on the incident; those beyond the page are left out.
        alertsLeftOut: alerts.nextCursor === null ? 0 : Math.max(0, row.alert_count - alerts.items.length),
        names: new Map(users.map((u) => [u.id, u.name])),
        timeZone: req.query.timeZone ?? actorOf(req).user.time_zone,
        generatedAt: clock.now(),
      });
      const day = new Date(Number(row.triggered_at)).toISOString().slice(0, 10);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="postmortem-${day}-${row.id.slice(0, 8)}.md"`)
        .send(markdown);
    },
  );
}

/** User ids a timeline entry names (who was notified, who acted). */
const idsIn = (data: Record<string, unknown>): string[] => ['userId', 'by'].flatMap((k) => (typeof data[k] === 'string' ? [data[k]] : []));
