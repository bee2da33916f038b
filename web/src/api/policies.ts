import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import type { Policy, PolicyInput } from './incidentTypes';
import type { Page } from './types';

const policiesKey = ['escalation-policies'] as const;
const policyKey = (id: string) => [...policiesKey, 'detail', id] as const;
const pageSize = 50;

export function usePolicyPages() {
  return useInfiniteQuery({
    queryKey: [...policiesKey, 'pages'],
    queryFn: ({ pageParam }) => request<Page<Policy>>('GET', `/escalation-policies${query({ limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The API's largest page; enough to pick from in a select and to name a monitor's policy. */
export function usePolicyChoices() {
  return useQuery({
    queryKey: [...policiesKey, 'choices'],
    queryFn: () => request<Page<Policy>>('GET', `/escalation-policies${query({ limit: 200 })}`),
    select: (page) => page.items,
  });
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: policyKey(id), queryFn: () => request<Policy>('GET', `/escalation-policies/${id}`) });
}

/** Creates the policy when no id is given, else replaces it. */
export function useSavePolicy(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (policy: PolicyInput) =>
      id === undefined ? request<Policy>('POST', '/escalation-policies', policy) : request<Policy>('PUT', `/escalation-policies/${id}`, policy),
    onSuccess: () => client.invalidateQueries({ queryKey: policiesKey }),
  });
}

export function useDeletePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/escalation-policies/${id}`),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: policyKey(id) });
      return client.invalidateQueries({ queryKey: policiesKey });
    },
  });
}
