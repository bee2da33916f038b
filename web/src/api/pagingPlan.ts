import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { query, request } from './client';
import type { PolicyStep } from './incidentTypes';
import type { PagingPlan } from './pagingPlanTypes';

const planKey = ['paging-plan'] as const;

/** `at` undefined: if it fired now (the server's clock). The policy id only keys the cache: a new policy, a new plan. */
export function useMonitorPagingPlan(monitorId: string, policyId: string, at: string | undefined) {
  return useQuery({
    queryKey: [...planKey, 'monitor', monitorId, policyId, at ?? 'now'],
    queryFn: () => request<PagingPlan>('GET', `/monitors/${monitorId}/paging-plan${query({ at })}`),
    placeholderData: keepPreviousData,
  });
}

/** The plan of unsaved steps; null while the draft cannot be planned yet (a step without targets). */
export function useDraftPagingPlan(draft: { steps: PolicyStep[]; repeat: number } | null, at: string | undefined) {
  return useQuery({
    queryKey: [...planKey, 'draft', draft, at ?? 'now'],
    queryFn: () => request<PagingPlan>('POST', '/escalation-policies/paging-plan', { ...draft, at }),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
  });
}
