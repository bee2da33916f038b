import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { audited } from './audit.js';
import { isForeignKeyViolation, isUniqueViolation } from './database.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { DB, TeamRole, TeamRow } from './schema.js';
import { foldManualPages } from './manual-pages.js';

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
}

export async function createTeam(db: Kysely<DB>, team: { name: string; description: string }, now: number): Promise<TeamRow> {
  const row: TeamRow = { id: newId(), name: team.name, description: team.description, created_at: now, updated_at: now };
  try {
    await audited(db, { entity: 'team', id: row.id, action: 'create' }, (trx) => trx.insertInto('teams').values(row).execute());
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  return row;
}

export async function getTeam(db: Kysely<DB>, id: string): Promise<TeamRow> {
  const team = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!team) throw new AppError('not_found', `No team ${id}`);
  return team;
}

export function listTeams(db: Kysely<DB>, page: PageRequest): Promise<Page<TeamRow>> {
  return keysetPage(page, (after, limit) =>
    db.selectFrom('teams').selectAll().$if(after !== undefined, (q) => q.where('id', '>', after as string)).orderBy('id').limit(limit).execute(),
  );
}

export async function updateTeam(
  db: Kysely<DB>,
  id: string,
  patch: { name?: string | undefined; description?: string | undefined },
  now: number,
): Promise<TeamRow> {
  try {
    await audited(db, { entity: 'team', id, action: 'update' }, async (trx) => {
      const result = await trx
        .updateTable('teams')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          updated_at: now,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new AppError('not_found', `No team ${id}`);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  return getTeam(db, id);
}

export function deleteTeam(db: Kysely<DB>, id: string): Promise<void> {
  return audited(db, { entity: 'team', id, action: 'delete' }, async (trx) => {
    const result = await trx
      .deleteFrom('teams')
      .where('id', '=', id)
      .executeTakeFirst()
      .catch((err: unknown) => {
        if (isForeignKeyViolation(err)) throw new AppError('team_in_use');
        throw err;
      });
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `No team ${id}`);
  });
}

/** Hands a team's schedules, policies, monitors and status pages to another team. */
export async function moveOwnership(db: Kysely<DB>, from: string, to: string, now: number): Promise<void> {
  await foldManualPages(db, from, to);
  const owned = [
    ['schedules', 'schedule'],
    ['escalation_policies', 'policy'],
    ['monitors', 'monitor'],
    ['status_pages', 'status_page'],
  ] as const;
  for (const [table, entity] of owned) {
    // One by one, so each moved entity has its own audit row.
    for (const { id } of await db.selectFrom(table).select('id').where('team_id', '=', from).execute()) {
      await audited(db, { entity, id, action: 'update' }, (trx) => trx.updateTable(table).set({ team_id: to, updated_at: now }).where('id', '=', id).execute());
    }
  }
}

export function listMembers(db: Kysely<DB>, teamId: string): Promise<TeamMember[]> {
  return db
    .selectFrom('team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id as userId', 'u.name', 'u.email', 'm.role'])
    .where('m.team_id', '=', teamId)
    .orderBy('u.name')
    .execute();
}

export async function findMembership(db: Kysely<DB>, teamId: string, userId: string): Promise<TeamRole | undefined> {
  const row = await db
    .selectFrom('team_members')
    .select('role')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

/** Adds the user to the team or changes their role there. */
export async function putMember(db: Kysely<DB>, teamId: string, userId: string, role: TeamRole, now: number): Promise<void> {
  const action = (await findMembership(db, teamId, userId)) === undefined ? 'add_member' : 'change_member';
  await audited(db, { entity: 'team', id: teamId, action }, (trx) =>
    trx
      .insertInto('team_members')
      .values({ team_id: teamId, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role }))
      .execute(),
  );
}

export function removeMember(db: Kysely<DB>, teamId: string, userId: string): Promise<void> {
  return audited(db, { entity: 'team', id: teamId, action: 'remove_member' }, async (trx) => {
    const result = await trx
      .deleteFrom('team_members')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `User ${userId} is not a member of team ${teamId}`);
  });
}

const nameTaken = (): AppError =>
  new AppError('team_name_taken', undefined, [{ path: '/body/name', message: 'is already used by another team' }]);

/** The ids of the teams the user belongs to, in any team role. */
export async function teamIdsOf(db: Kysely<DB>, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.team_id));
}
