import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { mapClaims, type ClaimMapping } from '../core/identity/claim-mapping.js';
import { findIdentityUser, linkIdentity, teamIdsOfUser, teamsByName, touchIdentity } from '../store/identities.js';
import type { DB, UserRow } from '../store/schema.js';
import { createTeam, putMember, removeMember } from '../store/teams.js';
import { countOwners, createUser, findUserByEmail, getUser, updateUser } from '../store/users.js';

/** Why a provider's account cannot become a Vigil user; shown on the login page. */
export class AccountRefused extends Error {
  constructor(readonly reason: 'email_missing' | 'email_not_verified') {
    super(`Single sign-on account refused: ${reason}`);
  }
}

/**
 * The Vigil user for an OpenID Connect login, created on first login ("just in time").
 * Every login sets the role and the memberships of the mapped teams from the claims: the
 * identity provider is the source of truth for them; other teams are left alone.
 */
export async function userForOidcLogin(
  db: Kysely<DB>,
  logger: Logger,
  input: { issuer: string; claims: Record<string, unknown>; mapping: ClaimMapping; now: number },
): Promise<UserRow> {
  const { issuer, claims, mapping, now } = input;
  const subject = String(claims.sub);
  const access = mapClaims(mapping, claims);
  let user = await linkedUser(db, issuer, subject, claims, access.role, now);

  if (user.role !== access.role) {
    // The identity provider must not leave Vigil without an owner.
    if (user.role === 'owner' && (await countOwners(db)) <= 1) {
      logger.warn({ userId: user.id }, 'single sign-on would demote the last owner; role kept');
    } else {
      user = await updateUser(db, user.id, { role: access.role }, now);
    }
  }

  const existing = await teamsByName(db, access.managedTeams);
  const byName = new Map(existing.map((t) => [t.name, t]));
  for (const name of access.teams) {
    if (!byName.has(name)) byName.set(name, await createTeam(db, { name, description: 'Created by single sign-on' }, now));
  }
  const memberOf = await teamIdsOfUser(db, user.id);
  const wanted = new Set(access.teams);
  for (const [name, team] of byName) {
    if (wanted.has(name) && !memberOf.has(team.id)) await putMember(db, team.id, user.id, 'member', now);
    if (!wanted.has(name) && memberOf.has(team.id)) await removeMember(db, team.id, user.id);
  }
  await touchIdentity(db, issuer, subject, now);
  return user;
}

async function linkedUser(db: Kysely<DB>, issuer: string, subject: string, claims: Record<string, unknown>, role: UserRow['role'], now: number): Promise<UserRow> {
  const linked = await findIdentityUser(db, issuer, subject);
  if (linked !== undefined) return getUser(db, linked);
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  if (!email) throw new AccountRefused('email_missing');
  const sameEmail = await findUserByEmail(db, email);
  let user: UserRow;
  if (sameEmail) {
    // Linking by email hands the provider that account: only when it vouches for the address.
    if (claims.email_verified !== true) throw new AccountRefused('email_not_verified');
    user = sameEmail;
  } else {
    const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : email;
    // No password: this user logs in through the provider only.
    user = await createUser(db, { email, name, role, timeZone: 'UTC', passwordHash: null }, now);
  }
  await linkIdentity(db, issuer, subject, user.id, now);
  return user;
}
