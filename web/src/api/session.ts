import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError } from './ApiError';
import { request, setCsrfToken } from './client';
import type { LoginMethods, SecondFactorChallenge, Session } from './types';

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

const sessionQuery = { queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 };

export function useSession() {
  return useQuery(sessionQuery);
}

/** Every page first checks the session: asked at start, it arrives beside the page's own code. */
export function prefetchSession(client: QueryClient): Promise<void> {
  return client.prefetchQuery(sessionQuery);
}

export async function login(email: string, password: string): Promise<Session | SecondFactorChallenge> {
  const answer = await request<Session | SecondFactorChallenge>('POST', '/auth/login', { email, password });
  if ('csrfToken' in answer) setCsrfToken(answer.csrfToken);
  return answer;
}

/** The second step of a login with two-factor: a code from the app or a recovery code. */
export async function loginSecondFactor(challenge: string, code: string): Promise<Session> {
  const session = await request<Session>('POST', '/auth/login/second-factor', { challenge, code });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useLoginMethods() {
  return useQuery({ queryKey: ['auth-methods'], queryFn: () => request<LoginMethods>('GET', '/auth/methods'), staleTime: Infinity });
}

export async function logout(): Promise<void> {
  await request<void>('POST', '/auth/logout');
  setCsrfToken(null);
}
