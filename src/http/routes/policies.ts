import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { AppError } from '../../core/errors.js';
import { assertSettled, badReplacement } from '../../core/in-use.js';
import type { FastifyRequest } from 'fastify';
import { configuredChannels } from '../../app/configured-channels.js';
import { checkPagingHealth } from '../../service/paging-health.js';
import { checkPolicyTargets } from '../../service/policy-targets.js';
import { crossTeamTargets } from '../../service/team-references.js';
import type { PolicyStep } from '../../core/escalation/types.js';
import { pagingProblemsOf, type PagingProblem } from '../../store/paging-problems.js';
import type { DB } from '../../store/schema.js';
import { refuseTakenName, sameName } from '../../store/team-scoped-names.js';
import { webhookSigningKey } from '../../security/webhook-signing-key.js';
import { deletePolicy, getPolicy, insertPolicy, listPolicies, updatePolicy, type PolicyInput, type PolicyRow } from '../../store/policies.js';
import { repointRuleRoutes } from '../../store/event-rules.js';
import { repointMonitors } from '../../store/monitors.js';
import { policyReferences } from '../../store/references.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { hostOfUrl, refuseDeniedDestinations } from '../destination-fields.js';
import { actorOf } from '../auth.js';
import { editableTeams, requireTeamMember } from '../permissions.js';
import { hasRole } from '../roles.js';
import { IdParams, Page, PageQuery } from '../schemas/common.js';
import { deleteOptions, InUseProblem, ReplaceWith } from '../schemas/in-use.js';
import { PolicyInputSchema, PolicyView, toPolicy } from '../schemas/incident.js';
import { toProblemView } from '../schemas/paging-problem.js';
import { transact } from '../../store/transact.js';

