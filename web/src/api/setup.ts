import { useQuery } from '@tanstack/react-query';
import { request, setCsrfToken } from './client';
import type { Session } from './types';

export const setupKey = ['setup'] as const;

export interface FirstOwner {
  name: string;
  email: string;
  password: string;
  timeZone: string;
}

/** Whether this Vigil still needs its first owner; asked only when `enabled` (logged out). */
export function useSetupStatus(enabled = true) {
  return useQuery({ queryKey: setupKey, queryFn: () => request<{ required: boolean }>('GET', '/setup'), staleTime: Infinity, enabled });
}

/** Creates the first owner; the answer is a session, as a login's. */
export async function createFirstOwner(owner: FirstOwner): Promise<Session> {
  const session = await request<Session>('POST', '/setup', owner);
  setCsrfToken(session.csrfToken);
  return session;
}
