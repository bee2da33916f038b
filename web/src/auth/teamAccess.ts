import { useTeam } from '../api/teams';
import type { TeamMember, User } from '../api/types';
import { hasRole } from './roles';
import { useCurrentUser } from './useCurrentUser';

/** What a user may do with one team's things, by the server's rules (src/http/access-rules.ts). */
export interface TeamAccess {
  /** Change its schedules, layers and overrides: admins, or responders in the team. */
  mayEdit: boolean;
  /** Manage it (members, intended gaps): admins, or responders who manage the team. */
  mayManage: boolean;
}

export function teamAccess(me: Pick<User, 'id' | 'role'>, members: readonly Pick<TeamMember, 'userId' | 'role'>[]): TeamAccess {
  if (hasRole(me.role, 'admin')) return { mayEdit: true, mayManage: true };
  const membership = hasRole(me.role, 'responder') ? members.find((m) => m.userId === me.id) : undefined;
  return { mayEdit: membership !== undefined, mayManage: membership?.role === 'manager' };
}

/**
 * The current user's access to a team; for a non-admin nothing until its members are known
 * (`known`), so no button shows only to vanish.
 */
export function useTeamAccess(teamId: string): TeamAccess & { known: boolean } {
  const me = useCurrentUser();
  const team = useTeam(teamId);
  return { ...teamAccess(me, team.data?.members ?? []), known: hasRole(me.role, 'admin') || team.isSuccess };
}