export function policyRoutes(api: Api, { database: { db, dialect }, clock, config }: HttpDeps): void {
  const tags = ['escalation policies'];
  // Webhook targets come with the key their payloads are signed with, for the receiver;
  // only those who may edit the policy see it (it lets one forge deliveries).
  const present = (row: PolicyRow, problem: PagingProblem | undefined, canEdit: (teamId: string) => boolean) => {
    const policy = toPolicy(row);
    const urls = policy.steps.flatMap((s) => s.targets.flatMap((t) => (t.type === 'webhook' ? [t.url] : [])));
    return {
      ...policy,
      ...(canEdit(row.team_id) && { webhookSigningSecrets: Object.fromEntries(urls.map((url) => [url, webhookSigningKey(config.secret, url)])) }),
      pagingProblem: problem ? toProblemView(problem) : null,
    };
  };
  const presentOne = async (req: FastifyRequest, row: PolicyRow) =>
    present(row, (await pagingProblemsOf(db, [row.id])).get(row.id), await editableTeams(db, req));
  // Saving shows the policy's paging health at once, not after the next minute's check;
  // the save stands even if this check fails (the loop will catch up).
  const recheck = (req: FastifyRequest, id: string) =>
    checkPagingHealth({ db, configured: configuredChannels(config), baseUrl: config.baseUrl }, clock.now(), [id]).catch((err: unknown) => {
      req.log.warn({ err }, 'paging-health check after saving a policy failed');
    });

  async function checked(trx: Kysely<DB>, body: Static<typeof PolicyInputSchema>): Promise<PolicyInput> {
    await getTeam(trx, body.teamId).catch(() => {
      throw new AppError('validation_failed', 'Unknown team', [{ path: '/body/teamId', message: 'is not an existing team' }]);
    });
    refuseDeniedDestinations(
      config.destinationPolicy,
      body.steps.flatMap((step, i) => step.targets.flatMap((t, j) => ('url' in t ? [[`/body/steps/${i}/targets/${j}/url`, hostOfUrl(t.url)] as [string, string | null]] : []))),
    );
    await checkPolicyTargets(trx, dialect, body.steps, clock.now());
    return {
      teamId: body.teamId,
      name: body.name,
      description: body.description ?? '',
      repeat: body.repeat,
      ackTimeoutSeconds: body.ackTimeoutSeconds ?? null,
      steps: body.steps,
    };
  }

  async function refuseCrossTeam(trx: Kysely<DB>, req: FastifyRequest, input: PolicyInput, kept: PolicyStep[] = []): Promise<void> {
    if (hasRole(actorOf(req).user.role, 'admin')) return;
    const errors = await crossTeamTargets(trx, input.teamId, input.steps, kept);
    if (errors.length > 0) throw new AppError('forbidden', "A team's policy may page only its own schedules, the team and its members; ask an admin for the rest", errors);
  }

  api.get('/escalation-policies', { schema: { tags, summary: 'List escalation policies', querystring: PageQuery, response: { 200: Page(PolicyView) } } }, async (req) => {
    const page = await listPolicies(db, req.query);
    const problems = await pagingProblemsOf(db, page.items.map((row) => row.id));
    const canEdit = await editableTeams(db, req);
    return { items: page.items.map((row) => present(row, problems.get(row.id), canEdit)), nextCursor: page.nextCursor };
  });

  api.post(
    '/escalation-policies',
    { schema: { tags, summary: 'Create an escalation policy', body: PolicyInputSchema, response: { 201: PolicyView } } },
    async (req, reply) => {
      // Checked and saved in one transaction, so a deletion cannot slip in between.
      const row = await transact(db, async (trx) => {
        const input = await checked(trx, req.body);
        await requireTeamMember(trx, req, input.teamId);
        await refuseCrossTeam(trx, req, input);
        await refuseTakenName(trx, dialect, 'policy', input.teamId, input.name);
        return insertPolicy(trx, input, clock.now());
      });
      await recheck(req, row.id);
      return reply.code(201).send(await presentOne(req, row));
    },
  );

  api.get('/escalation-policies/:id', { schema: { tags, summary: 'An escalation policy', params: IdParams, response: { 200: PolicyView } } }, async (req) =>
    presentOne(req, await getPolicy(db, req.params.id)),
  );

  api.put(
    '/escalation-policies/:id',
    {
      schema: {
        tags,
        summary: 'Replace a policy; open incidents keep the snapshot they triggered with',
        params: IdParams,
        body: PolicyInputSchema,
        response: { 200: PolicyView },
      },
    },
    async (req) => {
      const current = await getPolicy(db, req.params.id);
      await requireTeamMember(db, req, current.team_id);
      await transact(db, async (trx) => {
        const input = await checked(trx, req.body);
        await requireTeamMember(trx, req, input.teamId);
        await refuseCrossTeam(trx, req, input, input.teamId === current.team_id ? (JSON.parse(current.steps) as PolicyStep[]) : []);
        // A name kept as it was (in the same team) is not re-checked: duplicates from before the rule stay editable.
        if (input.teamId !== current.team_id || !sameName(input.name, current.name)) await refuseTakenName(trx, dialect, 'policy', input.teamId, input.name, current.id);
        await updatePolicy(trx, req.params.id, input, clock.now());
      });
      await recheck(req, req.params.id);
      return presentOne(req, await getPolicy(db, req.params.id));
    },
  );

  api.delete(
    '/escalation-policies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a policy (409 policy_in_use while monitors use it or event rules route to it)',
        params: IdParams,
        querystring: Type.Object({ replaceWith: ReplaceWith('Point the monitors that use it, and the event rules that route to it, at this policy instead') }, { additionalProperties: false }),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      const current = await getPolicy(db, req.params.id);
      await requireTeamMember(db, req, current.team_id);
      const options = deleteOptions(req.query);
      const replacement = options.replaceWith;
      await transact(db, async (trx) => {
        if (replacement === current.id) throw badReplacement('is the policy being deleted');
        const successor =
          replacement === undefined
            ? undefined
            : await getPolicy(trx, replacement).catch(() => {
                throw badReplacement('is not an existing escalation policy');
              });
        assertSettled('policy_in_use', `Escalation policy "${current.name}"`, await policyReferences(trx, current.id), options);
        if (successor !== undefined) {
          await repointMonitors(trx, current.id, successor.id, clock.now());
          await repointRuleRoutes(trx, current.id, successor, clock.now());
        }
        await deletePolicy(trx, current.id);
      });
      return reply.code(204).send(null);
    },
  );
}
