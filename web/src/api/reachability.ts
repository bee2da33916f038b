import { useQuery } from '@tanstack/react-query';
import type { MyReachability } from './accountTypes';
import { request } from './client';

export const reachabilityKey = ['reachability'] as const;

/** Whether a page would reach the logged-in user now; the nav and the profile warn when not. */
export function useMyReachability() {
  return useQuery({ queryKey: reachabilityKey, queryFn: () => request<MyReachability>('GET', '/me/reachability'), staleTime: 60_000 });
}
