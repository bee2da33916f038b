import { Type } from 'typebox';
import type { PagingPlan } from '../../core/escalation/paging-plan.js';
import { Id, Instant, toIso } from './common.js';
import { PolicyInputSchema, TargetSchema } from './incident.js';
import { Channel, PagingProblemView, PlanWarningView } from './paging-problem.js';

const strict = { additionalProperties: false } as const;

const NotificationPlanView = Type.Object({
  ruleId: Id,
  contactMethodId: Id,
  kind: Channel,
  label: Type.String(),
  delaySeconds: Type.Integer(),
  at: Instant,
  status: Type.Enum(['pages', 'unverified', 'channel_not_configured'], { description: 'pages: it would go out; otherwise why the engine passes over the rule' }),
});

const RecipientPlanView = Type.Union([
  Type.Object({
    kind: Type.Literal('user'),
    userId: Id,
    name: Type.Union([Type.String(), Type.Null()]),
    notifications: Type.Array(NotificationPlanView),
    reachable: Type.Boolean(),
  }),
  Type.Object({ kind: Type.Enum(['webhook', 'slack', 'teams']), url: Type.String(), at: Instant, reachable: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('slack_channel'), channelId: Type.String(), at: Instant, reachable: Type.Boolean({ description: 'false: the Slack app is not configured (VIGIL_SLACK_BOT_TOKEN)' }) }),
  Type.Object({ kind: Type.Literal('mattermost_channel'), channelId: Type.String(), at: Instant, reachable: Type.Boolean({ description: 'false: Mattermost is not configured (VIGIL_MATTERMOST_URL, VIGIL_MATTERMOST_BOT_TOKEN)' }) }),
]);

export const PagingPlanView = Type.Object({
  policy: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()], { description: 'null for a draft' }),
  at: Instant,
  steps: Type.Array(
    Type.Object({
      index: Type.Integer(),
      waitSeconds: Type.Integer(),
      at: Instant,
      targets: Type.Array(Type.Object({ target: TargetSchema, userIds: Type.Array(Id) })),
      recipients: Type.Array(RecipientPlanView),
      skipped: Type.Boolean({ description: 'Resolves to nobody: the engine skips it and fires the next step at once' }),
      reachable: Type.Boolean({ description: 'Someone would actually be paged' }),
      nextAfterSeconds: Type.Integer({ description: 'When the next step fires (or the policy repeats or ends), after this one: its wait, or sooner when this step reaches nobody' }),
    }),
    { description: 'The first pass through the policy' },
  ),
  repeats: Type.Array(Type.Object({ pass: Type.Integer(), at: Instant }), { description: 'When each repeat pass starts' }),
  exhaustedAt: Instant,
  warnings: Type.Array(PlanWarningView),
});

export const PlanQuery = Type.Object({ at: Type.Optional(Type.String({ format: 'date-time', description: 'The instant the incident would trigger; now by default' })) }, strict);

export const DraftPlanInput = Type.Object(
  {
    at: PlanQuery.properties.at,
    repeat: PolicyInputSchema.properties.repeat,
    steps: PolicyInputSchema.properties.steps,
  },
  strict,
);

export function toPlanView(plan: PagingPlan, policy: { id: string; name: string } | null) {
  return {
    policy,
    at: toIso(plan.at),
    steps: plan.steps.map((s) => ({
      ...s,
      at: toIso(s.at),
      recipients: s.recipients.map((r) => (r.kind === 'user' ? { ...r, notifications: r.notifications.map((n) => ({ ...n, at: toIso(n.at) })) } : { ...r, at: toIso(r.at) })),
    })),
    repeats: plan.repeats.map((r) => ({ pass: r.pass, at: toIso(r.at) })),
    exhaustedAt: toIso(plan.exhaustedAt),
    warnings: plan.warnings,
  };
}

export const PagingHealthItem = Type.Object({ policyId: Id, policyName: Type.String(), teamId: Id, ...PagingProblemView.properties });
