import { sql, type Kysely, type RawBuilder } from 'kysely';
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
}

/**
 * Rows of the period's incidents (aliased i) of the monitor, or of the team that owns their
 * monitor now; pages (aliased n) carry their incident's trigger time and monitor, so the
 * same conditions apply to them without a join.
 */
function inScope(scope: AnalyticsScope, triggeredAt: 'i.triggered_at' | 'n.incident_triggered_at', monitorId: 'i.monitor_id' | 'n.incident_monitor_id'): RawBuilder<boolean> {
  const conditions = [sql`${sql.ref(triggeredAt)} >= ${scope.from}`, sql`${sql.ref(triggeredAt)} < ${scope.to}`];
  if (scope.monitorId !== undefined) conditions.push(sql`${sql.ref(monitorId)} = ${scope.monitorId}`);
  if (scope.teamId !== undefined) conditions.push(sql`${sql.ref(monitorId)} in (select id from monitors where team_id = ${scope.teamId})`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

const incidentsInScope = (scope: AnalyticsScope) => inScope(scope, 'i.triggered_at', 'i.monitor_id');
const notSuppressed = sql<boolean>`${sql.ref('i.suppression')} is null`;
const quarterOf = (column: 'i.triggered_at' | 'n.sent_at') => sql<number>`${sql.ref(column)} / ${sql.lit(QUARTER_HOUR)}`;

/**
 * Numbers joined by commas in one row (string_agg, in PostgreSQL and SQLite alike): a
 * quarter's 60,000 pages as rows cost node-postgres more than the query itself.
 */
const listOf = (value: RawBuilder<number>) => sql<string | null>`string_agg(cast(${value} as text), ',')`;
const [COMMA, MINUS, ZERO] = [',', '-', '0'].map((c) => c.charCodeAt(0)) as [number, number, number];

/** The integers of such a list, read without a string per number (60,000 of them kept the garbage collector busy). */
function numbersIn(list: string | null): number[] {
  const numbers: number[] = [];
  if (list === null) return numbers;
  let value = 0;
  let sign = 1;
  for (let i = 0; i <= list.length; i++) {
    const code = i < list.length ? list.charCodeAt(i) : COMMA;
    if (code === COMMA) {
      numbers.push(sign * value);
      value = 0;
      sign = 1;
    } else if (code === MINUS) sign = -1;
    else value = value * 10 + code - ZERO;
  }
  return numbers;
}

function countsPerQuarter(quarters: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const quarter of quarters) counts.set(quarter, (counts.get(quarter) ?? 0) + 1);
  return counts;
}

const perQuarter = (quarters: number[]): Tally[] => [...countsPerQuarter(quarters)].map(([quarter, count]) => ({ at: quarter * QUARTER_HOUR, count }));

/**
 * Incidents triggered in the period per quarter hour: those that could page, and apart
 * from them the suppressed ones (recorded, never paged).
 */
export async function incidentTallies(db: Kysely<DB>, scope: AnalyticsScope): Promise<{ incidents: Tally[]; suppressed: Tally[] }> {
  const quarterIf = (suppressed: boolean) => sql<number>`case when ${sql.ref('i.suppression')} is ${suppressed ? sql`not null` : sql`null`} then ${quarterOf('i.triggered_at')} end`;
  const row = await db
    .selectFrom('incidents as i')
    .select([listOf(quarterIf(false)).as('incidents'), listOf(quarterIf(true)).as('suppressed')])
    .where(incidentsInScope(scope))
    .executeTakeFirstOrThrow();
  return { incidents: perQuarter(numbersIn(row.incidents)), suppressed: perQuarter(numbersIn(row.suppressed)) };
}

export interface PagesOfPeriod {
  tallies: PageTally[];
  /** Pages per monitor whose incident sent them. */
  byMonitor: Map<string, number>;
}

/**
 * Pages sent to people in the period for incidents triggered in it (a sent page counts
 * whether or not a delivery receipt followed; failed and cancelled ones never reached
 * anyone), per person and quarter hour with the person's time zone, and per monitor: two
 * reads of one range of the partial index notifications_pages. Grouping by person and
 * monitor at once read it only once but sorted every page by both ids (on PostgreSQL a
 * sort spilled to disk: 130 ms against 35 + 20 ms for the two reads).
 */
export async function pagesOfPeriod(db: Kysely<DB>, scope: AnalyticsScope): Promise<PagesOfPeriod> {
  const pages = db
    .selectFrom('notifications as n')
    .where('n.user_id', 'is not', null)
    .where('n.sent_at', '>=', scope.from)
    .where('n.sent_at', '<', scope.to)
    // Only sent pages have a send time; failed ones never reached anyone.
    .where('n.status', '<>', 'failed')
    .where(inScope(scope, 'n.incident_triggered_at', 'n.incident_monitor_id'));
  const [people, monitors] = await Promise.all([
    pages.select(['n.user_id as userId', listOf(quarterOf('n.sent_at')).as('quarters')]).groupBy('n.user_id').execute(),
    pages.select((eb) => ['n.incident_monitor_id as monitorId', eb.fn.countAll<number>().as('count')]).groupBy('n.incident_monitor_id').execute(),
  ]);
  const zones = new Map<string, string>();
  for (const chunk of chunksOf(people.map((p) => p.userId as string))) {
    for (const u of await db.selectFrom('users').select(['id', 'time_zone']).where('id', 'in', chunk).execute()) zones.set(u.id, u.time_zone);
  }
  // A person deleted since is no longer listed: their pages went with their account's rows.
  const tallies = people.flatMap(({ userId, quarters }) => {
    const timeZone = zones.get(userId as string);
    return timeZone === undefined ? [] : [...countsPerQuarter(numbersIn(quarters))].map(([quarter, count]) => ({ userId: userId as string, timeZone, at: quarter * QUARTER_HOUR, count }));
  });
  return { tallies, byMonitor: new Map(monitors.map((m) => [m.monitorId as string, Number(m.count)])) };
}

/**
 * Of the period's incidents that could page (suppressed ones never did: nobody was asked
 * to respond): milliseconds to the first acknowledgement and to resolution.
 */
export async function responseTimes(db: Kysely<DB>, scope: AnalyticsScope): Promise<{ acknowledgeMs: number[]; resolveMs: number[] }> {
  const since = (column: 'i.first_acknowledged_at' | 'i.resolved_at') => sql<number>`${sql.ref(column)} - ${sql.ref('i.triggered_at')}`;
  const row = await db
    .selectFrom('incidents as i')
    .select([listOf(since('i.first_acknowledged_at')).as('acknowledge'), listOf(since('i.resolved_at')).as('resolve')])
    .where(incidentsInScope(scope))
    .where(notSuppressed)
    .executeTakeFirstOrThrow();
  return { acknowledgeMs: numbersIn(row.acknowledge), resolveMs: numbersIn(row.resolve) };
}

/**
 * The monitors that opened the most incidents in the period (then the most alerts);
 * suppressed incidents paged nobody and are left out. Monitors are joined to the counts
 * per monitor, not to every incident.
 */
export async function noisyMonitors(db: Kysely<DB>, scope: AnalyticsScope, limit: number): Promise<NoisyMonitor[]> {
  const counts = db
    .selectFrom('incidents as i')
    .select((eb) => [
      'i.monitor_id',
      eb.fn.countAll<number>().as('incidents'),
      // A merged incident's alerts moved, count and all, to the one it joined: counted there only.
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.exists(eb.selectFrom('incident_events as e').select('e.id').whereRef('e.incident_id', '=', 'i.id').where('e.kind', '=', 'merged_into')))
            .then(0)
            .else(eb.ref('i.alert_count'))
            .end(),
        )
        .as('alerts'),
    ])
    .where(incidentsInScope(scope))
    .where(notSuppressed)
    .groupBy('i.monitor_id');
  const rows = await db
    .selectFrom(counts.as('c'))
    .innerJoin('monitors as m', 'm.id', 'c.monitor_id')
    .select(['c.monitor_id as monitorId', 'm.name', 'm.team_id as teamId', 'c.incidents', 'c.alerts'])
    .orderBy('c.incidents', 'desc')
    .orderBy('c.alerts', 'desc')
    .orderBy('m.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ monitorId: r.monitorId, name: r.name, teamId: r.teamId, incidents: Number(r.incidents), alerts: Number(r.alerts) }));
}
