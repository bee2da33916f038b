import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { DB, UserRow } from '../store/schema.js';
import type { IncidentActionsSetting } from '../core/incident-access.js';
import { mayActForTeam } from '../service/incident-access.js';
import { findMembership, teamIdsOf } from '../store/teams.js';
import { actorOf, type Actor } from './auth.js';
import { hasRole } from './roles.js';

/** Team-scoped write access: admins anywhere, responders on teams they belong to. */
export async function requireTeamMember(db: Kysely<DB>, req: FastifyRequest, teamId: string): Promise<void> {
  const actor = actorOf(req);
  if (hasRole(actor.user.role, 'admin')) return;
  if (hasRole(actor.user.role, 'responder') && (await findMembership(db, teamId, actor.user.id))) return;
  throw new AppError('forbidden', "Only an admin or a member of the owning team can change this");
}

/** Changing the team itself (name, members) takes an admin or one of its managers. */
export async function requireTeamManager(db: Kysely<DB>, req: FastifyRequest, teamId: string): Promise<void> {
  const actor = actorOf(req);
  if (hasRole(actor.user.role, 'admin')) return;
  if (hasRole(actor.user.role, 'responder') && (await findMembership(db, teamId, actor.user.id)) === 'manager') return;
  throw new AppError('forbidden', 'Only an admin or a manager of this team can change it');
}

/** An owner's account (profile, password, contact methods) is changed only by owners, or the owner themself. */
export function assertMayManage(actor: Actor, target: Pick<UserRow, 'id' | 'role'>): void {
  if (target.role === 'owner' && actor.user.role !== 'owner' && actor.user.id !== target.id) {
    throw new AppError('forbidden', "Only an owner can change an owner's account");
  }
}

/** Incident actions and raising alerts: see mayActOnIncidents for who. */
export async function requireIncidentRights(db: Kysely<DB>, req: FastifyRequest, teamId: string, setting: IncidentActionsSetting): Promise<void> {
  if (await mayActForTeam(db, actorOf(req).user, teamId, setting)) return;
  throw new AppError('forbidden', "Only an admin or a member of the monitor's team can act on its incidents");
}

/** Which teams' configuration the actor may edit (admins: all), to decide what secrets they see. */
export async function editableTeams(db: Kysely<DB>, req: FastifyRequest): Promise<(teamId: string) => boolean> {
  const { user } = actorOf(req);
  if (hasRole(user.role, 'admin')) return () => true;
  if (!hasRole(user.role, 'responder')) return () => false;
  const teams = await teamIdsOf(db, user.id);
  return (teamId) => teams.has(teamId);
}
