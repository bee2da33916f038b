import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import { schedulesKey } from './schedules';
import type { BodyOf, ResponseOf } from './schema';
import type { ScheduleDetail } from './scheduleTypes';

export type FairnessReport = ResponseOf<'getSchedulesByIdFairness'>;
export type FairnessRow = FairnessReport['items'][number];
export type FairnessMeasure = FairnessReport['measure'];
export type HolidayCalendar = NonNullable<BodyOf<'patchSchedulesById'>['holidays']>;
export type HolidayCountry = ResponseOf<'getHolidayCountries'>['items'][number];

export function useFairness(scheduleId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: [...schedulesKey, scheduleId, 'fairness', from, to],
    queryFn: () => request<FairnessReport>('GET', `/schedules/${scheduleId}/fairness${query({ from, to })}`),
    enabled,
  });
}

export function useHolidayCountries(enabled: boolean) {
  return useQuery({ queryKey: ['holiday-countries'], queryFn: () => request<ResponseOf<'getHolidayCountries'>>('GET', '/holiday-countries'), enabled, staleTime: Infinity });
}

export function useSetHolidayCalendar(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (holidays: HolidayCalendar) => request<ScheduleDetail>('PATCH', `/schedules/${scheduleId}`, { holidays }),
    // The schedule's detail and every period of its fairness report read the holidays.
    onSuccess: () => client.invalidateQueries({ queryKey: [...schedulesKey, scheduleId] }),
  });
}
