import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed, CreatedCalendarFeed } from './accountTypes';
import { request } from './client';

const feedsKey = ['calendar-feeds'] as const;

export function useCalendarFeeds() {
  return useQuery({ queryKey: feedsKey, queryFn: () => request<CalendarFeed[]>('GET', '/me/calendar-feeds') });
}

/** `scheduleId` null: a feed of your own shifts across every schedule. */
export function useCreateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scheduleId: string | null) => request<CreatedCalendarFeed>('POST', '/me/calendar-feeds', { scheduleId }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedsKey }),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/me/calendar-feeds/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: feedsKey }),
  });
}
