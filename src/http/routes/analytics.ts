import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { csvCell } from '../../core/csv.js';
import { AppError } from '../../core/errors.js';
import { DAY } from '../../core/time/units.js';
import { analyticsReport } from '../../service/analytics.js';
import { getMonitor } from '../../store/monitors.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { AnalyticsCsvQuery, AnalyticsQuery, AnalyticsSchema } from '../schemas/analytics.js';
import { toIso } from '../schemas/common.js';
import { directoryFor } from '../schedule-presenter.js';
import { rangeOf } from './on-call.js';

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

/** The row, or undefined when the lookup says it does not exist (any other failure still fails). */
const unlessMissing = <T>(lookup: Promise<T>): Promise<T | undefined> =>
  lookup.catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') return undefined;
    throw e;
  });

export function analyticsRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  const tags = ['analytics'];

  /** Everyone who may log in reads every incident, so the figures are open to them all, as the incident list is. */
  async function report(req: FastifyRequest, query: Static<typeof AnalyticsQuery>): Promise<Static<typeof AnalyticsSchema>> {
    if (query.from !== undefined && query.days !== undefined) {
      throw new AppError('validation_failed', 'Give from or days, not both', [{ path: '/querystring/days', message: 'must not be given with from' }]);
    }
    // Relative periods are counted from the server's clock, so a browser whose clock is off still sees the last N days.
    const end = query.to ?? toIso(clock.now());
    const { from, to } = rangeOf({ from: query.from ?? toIso(Date.parse(end) - (query.days ?? 30) * DAY), to: end }, 366);
    const problems: { path: string; message: string }[] = [];
    if (query.teamId !== undefined && !(await unlessMissing(getTeam(db, query.teamId)))) problems.push({ path: '/querystring/teamId', message: 'is not an existing team' });
    if (query.monitorId !== undefined) {
      const monitor = await unlessMissing(getMonitor(db, query.monitorId));
      if (!monitor) problems.push({ path: '/querystring/monitorId', message: 'is not an existing monitor' });
      else if (query.teamId !== undefined && monitor.team_id !== query.teamId) problems.push({ path: '/querystring/monitorId', message: 'belongs to another team' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', 'Unknown team or monitor', problems);
    const timeZone = query.timeZone ?? actorOf(req).user.time_zone;
    const figures = await analyticsReport(db, { from, to, teamId: query.teamId, monitorId: query.monitorId }, timeZone);
    const users = await directoryFor(db, figures.people.map((p) => p.userId));
    const times = (s: { count: number; median: number | null; p90: number | null }) => ({ count: s.count, medianSeconds: seconds(s.median), p90Seconds: seconds(s.p90) });
    return {
      from: toIso(from),
      to: toIso(to),
      timeZone,
      teamId: query.teamId ?? null,
      monitorId: query.monitorId ?? null,
      incidents: figures.incidents,
      suppressed: figures.suppressed,
      timeToAcknowledge: times(figures.timeToAcknowledge),
      timeToResolve: times(figures.timeToResolve),
      pages: figures.pages,
      sleepInterruptions: figures.sleepInterruptions,
      outsideBusinessHours: figures.outsideBusinessHours,
      weeks: figures.weeks.map((w) => ({ ...w, start: toIso(w.start), end: toIso(w.end) })),
      people: figures.people.map(({ userId, ...counts }) => ({ user: users(userId), ...counts })),
      noisyMonitors: figures.noisyMonitors.map(({ monitorId, name, teamId, ...counts }) => ({ monitor: { id: monitorId, name, teamId }, ...counts })),
    };
  }

  api.get(
    '/analytics',
    {
      schema: {
        tags,
        summary: 'Incident and paging figures over [from, to) (at most 366 days; by default the last 30 days): MTTA and MTTR (median, p90), incidents and pages per week, pages per person, sleep interruptions, noisiest monitors',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsSchema },
      },
    },
    (req) => report(req, req.query),
  );

  api.get(
    '/analytics.csv',
    {
      schema: {
        tags,
        summary: 'The same figures as CSV, one table at a time',
        querystring: AnalyticsCsvQuery,
        response: {
          200: {
            description:
              'summary: figure,value. weeks: week_start,week_end,incidents,pages,sleep_interruptions,outside_business_hours,suppressed. people: name,email,pages,sleep_interruptions,outside_business_hours. monitors: monitor,incidents,alerts,pages',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (req, reply) => {
      const { view, ...query } = req.query;
      const r = await report(req, query);
      const [header, ...rows]: (string | number | null)[][] =
        view === 'summary'
          ? [
              ['figure', 'value'],
              ['incidents', r.incidents],
              ['suppressed', r.suppressed],
              ['acknowledged', r.timeToAcknowledge.count],
              ['mtta_median_seconds', r.timeToAcknowledge.medianSeconds],
              ['mtta_p90_seconds', r.timeToAcknowledge.p90Seconds],
              ['resolved', r.timeToResolve.count],
              ['mttr_median_seconds', r.timeToResolve.medianSeconds],
              ['mttr_p90_seconds', r.timeToResolve.p90Seconds],
              ['pages', r.pages],
              ['sleep_interruptions', r.sleepInterruptions],
              ['outside_business_hours', r.outsideBusinessHours],
            ]
          : view === 'people'
            ? [['name', 'email', 'pages', 'sleep_interruptions', 'outside_business_hours'], ...r.people.map((p) => [p.user.name, p.user.email, p.pages, p.sleepInterruptions, p.outsideBusinessHours])]
            : view === 'monitors'
              ? [['monitor', 'incidents', 'alerts', 'pages'], ...r.noisyMonitors.map((m) => [m.monitor.name, m.incidents, m.alerts, m.pages])]
              : [
                  ['week_start', 'week_end', 'incidents', 'pages', 'sleep_interruptions', 'outside_business_hours', 'suppressed'],
                  ...r.weeks.map((w) => [w.start, w.end, w.incidents, w.pages, w.sleepInterruptions, w.outsideBusinessHours, w.suppressed]),
                ];
      const lines = [header?.join(','), ...rows.map((row) => row.map((cell) => (cell === null ? '' : csvCell(cell))).join(','))];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vigil-analytics-${view}-${r.from.slice(0, 10)}-${r.to.slice(0, 10)}.csv"`)
        .send(`${lines.join('\r\n')}\r\n`);
    },
  );
}
