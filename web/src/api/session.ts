import { useQuery } from '@tanstack/react-query';
import { ApiError } from './ApiError';
import { request, setCsrfToken } from './client';
import type { Session } from './types';

export const sessionKey = ['session'] as const;

/** The current session, or null when logged out (401). */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await request<Session>('GET', '/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

export async function login(email: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/auth/login', { email, password });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  await request<void>('POST', '/auth/logout');
  setCsrfToken(null);
}
