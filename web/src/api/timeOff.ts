import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import { allOnCallKey, schedulesKey } from './schedules';
import type { BodyOf, ResponseOf } from './schema';

export type TimeOff = ResponseOf<'getUsersByIdTimeOff'>['items'][number];
export type NewTimeOff = BodyOf<'postUsersByIdTimeOff'>;
export type TimeOffPatch = BodyOf<'patchUsersByIdTimeOffByItemId'>;
export type TimeOffCalendar = ResponseOf<'getUsersByIdTimeOffCalendar'>;

const timeOffKey = (userId: string) => ['time-off', userId] as const;

/** Time off moves covers on every schedule the person is in: their calendars and who is on call change. */
function invalidateTimeOff(client: QueryClient, userId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: timeOffKey(userId) }),
    client.invalidateQueries({ queryKey: schedulesKey }),
    client.invalidateQueries({ queryKey: allOnCallKey }),
  ]);
}

/** Time off not over yet, soonest first. */
export function useTimeOff(userId: string) {
  return useQuery({
    queryKey: [...timeOffKey(userId), 'list'],
    queryFn: () => request<{ items: TimeOff[] }>('GET', `/users/${userId}/time-off`),
    select: (answer) => answer.items,
  });
}

/** Everyone's time off overlapping a calendar's range, for the people it shows. */
export function useTimeOffOf(userIds: string[], from: string, to: string) {
  return useQuery({
    queryKey: ['time-off', 'of', [...userIds].sort().join(','), from, to],
    queryFn: async () => {
      const lists = await Promise.all(
        userIds.map((id) => request<{ items: TimeOff[] }>('GET', `/users/${id}/time-off${query({ from, to })}`).then((a) => a.items).catch(() => [] as TimeOff[])),
      );
      return lists.flat();
    },
    enabled: userIds.length > 0,
  });
}

export function useCreateTimeOff(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTimeOff) => request<TimeOff>('POST', `/users/${userId}/time-off`, body),
    onSuccess: () => invalidateTimeOff(client, userId),
  });
}

export function useUpdateTimeOff(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: TimeOffPatch & { id: string }) => request<TimeOff>('PATCH', `/users/${userId}/time-off/${id}`, patch),
    onSuccess: () => invalidateTimeOff(client, userId),
  });
}

export function useDeleteTimeOff(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/users/${userId}/time-off/${id}`),
    onSuccess: () => invalidateTimeOff(client, userId),
  });
}

export function useTimeOffCalendar(userId: string) {
  return useQuery({ queryKey: [...timeOffKey(userId), 'calendar'], queryFn: () => request<TimeOffCalendar>('GET', `/users/${userId}/time-off-calendar`) });
}

export function useSetTimeOffCalendar(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (url: string | null) => request<TimeOffCalendar>('PUT', `/users/${userId}/time-off-calendar`, { url }),
    onSuccess: () => invalidateTimeOff(client, userId),
  });
}
