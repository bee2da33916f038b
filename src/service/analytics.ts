import type { Kysely } from 'kysely';
import { analyticsFigures, type AnalyticsFigures } from '../core/analytics/report.js';
import { incidentTallies, noisyMonitors, pagesOfPeriod, responseTimes, type AnalyticsScope, type NoisyMonitor } from '../store/analytics.js';
import type { DB } from '../store/schema.js';

export const NOISY_MONITORS = 10;

export interface AnalyticsReport extends AnalyticsFigures {
  noisyMonitors: (NoisyMonitor & { pages: number })[];
}

/** The period's figures: the database counts per quarter hour, the core splits them into weeks and people's hours. */
export async function analyticsReport(db: Kysely<DB>, scope: AnalyticsScope, timeZone: string): Promise<AnalyticsReport> {
  const [tallies, pages, times, noisy] = await Promise.all([
    incidentTallies(db, scope),
    pagesOfPeriod(db, scope),
    responseTimes(db, scope),
    noisyMonitors(db, scope, NOISY_MONITORS),
  ]);
  return {
    ...analyticsFigures({ from: scope.from, to: scope.to, timeZone, ...tallies, pages: pages.tallies, ...times }),
    noisyMonitors: noisy.map((m) => ({ ...m, pages: pages.byMonitor.get(m.monitorId) ?? 0 })),
  };
}
