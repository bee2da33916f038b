import { useInfiniteQuery } from '@tanstack/react-query';
import { query, request } from './client';
import type { ResponseOf } from './schema';
import type { Page } from './types';

export const auditEntityTypes = ['user', 'team', 'schedule', 'layer', 'override', 'fixed_shift', 'policy', 'monitor', 'api_token', 'two_factor', 'setting', 'cover_request', 'intended_gap', 'time_off', 'time_off_calendar', 'status_page', 'status_incident', 'status_maintenance', 'status_subscriber'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditActions = [
  'create',
  'update',
  'delete',
  'add_member',
  'change_member',
  'remove_member',
  'rotate_integration_key',
  'revoke',
  'enable_two_factor',
  'disable_two_factor',
  'replace_recovery_codes',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntry = ResponseOf<'getAuditLog'>['items'][number];
export type AuditSnapshot = AuditEntry['before'];

export interface AuditFilter {
  entityType?: AuditEntityType | undefined;
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
}

const pageSize = 50;

export function useAuditPages(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit-log', filter],
    queryFn: ({ pageParam }) => request<Page<AuditEntry>>('GET', `/audit-log${query({ ...filter, limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
