import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import {
  createTeam,
  deleteTeam,
  getTeam,
  listMembers,
  listTeams,
  putMember,
  removeMember,
  updateTeam,
} from '../../store/teams.js';
import { getUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { requireRole } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamManager } from '../permissions.js';
import { IdParams, Page, PageQuery } from '../schemas/common.js';
import { CreateTeam, MemberParams, PatchTeam, PutMember, Team, TeamDetail, TeamMember, toTeam } from '../schemas/team.js';

export function teamRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  const tags = ['teams'];

  async function teamDetail(id: string) {
    const team = await getTeam(db, id);
    return { ...toTeam(team), members: await listMembers(db, id) };
  }

  api.get('/teams', { schema: { tags, summary: 'List teams', querystring: PageQuery, response: { 200: Page(Team) } } }, async (req) => {
    const page = await listTeams(db, req.query);
    return { items: page.items.map(toTeam), nextCursor: page.nextCursor };
  });

  api.post('/teams', { schema: { tags, summary: 'Create a team (admin)', body: CreateTeam, response: { 201: Team } } }, async (req, reply) => {
    requireRole(req, 'admin');
    const team = await createTeam(db, { name: req.body.name, description: req.body.description ?? '' }, clock.now());
    return reply.code(201).send(toTeam(team));
  });

  api.get('/teams/:id', { schema: { tags, summary: 'A team with its members', params: IdParams, response: { 200: TeamDetail } } }, (req) =>
    teamDetail(req.params.id),
  );

  api.patch(
    '/teams/:id',
    { schema: { tags, summary: 'Rename or describe a team', params: IdParams, body: PatchTeam, response: { 200: Team } } },
    async (req) => {
      await getTeam(db, req.params.id);
      await requireTeamManager(db, req, req.params.id);
      return toTeam(await updateTeam(db, req.params.id, req.body, clock.now()));
    },
  );

  api.delete(
    '/teams/:id',
    { schema: { tags, summary: 'Delete a team (admin)', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      requireRole(req, 'admin');
      await deleteTeam(db, req.params.id);
      return reply.code(204).send(null);
    },
  );

  api.put(
    '/teams/:id/members/:userId',
    { schema: { tags, summary: 'Add a member or change their team role', params: MemberParams, body: PutMember, response: { 200: TeamMember } } },
    async (req) => {
      const { id, userId } = req.params;
      await getTeam(db, id);
      await requireTeamManager(db, req, id);
      const user = await getUser(db, userId).catch(() => {
        throw new AppError('validation_failed', `No user ${userId}`, [{ path: '/params/userId', message: 'is not an existing user' }]);
      });
      await putMember(db, id, userId, req.body.role, clock.now());
      return { userId, name: user.name, email: user.email, role: req.body.role };
    },
  );

  api.delete(
    '/teams/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member', params: MemberParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await getTeam(db, req.params.id);
      await requireTeamManager(db, req, req.params.id);
      await removeMember(db, req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );
}
