import { DAY, HOUR } from '../../core/time/units.js';
import { hourlyHistory, recentResults, uptime } from '../../store/checks.js';
import { getMonitor } from '../../store/monitors.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { IdParams, toIso } from '../schemas/common.js';
import { History, HistoryQuery, Uptime } from '../schemas/monitor.js';

const RANGES = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY } as const;

/** What a checked monitor's checks found over time: uptime and the response-time chart. */
export function monitorHistoryRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  const tags = ['monitors'];

  api.get(
    '/monitors/:id/uptime',
    { schema: { tags, summary: 'Percent of checks passed over 24 h, 7 and 30 days (whole hours; maintenance left out)', params: IdParams, response: { 200: Uptime } } },
    async (req) => {
      await getMonitor(db, req.params.id);
      return uptime(db, req.params.id, clock.now());
    },
  );

  api.get(
    '/monitors/:id/history',
    {
      schema: {
        tags,
        summary: 'Response times and results: every check over 24 h, hourly points over 7 or 30 days',
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: History },
      },
    },
    async (req) => {
      await getMonitor(db, req.params.id);
      const now = clock.now();
      const range = req.query.range;
      const points =
        range === '24h' ? await recentResults(db, req.params.id, now - DAY) : await hourlyHistory(db, req.params.id, now - (now % HOUR) - RANGES[range] + HOUR);
      return { range, resolution: range === '24h' ? ('check' as const) : ('hour' as const), points: points.map((p) => ({ ...p, at: toIso(p.at) })) };
    },
  );
}
