import type { Role } from '../api/types';

const roles: readonly Role[] = ['owner', 'admin', 'responder', 'viewer'];

const rank: Record<Role, number> = { viewer: 0, responder: 1, admin: 2, owner: 3 };

/** Roles are ordered: each includes everything the ones below it may do (same rule as the server). */
export function hasRole(actual: Role, atLeast: Role): boolean {
  return rank[actual] >= rank[atLeast];
}

/** Roles the given user may hand out: only an owner may grant owner. */
export function assignableRoles(actual: Role): Role[] {
  return roles.filter((role) => role !== 'owner' || actual === 'owner');
}
