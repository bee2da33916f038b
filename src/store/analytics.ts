import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import { QUARTER_HOUR, type PageTally, type Tally } from '../core/analytics/report.js';
import { chunksOf } from './chunks.js';
import type { DB } from './schema.js';

export interface AnalyticsScope {
  from: number;
  to: number;
  teamId?: string | undefined;
  monitorId?: string | undefined;
}

export interface NoisyMonitor {
  monitorId: string;
  name: string;
  teamId: string;
  incidents: number;
  alerts: number;
  pages: number;
}

type WithIncidents = DB & { i: DB['incidents']; m: DB['monitors'] };

/** Incidents (aliased i) of the monitor, or of the team that owns their monitor now; no join unless a team is asked for. */
function inScope(scope: AnalyticsScope): RawBuilder<boolean> {
  const conditions = [sql`1 = 1`];
  if (scope.monitorId !== undefined) conditions.push(sql`${sql.ref('i.monitor_id')} = ${scope.monitorId}`);
  if (scope.teamId !== undefined) conditions.push(sql`${sql.ref('i.monitor_id')} in (select id from monitors where team_id = ${scope.teamId})`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/**
 * Sent, and no receipt said it failed. Only sent pages have a send time; the condition is
 * a negation so the planner reaches pages through their incidents, not the outbox's
 * status index (every page ever sent).
 */
const sentToSomeone = sql<boolean>`${sql.ref('n.status')} <> ${sql.lit('failed')}`;

const quarterOf = (column: 'i.triggered_at' | 'n.sent_at') => sql<number>`${sql.ref(column)} / ${sql.lit(QUARTER_HOUR)}`;
const triggeredIn = (scope: AnalyticsScope) => (eb: ExpressionBuilder<WithIncidents, 'i'>) =>
  eb.and([eb('i.triggered_at', '>=', scope.from), eb('i.triggered_at', '<', scope.to)]);

/** Incidents triggered in the period, counted per quarter hour by the database. */
export async function incidentTallies(db: Kysely<DB>, scope: AnalyticsScope): Promise<Tally[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .select((eb) => [quarterOf('i.triggered_at').as('quarter'), eb.fn.countAll<number>().as('count')])
    .where(triggeredIn(scope))
    .where(inScope(scope))
    .groupBy(quarterOf('i.triggered_at'))
    .execute();
  return rows.map((r) => ({ at: Number(r.quarter) * QUARTER_HOUR, count: Number(r.count) }));
}

/**
 * Pages sent to people in the period for incidents triggered in it (a sent page counts
 * whether or not a delivery receipt followed; failed and cancelled ones never reached
 * anyone), per person and quarter hour, with the person's time zone. Reaching pages
 * through their incidents lets the trigger-time index find them.
 */
export async function pageTallies(db: Kysely<DB>, scope: AnalyticsScope): Promise<PageTally[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('incidents as i', 'i.id', 'n.incident_id')
    .select((eb) => ['n.user_id as userId', quarterOf('n.sent_at').as('quarter'), eb.fn.countAll<number>().as('count')])
    .where(triggeredIn(scope))
    .where('n.user_id', 'is not', null)
    .where('n.sent_at', '>=', scope.from)
    .where('n.sent_at', '<', scope.to)
    .where(sentToSomeone)
    .where(inScope(scope))
    .groupBy(['n.user_id', quarterOf('n.sent_at')])
    .execute();
  const userIds = [...new Set(rows.map((r) => r.userId as string))];
  const zones = new Map<string, string>();
  for (const chunk of chunksOf(userIds)) {
    for (const u of await db.selectFrom('users').select(['id', 'time_zone']).where('id', 'in', chunk).execute()) zones.set(u.id, u.time_zone);
  }
  // A person deleted since is no longer listed: their pages went with their account's rows.
  return rows.flatMap((r) => {
    const timeZone = zones.get(r.userId as string);
    return timeZone === undefined ? [] : [{ userId: r.userId as string, timeZone, at: Number(r.quarter) * QUARTER_HOUR, count: Number(r.count) }];
  });
}

/**
 * Of the incidents triggered in the period: milliseconds to the first acknowledgement
 * (from the timeline: an ack timeout or a reassign makes an incident triggered again, and
 * its acknowledged_at then holds the latest one) and to resolution.
 */
export async function responseTimes(db: Kysely<DB>, scope: AnalyticsScope): Promise<{ acknowledgeMs: number[]; resolveMs: number[] }> {
  const rows = await db
    .selectFrom('incidents as i')
    .select((eb) => [
      'i.triggered_at as triggeredAt',
      'i.resolved_at as resolvedAt',
      eb
        .selectFrom('incident_events as e')
        .select((e) => e.fn.min('e.at').as('at'))
        .whereRef('e.incident_id', '=', 'i.id')
        .where('e.kind', '=', 'acknowledged')
        .as('acknowledgedAt'),
    ])
    .where(triggeredIn(scope))
    .where((eb) => eb.or([eb('i.acknowledged_at', 'is not', null), eb('i.resolved_at', 'is not', null)]))
    .where(inScope(scope)).execute();
  const acknowledgeMs: number[] = [];
  const resolveMs: number[] = [];
  for (const r of rows) {
    if (r.acknowledgedAt !== null) acknowledgeMs.push(Number(r.acknowledgedAt) - r.triggeredAt);
    if (r.resolvedAt !== null) resolveMs.push(r.resolvedAt - r.triggeredAt);
  }
  return { acknowledgeMs, resolveMs };
}

/** The monitors that opened the most incidents in the period (then the most alerts), with the pages those incidents sent in it. */
export async function noisyMonitors(db: Kysely<DB>, scope: AnalyticsScope, limit: number): Promise<NoisyMonitor[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .select((eb) => ['i.monitor_id as monitorId', 'm.name', 'm.team_id as teamId', eb.fn.countAll<number>().as('incidents'), eb.fn.sum<number>('i.alert_count').as('alerts')])
    .where(triggeredIn(scope))
    .where(inScope(scope))
    .groupBy(['i.monitor_id', 'm.name', 'm.team_id'])
    .orderBy('incidents', 'desc')
    .orderBy('alerts', 'desc')
    .orderBy('m.name')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const pages = await db
    .selectFrom('notifications as n')
    .innerJoin('incidents as i', 'i.id', 'n.incident_id')
    .select((eb) => ['i.monitor_id as monitorId', eb.fn.countAll<number>().as('count')])
    .where('i.monitor_id', 'in', rows.map((r) => r.monitorId))
    .where(triggeredIn(scope))
    .where('n.user_id', 'is not', null)
    .where('n.sent_at', '>=', scope.from)
    .where('n.sent_at', '<', scope.to)
    .where(sentToSomeone)
    .groupBy('i.monitor_id')
    .execute();
  const pagesOf = new Map(pages.map((p) => [p.monitorId, Number(p.count)]));
  return rows.map((r) => ({ monitorId: r.monitorId, name: r.name, teamId: r.teamId, incidents: Number(r.incidents), alerts: Number(r.alerts), pages: pagesOf.get(r.monitorId) ?? 0 }));
}
