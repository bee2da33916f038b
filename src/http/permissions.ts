import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { DB } from '../store/schema.js';
import { findMembership } from '../store/teams.js';
import { actorOf } from './auth.js';
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
