import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client';
import type {
  LayoutInput,
  MaintenanceInput,
  NewStatusEntry,
  NewStatusIncident,
  NewStatusPage,
  StatusIncident,
  StatusMaintenance,
  StatusPage,
  StatusPageLayout,
  StatusPageListItem,
  StatusPagePatch,
  StatusPageView,
  StatusSubscribers,
} from './statusPageTypes';

const statusPagesKey = ['status-pages'] as const;
const pageKey = (id: string) => [...statusPagesKey, 'detail', id] as const;

/** Every change to a page shows in its preview (the view), so each mutation refreshes all of the page's queries. */
function useRefreshPage(id: string) {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: pageKey(id) }), client.invalidateQueries({ queryKey: [...statusPagesKey, 'list'] })]);
}

const listQuery = {
  queryKey: [...statusPagesKey, 'list'],
  queryFn: () => request<{ items: StatusPageListItem[]; creatableTeamIds: string[] }>('GET', '/status-pages'),
};

export function useStatusPages() {
  return useQuery({ ...listQuery, select: (answer) => answer.items });
}

/** Teams the current user may make a page for (admins: all; others: those they manage), from the same answer as the list. */
export function useCreatableTeamIds() {
  return useQuery({ ...listQuery, select: (answer) => answer.creatableTeamIds });
}

export function useStatusPage(id: string) {
  return useQuery({ queryKey: pageKey(id), queryFn: () => request<StatusPage>('GET', `/status-pages/${id}`) });
}

/** What the public page shows now, whatever its access mode. */
export function useStatusPageView(id: string) {
  return useQuery({ queryKey: [...pageKey(id), 'view'], queryFn: () => request<StatusPageView>('GET', `/status-pages/${id}/view`) });
}

export function useStatusPageLayout(id: string) {
  return useQuery({ queryKey: [...pageKey(id), 'layout'], queryFn: () => request<StatusPageLayout>('GET', `/status-pages/${id}/layout`) });
}

export function useCreateStatusPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (page: NewStatusPage) => request<StatusPage>('POST', '/status-pages', page),
    onSuccess: () => client.invalidateQueries({ queryKey: statusPagesKey }),
  });
}

export function useUpdateStatusPage(id: string) {
  const refresh = useRefreshPage(id);
  return useMutation({
    mutationFn: (settings: StatusPagePatch) => request<StatusPage>('PATCH', `/status-pages/${id}`, settings),
    onSuccess: refresh,
  });
}

export function useDeleteStatusPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/status-pages/${id}`),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: pageKey(id) });
      return client.invalidateQueries({ queryKey: statusPagesKey });
    },
  });
}

/** Uploads a new logo (a File keeps its type), or removes it with null. */
export function useSetLogo(id: string) {
  const refresh = useRefreshPage(id);
  return useMutation({
    mutationFn: (file: File | null) => (file === null ? request<void>('DELETE', `/status-pages/${id}/logo`) : request<unknown>('PUT', `/status-pages/${id}/logo`, file)),
    onSuccess: refresh,
  });
}

export function useSaveLayout(id: string) {
  const refresh = useRefreshPage(id);
  return useMutation({
    mutationFn: (layout: LayoutInput) => request<StatusPageLayout>('PUT', `/status-pages/${id}/layout`, layout),
    onSuccess: refresh,
  });
}

export function useStatusIncidents(pageId: string) {
  return useQuery({
    queryKey: [...pageKey(pageId), 'incidents'],
    queryFn: () => request<{ items: StatusIncident[] }>('GET', `/status-pages/${pageId}/incidents`),
    select: (answer) => answer.items,
  });
}

/** The public incidents published from one Vigil incident, on any page. */
export function useLinkedStatusIncidents(incidentId: string) {
  return useQuery({
    queryKey: [...statusPagesKey, 'linked', incidentId],
    queryFn: () => request<{ items: StatusIncident[] }>('GET', `/incidents/${incidentId}/status-incidents`),
    select: (answer) => answer.items,
  });
}

export function usePublishStatusIncident(pageId: string) {
  const client = useQueryClient();
  const refresh = useRefreshPage(pageId);
  return useMutation({
    mutationFn: (incident: NewStatusIncident) => request<StatusIncident>('POST', `/status-pages/${pageId}/incidents`, incident),
    onSuccess: () => Promise.all([refresh(), client.invalidateQueries({ queryKey: [...statusPagesKey, 'linked'] })]),
  });
}

export function useAddStatusEntry(pageId: string, statusIncidentId: string) {
  const client = useQueryClient();
  const refresh = useRefreshPage(pageId);
  return useMutation({
    mutationFn: (entry: NewStatusEntry) => request<unknown>('POST', `/status-pages/${pageId}/incidents/${statusIncidentId}/entries`, entry),
    onSuccess: () => Promise.all([refresh(), client.invalidateQueries({ queryKey: [...statusPagesKey, 'linked'] })]),
  });
}

export function useMaintenances(pageId: string) {
  return useQuery({
    queryKey: [...pageKey(pageId), 'maintenances'],
    queryFn: () => request<{ items: StatusMaintenance[] }>('GET', `/status-pages/${pageId}/maintenances`),
    select: (answer) => answer.items,
  });
}

/** Schedules one when no id is given, else changes it. */
export function useSaveMaintenance(pageId: string, maintenanceId: string | undefined) {
  const refresh = useRefreshPage(pageId);
  return useMutation({
    // PATCH takes the same fields, each optional: the form sends them all.
    mutationFn: (maintenance: MaintenanceInput) =>
      maintenanceId === undefined
        ? request<StatusMaintenance>('POST', `/status-pages/${pageId}/maintenances`, maintenance)
        : request<StatusMaintenance>('PATCH', `/status-pages/${pageId}/maintenances/${maintenanceId}`, maintenance),
    onSuccess: refresh,
  });
}

export function useCancelMaintenance(pageId: string) {
  const refresh = useRefreshPage(pageId);
  return useMutation({
    mutationFn: (maintenanceId: string) => request<void>('DELETE', `/status-pages/${pageId}/maintenances/${maintenanceId}`),
    onSuccess: refresh,
  });
}

export function useStatusSubscribers(pageId: string) {
  return useQuery({ queryKey: [...pageKey(pageId), 'subscribers'], queryFn: () => request<StatusSubscribers>('GET', `/status-pages/${pageId}/subscribers`) });
}

export function useRemoveSubscriber(pageId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subscriberId: string) => request<void>('DELETE', `/status-pages/${pageId}/subscribers/${subscriberId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: [...pageKey(pageId), 'subscribers'] }),
  });
}
