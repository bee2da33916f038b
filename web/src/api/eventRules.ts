import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client';
import type { BodyOf, ResponseOf } from './schema';

export type EventRules = ResponseOf<'getMonitorsByIdEventRules'>;
export type EventRule = EventRules['rules'][number];
export type Condition = EventRule['when'][number];
export type DryRunInput = BodyOf<'postMonitorsByIdEventRulesDryRun'>;
export type DryRun = ResponseOf<'postMonitorsByIdEventRulesDryRun'>;

const rulesKey = (monitorId: string | null) => ['event-rules', monitorId ?? 'global'] as const;
/** A monitor's own list, or (null) the organisation's, which runs first for every monitor. */
const rulesPath = (monitorId: string | null) => (monitorId === null ? '/event-rules' : `/monitors/${monitorId}/event-rules`);

export function useEventRules(monitorId: string | null) {
  return useQuery({ queryKey: rulesKey(monitorId), queryFn: () => request<EventRules>('GET', rulesPath(monitorId)) });
}

/** Replaces the whole ordered list at once: the API validates it as one. */
export function useSaveEventRules(monitorId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: EventRule[]) => request<EventRules>('PUT', rulesPath(monitorId), { rules }),
    onSuccess: (saved) => client.setQueryData(rulesKey(monitorId), saved),
  });
}

/** What the global rules and the monitor's would make of an event sent to it: saved lists, or the unsaved ones given. */
export function useEventRulesDryRun(monitorId: string) {
  return useMutation({
    mutationFn: (body: DryRunInput) => request<DryRun>('POST', `/monitors/${monitorId}/event-rules/dry-run`, body),
  });
}
