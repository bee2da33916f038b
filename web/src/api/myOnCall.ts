import { useQuery } from '@tanstack/react-query';
import { query, request } from './client';
import { allOnCallKey } from './schedules';
import type { ResponseOf } from './schema';

export type MyOnCall = ResponseOf<'getMeOnCall'>;
export type MyShift = MyOnCall['shifts'][number];

/** How far ahead "My on-call" lists shifts; the API takes up to 92 days. */
export const myOnCallDays = 30;

export function useMyOnCall() {
  return useQuery({
    // Under the on-call key, so edits that refresh who is on call refresh this too.
    queryKey: [...allOnCallKey, 'me', myOnCallDays],
    queryFn: () => request<MyOnCall>('GET', `/me/on-call${query({ days: myOnCallDays })}`),
    refetchInterval: 60_000,
  });
}
