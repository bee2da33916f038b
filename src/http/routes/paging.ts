import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { DAY } from '../../core/time/units.js';
import { configuredChannels } from '../../app/configured-channels.js';
import { planPaging } from '../../service/paging-plan.js';
import { getMonitor, policyIdOf } from '../../store/monitors.js';
import { listPagingProblems } from '../../store/paging-problems.js';
import { getPolicy, snapshotOf } from '../../store/policies.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { IdParams } from '../schemas/common.js';
import { DraftPlanInput, PagingHealthItem, PagingPlanView, PlanQuery, toPlanView } from '../schemas/paging-plan.js';
import { toProblemView } from '../schemas/paging-problem.js';

const MAX_PLAN_OFFSET_DAYS = 2 * 366;

/** "Who would be paged, how and when, if this fired at T", and which policies reach nobody now. */
export function pagingRoutes(api: Api, { database: { db }, clock, config }: HttpDeps): void {
  const configured = configuredChannels(config);
  // A plan is a forecast from near now: far instants plus a policy's waits and repeats can
  // leave the range of dates at all, and a schedule's answer that far out means nothing.
  const instant = (at: string | undefined, path: string) => {
    const now = clock.now();
    if (at === undefined) return now;
    const t = Date.parse(at);
    if (Math.abs(t - now) > MAX_PLAN_OFFSET_DAYS * DAY) {
      throw new AppError('validation_failed', 'The instant is too far from now', [{ path, message: `must be within ${MAX_PLAN_OFFSET_DAYS} days of now` }]);
    }
    return t;
  };
  const description =
    'Schedules are resolved at each step’s own instant; people, contact methods and notification rules are taken as they are now.';

  api.get(
    '/monitors/:id/paging-plan',
    { schema: { tags: ['monitors'], summary: 'Who would be paged, how and when, if this monitor fired at `at`', description, params: IdParams, querystring: PlanQuery, response: { 200: PagingPlanView } } },
    async (req) => {
      const monitor = await getMonitor(db, req.params.id);
      const policy = snapshotOf(await getPolicy(db, policyIdOf(monitor)));
      return toPlanView(await planPaging(db, policy, instant(req.query.at, '/querystring/at'), configured), { id: policy.id, name: policy.name });
    },
  );

  api.get(
    '/escalation-policies/:id/paging-plan',
    { schema: { tags: ['escalation policies'], summary: 'Who this policy would page, how and when, from `at`', description, params: IdParams, querystring: PlanQuery, response: { 200: PagingPlanView } } },
    async (req) => {
      const policy = snapshotOf(await getPolicy(db, req.params.id));
      return toPlanView(await planPaging(db, policy, instant(req.query.at, '/querystring/at'), configured), { id: policy.id, name: policy.name });
    },
  );

  api.post(
    '/escalation-policies/paging-plan',
    {
      schema: {
        tags: ['escalation policies'],
        summary: 'The paging plan of unsaved steps (the editor shows it before saving); targets that do not exist are warnings here, not errors',
        description,
        body: DraftPlanInput,
        response: { 200: PagingPlanView },
      },
    },
    async (req) => toPlanView(await planPaging(db, { steps: req.body.steps, repeat: req.body.repeat }, instant(req.body.at, '/body/at'), configured), null),
  );

  api.get(
    '/paging-health',
    {
      schema: {
        tags: ['escalation policies'],
        summary: 'Policies whose first step reaches nobody with a working contact method now (checked every minute)',
        response: { 200: Type.Object({ items: Type.Array(PagingHealthItem) }) },
      },
    },
    async () => ({
      items: (await listPagingProblems(db)).map((p) => ({ policyId: p.policyId, policyName: p.policyName, teamId: p.teamId, ...toProblemView(p) })),
    }),
  );
}
