import { useQuery } from '@tanstack/react-query';
import { request } from './client';
import { allOnCallKey, schedulesKey } from './schedules';
import type { OnCall } from './scheduleTypes';

/** The banner follows handoffs without a reload. */
const pollMs = 30_000;

export function useAllOnCall() {
  return useQuery({
    queryKey: allOnCallKey,
    queryFn: () => request<{ items: OnCall[] }>('GET', '/on-call'),
    select: (answer) => answer.items,
    refetchInterval: pollMs,
  });
}

export function useScheduleOnCall(scheduleId: string) {
  return useQuery({
    queryKey: [...schedulesKey, scheduleId, 'on-call'],
    queryFn: () => request<OnCall>('GET', `/schedules/${scheduleId}/on-call`),
    refetchInterval: pollMs,
  });
}
