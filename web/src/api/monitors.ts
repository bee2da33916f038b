import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import { incidentsKey } from './incidents';
import type { History, HistoryRange, Uptime } from './checkTypes';
import type { CreatedMonitor, Incident, Integration, Monitor, MonitorPatch, NewAlert, NewMonitor } from './incidentTypes';
import type { Page } from './types';

const monitorsKey = ['monitors'] as const;
const monitorKey = (id: string) => [...monitorsKey, 'detail', id] as const;
const pageSize = 50;
/** Checks run on their own and change a monitor's status, uptime and history: views refresh at this pace. */
const pollMs = 10_000;

export function useMonitorPages() {
  return useInfiniteQuery({
    queryKey: [...monitorsKey, 'pages'],
    queryFn: ({ pageParam }) => request<Page<Monitor>>('GET', `/monitors${query({ limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: pollMs,
  });
}

/** The API's largest page; enough to name the monitor of each incident in a list. */
export function useMonitorChoices() {
  return useQuery({
    queryKey: [...monitorsKey, 'choices'],
    queryFn: () => request<Page<Monitor>>('GET', `/monitors${query({ limit: 200 })}`),
    select: (page) => page.items,
  });
}

export function useMonitor(id: string) {
  return useQuery({ queryKey: monitorKey(id), queryFn: () => request<Monitor>('GET', `/monitors/${id}`), refetchInterval: pollMs });
}

/** A checked monitor's share of good checks over the last 24 hours, 7 and 30 days. */
export function useMonitorUptime(id: string) {
  return useQuery({ queryKey: [...monitorKey(id), 'uptime'], queryFn: () => request<Uptime>('GET', `/monitors/${id}/uptime`), refetchInterval: pollMs });
}

export function useMonitorHistory(id: string, range: HistoryRange) {
  return useQuery({
    queryKey: [...monitorKey(id), 'history', range],
    queryFn: () => request<History>('GET', `/monitors/${id}/history${query({ range })}`),
    refetchInterval: pollMs,
    // Switching ranges keeps the chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useCreateMonitor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (monitor: NewMonitor) => request<CreatedMonitor>('POST', '/monitors', monitor),
    onSuccess: () => client.invalidateQueries({ queryKey: monitorsKey }),
  });
}

export function useUpdateMonitor(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: MonitorPatch) => request<Monitor>('PATCH', `/monitors/${id}`, patch),
    onSuccess: (saved) => {
      // Shown at once: a select bound to the monitor would otherwise flip back until the refetch.
      client.setQueryData(monitorKey(id), saved);
      return client.invalidateQueries({ queryKey: monitorsKey });
    },
  });
}

/** Issues a new integration key for a pushed monitor; the old one stops working at once. */
export function useRotateIntegrationKey(id: string) {
  return useMutation({ mutationFn: () => request<Integration>('POST', `/monitors/${id}/integration-key`) });
}

export function useDeleteMonitor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/monitors/${id}`),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: monitorKey(id) });
      // Its incidents are deleted with it.
      return Promise.all([client.invalidateQueries({ queryKey: monitorsKey }), client.invalidateQueries({ queryKey: incidentsKey })]);
    },
  });
}

/** 201 opens an incident; 200 means the open incident with the same dedup key absorbed it. */
export function useRaiseAlert(monitorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (alert: NewAlert) => request<{ incident: Incident; created: boolean }>('POST', `/monitors/${monitorId}/alerts`, alert),
    onSuccess: () => client.invalidateQueries({ queryKey: incidentsKey }),
  });
}
