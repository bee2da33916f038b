import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from './client';
import { incidentsKey } from './incidents';
import type { BodyOf, ResponseOf } from './schema';

/** A page sent by hand: to a user, a team, a schedule's on-call or a policy. */
export type ManualPage = BodyOf<'postIncidents'>;
export type ManualPageTargetType = ManualPage['target']['type'];

/** Opens a manual incident; the incident lists refresh to show it. */
export function usePageSomeone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (page: ManualPage) => request<ResponseOf<'postIncidents', 201>>('POST', '/incidents', page),
    onSuccess: () => client.invalidateQueries({ queryKey: incidentsKey }),
  });
}
