import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { isMappedRole, parsePairs, parseRoleMap, type ClaimMapping } from '../core/identity/claim-mapping.js';

// Single sign-on settings, validated like the rest of the configuration (see config.ts).
const OidcEnv = Type.Object({
  VIGIL_OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://' })),
  VIGIL_OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  VIGIL_OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  VIGIL_OIDC_SCOPES: Type.String({ default: 'openid email profile' }),
  VIGIL_OIDC_LABEL: Type.String({ minLength: 1, maxLength: 60, default: 'Single sign-on' }),
  VIGIL_OIDC_ROLE_CLAIM: Type.String({ minLength: 1, default: 'groups' }),
  VIGIL_OIDC_ROLES: Type.String({ default: '' }),
  VIGIL_OIDC_DEFAULT_ROLE: Type.String({ default: 'viewer' }),
  VIGIL_OIDC_TEAMS_CLAIM: Type.String({ minLength: 1, default: 'groups' }),
  VIGIL_OIDC_TEAMS: Type.String({ default: '' }),
  VIGIL_OIDC_ONLY: Type.Enum(['0', '1'], { default: '0' }),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** The login button's text, e.g. "Log in with Okta". */
  label: string;
  mapping: ClaimMapping;
  /** Password logins are refused, except for owners (break-glass when the identity provider is down). */
  only: boolean;
}

/** Undefined when VIGIL_OIDC_ISSUER is unset; problems are returned, one line per variable. */
export function loadOidcConfig(env: NodeJS.ProcessEnv): { config: OidcConfig | undefined; errors: string[] } {
  const raw = Object.fromEntries(Object.keys(OidcEnv.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const value = Value.Default(OidcEnv, raw);
  const errors = [...Value.Errors(OidcEnv, value)].map((e) => `${e.instancePath.slice(1) || '(env)'}: ${e.message}`);
  if (errors.length > 0) return { config: undefined, errors };
  const v = value as Static<typeof OidcEnv>;
  if (v.VIGIL_OIDC_ISSUER === undefined) {
    return { config: undefined, errors: v.VIGIL_OIDC_ONLY === '1' ? ['VIGIL_OIDC_ONLY: needs VIGIL_OIDC_ISSUER'] : [] };
  }
  if (!v.VIGIL_OIDC_CLIENT_ID || !v.VIGIL_OIDC_CLIENT_SECRET) errors.push('VIGIL_OIDC_CLIENT_ID, VIGIL_OIDC_CLIENT_SECRET: both are needed with VIGIL_OIDC_ISSUER');
  // Plain http only to this machine (a development provider): tokens must not cross a network in clear.
  const host = new URL(v.VIGIL_OIDC_ISSUER).hostname;
  if (v.VIGIL_OIDC_ISSUER.startsWith('http://') && !['localhost', '127.0.0.1', '[::1]'].includes(host)) {
    errors.push('VIGIL_OIDC_ISSUER: must be https:// (http:// only for localhost)');
  }
  if (!v.VIGIL_OIDC_SCOPES.split(' ').includes('openid')) errors.push('VIGIL_OIDC_SCOPES: must include openid');
  const roles = parseRoleMap(v.VIGIL_OIDC_ROLES);
  if (!roles.ok) errors.push(`VIGIL_OIDC_ROLES: ${roles.error}`);
  const teams = parsePairs(v.VIGIL_OIDC_TEAMS);
  if (!teams.ok) errors.push(`VIGIL_OIDC_TEAMS: ${teams.error}`);
  const defaultRole = v.VIGIL_OIDC_DEFAULT_ROLE;
  if (!isMappedRole(defaultRole)) errors.push('VIGIL_OIDC_DEFAULT_ROLE: must be owner, admin, responder or viewer');
  if (errors.length > 0 || !roles.ok || !teams.ok || !isMappedRole(defaultRole)) return { config: undefined, errors };
  return {
    config: {
      issuer: v.VIGIL_OIDC_ISSUER,
      clientId: v.VIGIL_OIDC_CLIENT_ID ?? '',
      clientSecret: v.VIGIL_OIDC_CLIENT_SECRET ?? '',
      scopes: v.VIGIL_OIDC_SCOPES,
      label: v.VIGIL_OIDC_LABEL,
      mapping: { roleClaim: v.VIGIL_OIDC_ROLE_CLAIM, roles: roles.value, defaultRole, teamsClaim: v.VIGIL_OIDC_TEAMS_CLAIM, teams: teams.value },
      only: v.VIGIL_OIDC_ONLY === '1',
    },
    errors: [],
  };
}
