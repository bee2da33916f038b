import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { forceQuery, query, request, type DeleteRequest } from './client';
import type { LayerInput, LayerPatch, NewSchedule, Preview, ScheduleDetail, ScheduleEdit, ScheduleSummary } from './scheduleTypes';
import type { Page } from './types';

export const schedulesKey = ['schedules'] as const;
export const allOnCallKey = ['on-call'] as const;
const scheduleKey = (id: string) => [...schedulesKey, id] as const;
const detailKey = (id: string) => [...scheduleKey(id), 'detail'] as const;
const pageSize = 50;

/** A layer edit changes who is on call, the timeline and the overrides' layers: refresh all of it. */
export function invalidateSchedule(client: QueryClient, id: string) {
  return Promise.all([client.invalidateQueries({ queryKey: scheduleKey(id) }), client.invalidateQueries({ queryKey: allOnCallKey })]);
}

export function useSchedulePages() {
  return useInfiniteQuery({
    queryKey: [...schedulesKey, 'pages'],
    queryFn: ({ pageParam }) => request<Page<ScheduleSummary>>('GET', `/schedules${query({ limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSchedule(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: () => request<ScheduleDetail>('GET', `/schedules/${id}`) });
}

export function useCreateSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (schedule: NewSchedule) => request<ScheduleDetail>('POST', '/schedules', schedule),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: schedulesKey }), client.invalidateQueries({ queryKey: allOnCallKey })]),
  });
}

export function useDeleteSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: DeleteRequest) => request<void>('DELETE', `/schedules/${id}${forceQuery(force)}`),
    onSuccess: (_, { id }) => {
      client.removeQueries({ queryKey: scheduleKey(id) });
      return Promise.all([client.invalidateQueries({ queryKey: [...schedulesKey, 'pages'] }), client.invalidateQueries({ queryKey: allOnCallKey })]);
    },
  });
}

/** What an unsaved edit would do; `from` is when it would take effect (the server clamps it to now). */
export function previewEdit(scheduleId: string, edit: ScheduleEdit, from?: string): Promise<Preview> {
  return request<Preview>('POST', `/schedules/${scheduleId}/preview`, { edit, ...(from !== undefined && { from }) });
}

/** Saves a previewed edit with the endpoint that matches its kind; `force` removes a layer policies page (see docs/API.md). */
export function useSaveEdit(scheduleId: string) {
  const client = useQueryClient();
  const base = `/schedules/${scheduleId}`;
  return useMutation({
    mutationFn: ({ edit, force }: { edit: ScheduleEdit; force?: boolean }) => {
      switch (edit.kind) {
        case 'add_layer':
          return request<ScheduleDetail>('POST', `${base}/layers`, edit.layer satisfies LayerInput);
        case 'update_layer':
          return request<ScheduleDetail>('PATCH', `${base}/layers/${edit.layerId}`, edit.patch satisfies LayerPatch);
        case 'reorder_layers':
          return request<ScheduleDetail>('PUT', `${base}/layer-order`, { layerIds: edit.layerIds });
        case 'remove_layer':
          return request<ScheduleDetail>('DELETE', `${base}/layers/${edit.layerId}${forceQuery(force)}`);
      }
    },
    // The answer is the schedule as saved: shown at once, so the review closes when the
    // save is done rather than when every view of the schedule (timeline, gaps ahead,
    // fairness) has been computed again, which they are meanwhile.
    onSuccess: (saved) => {
      client.setQueryData(detailKey(scheduleId), saved);
      void invalidateSchedule(client, scheduleId);
    },
  });
}

/** The API's largest page; enough to pick a schedule in a select and to name one. */
export function useScheduleChoices() {
  return useQuery({
    queryKey: [...schedulesKey, 'choices'],
    queryFn: () => request<Page<ScheduleSummary>>('GET', `/schedules${query({ limit: 200 })}`),
    select: (page) => page.items,
  });
}
