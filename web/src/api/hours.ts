import { useQuery } from '@tanstack/react-query';
import { query, request } from './client';
import { schedulesKey } from './schedules';
import type { HoursReport } from './scheduleTypes';

export function useHours(scheduleId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: [...schedulesKey, scheduleId, 'hours', from, to],
    queryFn: () => request<HoursReport>('GET', `/schedules/${scheduleId}/hours${query({ from, to })}`),
    enabled,
  });
}

/** A plain link: the browser downloads it with the session cookie. */
export function hoursCsvUrl(scheduleId: string, from: string, to: string): string {
  return `/api/v1/schedules/${scheduleId}/hours.csv${query({ from, to })}`;
}
