import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forceQuery, query, request, type DeleteRequest } from './client';
import { sessionKey } from './session';
import type { NewUser, Page, Session, User, UserPatch } from './types';

const usersKey = ['users'] as const;
const pageSize = 50;
/** The API's largest page; enough to pick from in a select. */
const pickerSize = 200;

export function useUserPages() {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'pages'],
    queryFn: ({ pageParam }) => request<Page<User>>('GET', `/users${query({ limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUserChoices() {
  return useQuery({
    queryKey: [...usersKey, 'choices'],
    queryFn: () => request<Page<User>>('GET', `/users${query({ limit: pickerSize })}`),
    select: (page) => page.items,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => request<User>('POST', '/users', user),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => request<User>('PATCH', `/users/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

/**
 * Your own account: the session holds it, and every time shown follows its time zone, so the
 * answer replaces the session's user at once.
 */
export function useUpdateProfile(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserPatch) => request<User>('PATCH', `/users/${userId}`, patch),
    onSuccess: (user) => {
      client.setQueryData<Session | null>(sessionKey, (session) => session && { ...session, user });
      return Promise.all([client.invalidateQueries({ queryKey: sessionKey }), client.invalidateQueries({ queryKey: usersKey })]);
    },
  });
}

export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: DeleteRequest) => request<void>('DELETE', `/users/${id}${forceQuery(force)}`),
    // Team member lists name users too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: usersKey }), client.invalidateQueries({ queryKey: ['teams'] })]),
  });
}
