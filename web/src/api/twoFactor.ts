import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client';
import type { ResponseOf } from './schema';

export type TwoFactorStatus = ResponseOf<'getMeTwoFactor'>;
export type Enrolment = ResponseOf<'postMeTwoFactor', 201>;

const statusKey = ['two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: () => request<TwoFactorStatus>('GET', '/me/two-factor') });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: (password: string) => request<Enrolment>('POST', '/me/two-factor', { password }) });
}

export function useConfirmEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/me/two-factor/confirm', { code }),
    onSuccess: () => client.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useDisableTwoFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; code: string }) => request<void>('POST', '/me/two-factor/disable', body),
    onSuccess: () => client.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useRequireTwoFactorSetting() {
  return useQuery({ queryKey: ['settings', 'two-factor'], queryFn: () => request<{ required: boolean }>('GET', '/settings/two-factor') });
}

export function useSetRequireTwoFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (required: boolean) => request<{ required: boolean }>('PUT', '/settings/two-factor', { required }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['settings', 'two-factor'] }), client.invalidateQueries({ queryKey: statusKey })]),
  });
}
