import { useInfiniteQuery } from '@tanstack/react-query';
import { query, request } from './client';
import { incidentsKey } from './incidents';
import type { ResponseOf } from './schema';
import type { Page } from './types';

export type IncidentAlert = ResponseOf<'getIncidentsByIdAlerts'>['items'][number];
export type AlertDetails = IncidentAlert['details'];

const pageSize = 20;
/** As the incident itself: a repeat may arrive while the page is open. */
const pollMs = 10_000;

/** An incident's alerts, newest first, a page at a time. */
export function useIncidentAlerts(incidentId: string) {
  return useInfiniteQuery({
    queryKey: [...incidentsKey, 'alerts', incidentId],
    queryFn: ({ pageParam }) => request<Page<IncidentAlert>>('GET', `/incidents/${incidentId}/alerts${query({ limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: pollMs,
  });
}

/** A plain link: the browser downloads the Markdown with the session cookie, times in `timeZone`. */
export function postmortemUrl(incidentId: string, timeZone: string): string {
  return `/api/v1/incidents/${incidentId}/postmortem.md${query({ timeZone })}`;
}
