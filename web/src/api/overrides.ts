import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import { invalidateSchedule, schedulesKey } from './schedules';
import type { NewOverride, OverrideView } from './scheduleTypes';

export function useOverrides(scheduleId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...schedulesKey, scheduleId, 'overrides', from, to],
    queryFn: () => request<{ items: OverrideView[] }>('GET', `/schedules/${scheduleId}/overrides${query({ from, to })}`),
    select: (answer) => answer.items,
  });
}

export function useCreateOverride(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (override: NewOverride) => request<OverrideView>('POST', `/schedules/${scheduleId}/overrides`, override),
    onSuccess: () => invalidateSchedule(client, scheduleId),
  });
}

export function useDeleteOverride(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (overrideId: string) => request<void>('DELETE', `/schedules/${scheduleId}/overrides/${overrideId}`),
    onSuccess: () => invalidateSchedule(client, scheduleId),
  });
}
