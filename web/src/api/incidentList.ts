import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { request } from './client';
import type { Incident } from './incidentTypes';
import { incidentsKey } from './incidents';
import type { Page } from './types';

const pageSize = 50;
/** The engine escalates on its own: the list refreshes at this pace. */
const pollMs = 10_000;

/** The incident list's pages for a query string of GET /incidents (filters, search, sort), by cursor. */
export function useIncidentListPages(search: URLSearchParams) {
  const key = search.toString();
  return useInfiniteQuery({
    queryKey: [...incidentsKey, 'list', key],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      params.set('limit', String(pageSize));
      if (pageParam !== null) params.set('cursor', pageParam);
      return request<Page<Incident>>('GET', `/incidents?${params.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: pollMs,
  });
}
