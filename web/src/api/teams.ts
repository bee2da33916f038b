import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forceQuery, query, request, type DeleteRequest } from './client';
import type { NewTeam, Page, Team, TeamDetail, TeamMember, TeamRole } from './types';

const teamsKey = ['teams'] as const;
const teamKey = (id: string) => [...teamsKey, 'detail', id] as const;
const pageSize = 50;

export function useTeamPages() {
  return useInfiniteQuery({
    queryKey: [...teamsKey, 'pages'],
    queryFn: ({ pageParam }) => request<Page<Team>>('GET', `/teams${query({ limit: pageSize, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: teamKey(id), queryFn: () => request<TeamDetail>('GET', `/teams/${id}`) });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (team: NewTeam) => request<Team>('POST', '/teams', team),
    onSuccess: () => client.invalidateQueries({ queryKey: teamsKey }),
  });
}

export function useDeleteTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: DeleteRequest) => request<void>('DELETE', `/teams/${id}${forceQuery(force)}`),
    onSuccess: (_, { id }) => {
      client.removeQueries({ queryKey: teamKey(id) });
      return client.invalidateQueries({ queryKey: [...teamsKey, 'pages'] });
    },
  });
}

/** Adds a member or changes their role: PUT is idempotent on the (team, user) pair. */
export function useSetMember(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TeamRole }) =>
      request<TeamMember>('PUT', `/teams/${teamId}/members/${userId}`, { role }),
    onSuccess: () => client.invalidateQueries({ queryKey: teamKey(teamId) }),
  });
}

export function useRemoveMember(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: DeleteRequest) => request<void>('DELETE', `/teams/${teamId}/members/${id}${forceQuery(force)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: teamKey(teamId) }),
  });
}

/** The API's largest page; enough to pick from in a select and to name a schedule's team. */
export function useTeamChoices() {
  return useQuery({
    queryKey: [...teamsKey, 'choices'],
    queryFn: () => request<Page<Team>>('GET', `/teams${query({ limit: 200 })}`),
    select: (page) => page.items,
  });
}
