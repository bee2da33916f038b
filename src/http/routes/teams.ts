import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import type { Target } from '../../core/escalation/types.js';
import { assertSettled, badReplacement } from '../../core/in-use.js';
import { retargetPolicies } from '../../store/policy-retarget.js';
import { lastMemberReferences, lockForDeletion, ownedReferences, teamTargetReferences } from '../../store/references.js';
import {
  createTeam,
  deleteTeam,
  getTeam,
  listMembers,
  listTeams,
  moveOwnership,
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
import { deleteOptions, Force, InUseProblem, ReplaceWith } from '../schemas/in-use.js';
import { CreateTeam, MemberParams, PatchTeam, PutMember, Team, TeamDetail, TeamMember, toTeam } from '../schemas/team.js';
import { transact } from '../../store/transact.js';

export function teamRoutes(api: Api, { database: { db, dialect }, clock }: HttpDeps): void {
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
    {
      schema: {
        tags,
        summary: 'Delete a team (admin; 409 team_in_use while it owns schedules, policies, monitors or status pages, or policies page it)',
        params: IdParams,
        querystring: Type.Object(
          {
            force: Force('Delete it anyway and remove it from the policy steps that page it (what it owns must be moved first)'),
            replaceWith: ReplaceWith('Move what it owns to this team and point the policy steps that page it at this team'),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      requireRole(req, 'admin');
      const team = await getTeam(db, req.params.id);
      const options = deleteOptions(req.query);
      const replacement = options.replaceWith;
      const now = clock.now();
      await transact(db, async (trx) => {
        await lockForDeletion(trx, dialect, 'teams', team.id);
        if (replacement !== undefined) {
          if (replacement === team.id) throw badReplacement('is the team being deleted');
          await getTeam(trx, replacement).catch(() => {
            throw badReplacement('is not an existing team');
          });
        }
        const references = [...(await ownedReferences(trx, team.id)), ...(await teamTargetReferences(trx, team.id, ['force', 'replaceWith']))];
        assertSettled('team_in_use', `Team "${team.name}"`, references, options);
        if (replacement !== undefined) await moveOwnership(trx, team.id, replacement, now);
        const repoint = (t: Target) => (t.type === 'team' && t.teamId === team.id ? (replacement === undefined ? null : { type: 'team' as const, teamId: replacement }) : undefined);
        await retargetPolicies(trx, team.id, repoint, now);
        await deleteTeam(trx, team.id);
      });
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
    {
      schema: {
        tags,
        summary: 'Remove a member (409 in_use for the last member of a team policies page)',
        params: MemberParams,
        querystring: Type.Object({ force: Force('Remove them anyway: the team then reaches nobody') }, { additionalProperties: false }),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      const team = await getTeam(db, req.params.id);
      await requireTeamManager(db, req, team.id);
      await transact(db, async (trx) => {
        const references = await lastMemberReferences(trx, req.params.userId, team.id);
        assertSettled('in_use', `The last member of team "${team.name}"`, references, deleteOptions(req.query));
        await removeMember(trx, team.id, req.params.userId);
      });
      return reply.code(204).send(null);
    },
  );
}
