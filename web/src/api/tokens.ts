import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreatedApiToken } from './accountTypes';
import { request } from './client';

export const tokensKey = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => request<ApiToken[]>('GET', '/me/tokens') });
}

/** `expiresInDays` undefined: the token never expires. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) => request<CreatedApiToken>('POST', '/me/tokens', input),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/me/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
