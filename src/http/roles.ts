import type { Role } from '../store/schema.js';

const rank: Record<Role, number> = { viewer: 0, responder: 1, admin: 2, owner: 3 };

/** Roles are ordered: each includes everything the ones below it may do. */
export function hasRole(actual: Role, atLeast: Role): boolean {
  return rank[actual] >= rank[atLeast];
}
