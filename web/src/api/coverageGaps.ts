import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from './client';
import { schedulesKey } from './schedules';
import type { BodyOf, ResponseOf } from './schema';
import type { ScheduleDetail } from './scheduleTypes';

export type GapsAhead = ResponseOf<'getSchedulesByIdGaps'>;
export type GapPiece = GapsAhead['items'][number];
export type IntendedGap = ResponseOf<'getSchedulesByIdIntendedGaps'>['items'][number];
export type NewIntendedGap = BodyOf<'postSchedulesByIdIntendedGaps'>;
export type ScheduleWithGaps = ResponseOf<'getCoverageGaps'>['items'][number];

const coverageGapsKey = ['coverage-gaps'] as const;

/** Gaps ahead live under the schedule's key, so every edit that refreshes the schedule refreshes them; the overview is refreshed too. */
function invalidateGaps(client: QueryClient, scheduleId: string) {
  return Promise.all([client.invalidateQueries({ queryKey: [...schedulesKey, scheduleId] }), client.invalidateQueries({ queryKey: coverageGapsKey })]);
}

export function useScheduleGaps(scheduleId: string) {
  return useQuery({ queryKey: [...schedulesKey, scheduleId, 'gaps'], queryFn: () => request<GapsAhead>('GET', `/schedules/${scheduleId}/gaps`) });
}

export function useIntendedGaps(scheduleId: string) {
  return useQuery({
    queryKey: [...schedulesKey, scheduleId, 'intended-gaps'],
    queryFn: () => request<{ items: IntendedGap[] }>('GET', `/schedules/${scheduleId}/intended-gaps`),
    select: (answer) => answer.items,
  });
}

/** Every schedule a policy pages through that has unintended gaps ahead (the Who's on-call page). */
export function useCoverageGaps() {
  return useQuery({ queryKey: coverageGapsKey, queryFn: () => request<ResponseOf<'getCoverageGaps'>>('GET', '/coverage-gaps'), select: (answer) => answer.items });
}

export function useMarkIntended(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (gap: NewIntendedGap) => request<IntendedGap>('POST', `/schedules/${scheduleId}/intended-gaps`, gap),
    onSuccess: () => invalidateGaps(client, scheduleId),
  });
}

export function useUnmarkIntended(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/schedules/${scheduleId}/intended-gaps/${id}`),
    onSuccess: () => invalidateGaps(client, scheduleId),
  });
}

export function useSetGapAlertDays(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (gapAlertDays: number) => request<ScheduleDetail>('PATCH', `/schedules/${scheduleId}`, { gapAlertDays }),
    onSuccess: () => invalidateGaps(client, scheduleId),
  });
}
