import type { MonitorRow } from '../store/monitors.js';

export interface IngestRateLimit {
  eventsPerMinute: number;
}

/** The pushed kinds whose senders can storm: each may have a limit on what it accepts. */
export const rateLimitedKinds = ['webhook', 'pagerduty', 'alertmanager', 'grafana'] as const;

export const isRateLimitedKind = (kind: string): boolean => (rateLimitedKinds as readonly string[]).includes(kind);

/**
 * A monitor's limit: its own (stored in its config; null for none), else the default of
 * its kind. PagerDuty's 120 a minute is what PagerDuty senders expect and were given
 * before limits were configurable; the other kinds never had a limit, and an Alertmanager
 * refused in a storm only retries the same alerts, so they get none unless asked.
 */
export function rateLimitOf(row: MonitorRow): IngestRateLimit | null {
  if (!isRateLimitedKind(row.kind)) return null;
  const config = JSON.parse(row.config) as { rateLimit?: IngestRateLimit | null };
  if (config.rateLimit !== undefined) return config.rateLimit;
  return row.kind === 'pagerduty' ? { eventsPerMinute: 120 } : null;
}
