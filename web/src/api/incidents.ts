import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import type { Incident, IncidentDetail, IncidentStatus } from './incidentTypes';
import type { Page } from './types';

export const incidentsKey = ['incidents'] as const;
const incidentKey = (id: string) => [...incidentsKey, 'detail', id] as const;
const pageSize = 50;
/** The engine escalates on its own: lists and pages refresh at this pace. */
const pollMs = 10_000;

interface IncidentFilter {
  statuses?: IncidentStatus[];
  monitorId?: string;
}

export function useIncidentPages({ statuses, monitorId }: IncidentFilter) {
  return useInfiniteQuery({
    queryKey: [...incidentsKey, 'pages', statuses ?? 'all', monitorId ?? 'any'],
    queryFn: ({ pageParam }) => {
      const params = query({ limit: pageSize, cursor: pageParam, monitorId });
      const status = (statuses ?? []).map((s) => `status=${s}`).join('&');
      const search = status === '' ? params : params === '' ? `?${status}` : `${params}&${status}`;
      return request<Page<Incident>>('GET', `/incidents${search}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: pollMs,
  });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKey(id), queryFn: () => request<IncidentDetail>('GET', `/incidents/${id}`), refetchInterval: pollMs });
}

type Action =
  | { kind: 'acknowledge' | 'resolve' | 'escalate' }
  | { kind: 'responders'; userIds: string[] }
  | { kind: 'snooze'; minutes: number }
  | { kind: 'merge'; incidentIds: string[] }
  | { kind: 'comment' | 'status-updates'; text: string }
  | { kind: 'urgency'; urgency: 'high' | 'low' };

/** Every action answers with the updated incident, which replaces the cached one at once. */
export function useIncidentAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => {
      const base = `/incidents/${id}`;
      switch (action.kind) {
        case 'responders':
          return request<IncidentDetail>('POST', `${base}/responders`, { userIds: action.userIds });
        case 'snooze':
          return request<IncidentDetail>('POST', `${base}/snooze`, { minutes: action.minutes });
        case 'merge':
          return request<IncidentDetail>('POST', `${base}/merge`, { incidentIds: action.incidentIds });
        case 'comment':
          return request<IncidentDetail>('POST', `${base}/comments`, { text: action.text });
        case 'status-updates':
          return request<IncidentDetail>('POST', `${base}/status-updates`, { text: action.text });
        case 'urgency':
          return request<IncidentDetail>('POST', `${base}/urgency`, { urgency: action.urgency });
        default:
          return request<IncidentDetail>('POST', `${base}/${action.kind}`);
      }
    },
    onSuccess: (incident) => {
      client.setQueryData(incidentKey(id), incident);
      return client.invalidateQueries({ queryKey: [...incidentsKey, 'pages'] });
    },
  });
}

export type BulkResult = { items: { id: string; status: IncidentStatus; changed: boolean }[] };

/** Acknowledge or resolve many incidents: all or none (the server names any it refuses). */
export function useBulkIncidentAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: 'acknowledge' | 'resolve'; ids: string[] }) => request<BulkResult>('POST', '/incidents/bulk', body),
    onSuccess: () => client.invalidateQueries({ queryKey: incidentsKey }),
  });
}
