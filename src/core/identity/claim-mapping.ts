// How an OpenID Connect login's claims become a Vigil role and team memberships.
// Mappings come from the environment as `value=target,value=target`, e.g.
// VIGIL_OIDC_ROLES="vigil-admins=admin,oncall=responder" against the `groups` claim.

export type MappedRole = 'owner' | 'admin' | 'responder' | 'viewer';
const roleRank: Record<MappedRole, number> = { viewer: 0, responder: 1, admin: 2, owner: 3 };

export interface ClaimMapping {
  roleClaim: string;
  /** Claim value → role; the highest role among the user's values wins. */
  roles: Map<string, MappedRole>;
  defaultRole: MappedRole;
  teamsClaim: string;
  /** Claim value → Vigil team name. Only these teams are managed by logins. */
  teams: Map<string, string[]>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses `a=x,b=y` (spaces around items ignored; a value may map to several targets). */
export function parsePairs(text: string): Parsed<Map<string, string[]>> {
  const pairs = new Map<string, string[]>();
  for (const item of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const at = item.lastIndexOf('=');
    const key = item.slice(0, at).trim();
    const target = item.slice(at + 1).trim();
    if (at <= 0 || key === '' || target === '') return { ok: false, error: `"${item}" is not claimValue=target` };
    pairs.set(key, [...(pairs.get(key) ?? []), target]);
  }
  return { ok: true, value: pairs };
}

export function isMappedRole(value: string): value is MappedRole {
  return Object.hasOwn(roleRank, value);
}

export function parseRoleMap(text: string): Parsed<Map<string, MappedRole>> {
  const pairs = parsePairs(text);
  if (!pairs.ok) return pairs;
  const roles = new Map<string, MappedRole>();
  for (const [key, targets] of pairs.value) {
    for (const role of targets) {
      if (!isMappedRole(role)) return { ok: false, error: `"${role}" is not a role (owner, admin, responder, viewer)` };
      roles.set(key, highest(roles.get(key), role));
    }
  }
  return { ok: true, value: roles };
}

function highest(a: MappedRole | undefined, b: MappedRole): MappedRole {
  return a !== undefined && roleRank[a] >= roleRank[b] ? a : b;
}

/** A claim as a list of strings: identity providers send groups as an array or one string. */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export interface MappedAccess {
  role: MappedRole;
  /** Teams the user belongs in, among the managed ones. */
  teams: string[];
  /** Every team the mapping manages: memberships in the others are left alone. */
  managedTeams: string[];
}

export function mapClaims(mapping: ClaimMapping, claims: Record<string, unknown>): MappedAccess {
  let role = mapping.defaultRole;
  for (const value of claimValues(claims, mapping.roleClaim)) {
    const mapped = mapping.roles.get(value);
    if (mapped !== undefined) role = highest(role, mapped);
  }
  const teams = new Set<string>();
  for (const value of claimValues(claims, mapping.teamsClaim)) for (const team of mapping.teams.get(value) ?? []) teams.add(team);
  const managedTeams = [...new Set([...mapping.teams.values()].flat())].sort();
  return { role, teams: [...teams].sort(), managedTeams };
}
