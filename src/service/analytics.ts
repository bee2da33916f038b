import type { Kysely } from 'kysely';
import { analyticsFigures, type AnalyticsFigures } from '../core/analytics/report.js';
import { incidentTallies, noisyMonitors, pageTallies, responseTimes, type AnalyticsScope, type NoisyMonitor } from '../store/analytics.js';
import type { DB } from '../store/schema.js';

export const NOISY_MONITORS = 10;

export interface AnalyticsReport extends AnalyticsFigures {
  noisyMonitors: NoisyMonitor[];
}

/** The period's figures: the database counts per quarter hour, the core splits them into weeks and people's hours. */
export async function analyticsReport(db: Kysely<DB>, scope: AnalyticsScope, timeZone: string): Promise<AnalyticsReport> {
  const [incidents, pages, times, noisy] = await Promise.all([
    incidentTallies(db, scope),
    pageTallies(db, scope),
    responseTimes(db, scope),
    noisyMonitors(db, scope, NOISY_MONITORS),
  ]);
  return { ...analyticsFigures({ from: scope.from, to: scope.to, timeZone, incidents, pages, ...times }), noisyMonitors: noisy };
}
