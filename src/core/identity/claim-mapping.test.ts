import { describe, expect, it } from 'vitest';
import { mapClaims, parsePairs, parseRoleMap, type ClaimMapping } from './claim-mapping.js';

const ok = <T>(parsed: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const mapping: ClaimMapping = {
  roleClaim: 'groups',
  roles: ok(parseRoleMap('vigil-admins=admin, oncall=responder,boss=owner')),
  defaultRole: 'viewer',
  teamsClaim: 'groups',
  teams: ok(parsePairs('sre=Platform,dba=Database,sre=Database')),
};

describe('claim mapping', () => {
  it('gives the highest mapped role, or the default', () => {
    expect(mapClaims(mapping, { groups: ['oncall', 'vigil-admins'] }).role).toBe('admin');
    expect(mapClaims(mapping, { groups: 'oncall' }).role).toBe('responder');
    expect(mapClaims(mapping, { groups: ['other'] }).role).toBe('viewer');
    expect(mapClaims(mapping, {}).role).toBe('viewer');
    expect(mapClaims(mapping, { groups: [42, null, 'boss'] }).role).toBe('owner');
  });

  it('maps claim values to teams and lists every managed team', () => {
    expect(mapClaims(mapping, { groups: ['sre'] })).toMatchObject({ teams: ['Database', 'Platform'], managedTeams: ['Database', 'Platform'] });
    expect(mapClaims(mapping, { groups: ['dba', 'x'] }).teams).toEqual(['Database']);
    expect(mapClaims(mapping, { groups: [] }).teams).toEqual([]);
  });

  it('parses claim values that contain "=" and refuses malformed lists', () => {
    expect(ok(parsePairs('cn=ops=Platform'))).toEqual(new Map([['cn=ops', ['Platform']]]));
    expect(parsePairs('novalue').ok).toBe(false);
    expect(parsePairs('a=').ok).toBe(false);
    expect(parseRoleMap('a=superuser')).toEqual({ ok: false, error: '"superuser" is not a role (owner, admin, responder, viewer)' });
    expect(ok(parsePairs(' , '))).toEqual(new Map());
  });
});
