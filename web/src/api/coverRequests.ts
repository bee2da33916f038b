import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from './client';
import { invalidateSchedule, schedulesKey } from './schedules';
import type { BodyOf, ResponseOf } from './schema';

export type CoverRequest = ResponseOf<'getSchedulesByIdCoverRequests'>['items'][number];
export type NewCoverRequest = BodyOf<'postSchedulesByIdCoverRequests'>;

const mineKey = ['cover-requests', 'me'] as const;
const scheduleRequestsKey = (scheduleId: string) => [...schedulesKey, scheduleId, 'cover-requests'] as const;

export function useScheduleCoverRequests(scheduleId: string) {
  return useQuery({
    queryKey: scheduleRequestsKey(scheduleId),
    queryFn: () => request<{ items: CoverRequest[] }>('GET', `/schedules/${scheduleId}/cover-requests`),
    select: (answer) => answer.items,
  });
}

/** Open requests the viewer was asked to take. */
export function useMyCoverRequests() {
  return useQuery({
    queryKey: mineKey,
    queryFn: () => request<{ items: CoverRequest[] }>('GET', '/me/cover-requests'),
    select: (answer) => answer.items,
  });
}

function refresh(client: QueryClient, scheduleId: string) {
  return Promise.all([invalidateSchedule(client, scheduleId), client.invalidateQueries({ queryKey: mineKey })]);
}

export function useAskForCover(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCoverRequest) => request<CoverRequest>('POST', `/schedules/${scheduleId}/cover-requests`, body),
    onSuccess: () => refresh(client, scheduleId),
  });
}

/** Accept or withdraw a request, on whichever schedule it belongs to. */
export function useDecideCover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request: r, decision }: { request: CoverRequest; decision: 'accept' | 'withdraw' }) =>
      request<CoverRequest>('POST', `/schedules/${r.scheduleId}/cover-requests/${r.id}/${decision}`),
    onSettled: (_data, _error, { request: r }) => refresh(client, r.scheduleId),
  });
}
