import { useQuery } from '@tanstack/react-query';
import { query, request } from './client';
import type { ResponseOf } from './schema';

export type Analytics = ResponseOf<'getAnalytics'>;
/** A period of the last `days` days up to the server's now, or from and to. */
export type AnalyticsFilter = { days?: number; from?: string; to?: string; teamId?: string; monitorId?: string; timeZone: string };
export type CsvView = 'summary' | 'weeks' | 'people' | 'monitors';

export function useAnalytics(filter: AnalyticsFilter) {
  return useQuery({ queryKey: ['analytics', filter], queryFn: () => request<Analytics>('GET', `/analytics${query(filter)}`) });
}

/** Plain links: the browser downloads them with the session cookie. */
export function analyticsJsonUrl(filter: AnalyticsFilter): string {
  return `/api/v1/analytics${query(filter)}`;
}

export function analyticsCsvUrl(filter: AnalyticsFilter, view: CsvView): string {
  return `/api/v1/analytics.csv${query({ ...filter, view })}`;
}
