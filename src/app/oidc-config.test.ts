import { describe, expect, it } from 'vitest';
import { loadOidcConfig } from './oidc-config.js';

const base = { VIGIL_OIDC_ISSUER: 'https://id.example.com', VIGIL_OIDC_CLIENT_ID: 'vigil', VIGIL_OIDC_CLIENT_SECRET: 'shh' };

describe('single sign-on configuration', () => {
  it('is off without an issuer, and reads the mappings when set', () => {
    expect(loadOidcConfig({})).toEqual({ config: undefined, errors: [] });
    const { config, errors } = loadOidcConfig({ ...base, VIGIL_OIDC_ROLES: 'ops=admin', VIGIL_OIDC_TEAMS: 'ops=Platform', VIGIL_OIDC_ONLY: '1' });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ issuer: 'https://id.example.com', scopes: 'openid email profile', label: 'Single sign-on', only: true });
    expect(config?.mapping.roles.get('ops')).toBe('admin');
    expect(config?.mapping.teams.get('ops')).toEqual(['Platform']);
  });

  it('reports every bad variable', () => {
    const { config, errors } = loadOidcConfig({
      VIGIL_OIDC_ISSUER: 'http://id.example.com',
      VIGIL_OIDC_SCOPES: 'email',
      VIGIL_OIDC_ROLES: 'ops=root',
      VIGIL_OIDC_TEAMS: 'nothing',
      VIGIL_OIDC_DEFAULT_ROLE: 'boss',
    });
    expect(config).toBeUndefined();
    expect(errors).toEqual([
      'VIGIL_OIDC_CLIENT_ID, VIGIL_OIDC_CLIENT_SECRET: both are needed with VIGIL_OIDC_ISSUER',
      'VIGIL_OIDC_ISSUER: must be https:// (http:// only for localhost)',
      'VIGIL_OIDC_SCOPES: must include openid',
      'VIGIL_OIDC_ROLES: "root" is not a role (owner, admin, responder, viewer)',
      'VIGIL_OIDC_TEAMS: "nothing" is not claimValue=target',
      'VIGIL_OIDC_DEFAULT_ROLE: must be owner, admin, responder or viewer',
    ]);
    expect(loadOidcConfig({ VIGIL_OIDC_ONLY: '1' }).errors).toEqual(['VIGIL_OIDC_ONLY: needs VIGIL_OIDC_ISSUER']);
    expect(loadOidcConfig({ ...base, VIGIL_OIDC_ISSUER: 'http://127.0.0.1:9000' }).errors).toEqual([]);
  });
});
