import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { query, request } from './client';
import { schedulesKey } from './schedules';
import type { Timeline } from './scheduleTypes';

export function useTimeline(scheduleId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...schedulesKey, scheduleId, 'timeline', from, to],
    queryFn: () => request<Timeline>('GET', `/schedules/${scheduleId}/timeline${query({ from, to })}`),
    // Keeps the previous week on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
