import { Type, type Static } from 'typebox';
import { Id } from './common.js';

// One shape for every condition, so a missing value or pattern is named at its own path
// (a union would only say "matches none of the shapes").
const Condition = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 200, description: 'Dotted path in the event as its sender sent it, e.g. payload.custom_details.region, labels.team' }),
    op: Type.Enum(['equals', 'contains', 'matches', 'exists'], { description: 'equals (exactly), contains (any case), matches (a regular expression), exists' }),
    value: Type.Optional(Type.String({ maxLength: 1000, description: 'For equals and contains' })),
    pattern: Type.Optional(Type.String({ maxLength: 1000, description: 'For matches: a JavaScript regular expression (u flag), without exponential backtracking' })),
  },
  { additionalProperties: false },
);

const Actions = Type.Object(
  {
    urgency: Type.Optional(Type.Enum(['high', 'low'], { description: "Beats the monitor's urgency (fixed or dynamic) and the event's severity" })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Template: {{field.path}} is replaced by that event field' })),
    dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Template, as title: alerts with the same key fold into one incident' })),
    policyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Page through this escalation policy instead of the monitor's" })),
    suppress: Type.Optional(Type.Boolean({ description: 'Open the incident without paging anyone' })),
    drop: Type.Optional(Type.Boolean({ description: 'Discard the event: no incident' })),
  },
  { additionalProperties: false },
);

export const RuleInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Shown in dry-runs and on the timelines of incidents it touched' }),
    when: Type.Array(Condition, { maxItems: 20, description: 'Every condition must hold; none: every event' }),
    then: Actions,
    continue: Type.Optional(Type.Boolean({ description: 'Look on after a match: later matches set only what is still unset' })),
  },
  { additionalProperties: false },
);
export type RuleInputValue = Static<typeof RuleInput>;

export const RuleList = Type.Array(RuleInput, { maxItems: 200 });

export const RulesBody = Type.Object({ rules: RuleList }, { additionalProperties: false });

export const RulesView = Type.Object({
  rules: Type.Array(RuleInput),
  /** Where the list applies: a monitor's id, or null for the global list. */
  monitorId: Type.Union([Id, Type.Null()]),
});

export const DryRunBody = Type.Object(
  {
    event: Type.Unknown({
      description:
        "The event as its sender sends it: the webhook's body, a PagerDuty event, or one alert of an Alertmanager or Grafana notification with the notification's other fields under `notification`",
    }),
    rules: Type.Optional(Type.Array(RuleInput, { maxItems: 200, description: "Unsaved rules to try instead of the monitor's saved ones" })),
    globalRules: Type.Optional(Type.Array(RuleInput, { maxItems: 200, description: 'Unsaved global rules to try instead of the saved ones' })),
  },
  { additionalProperties: false },
);

export const DryRunView = Type.Object({
  matched: Type.Array(Type.String(), { description: 'Names of the rules that matched, in the order they ran (global first)' }),
  actions: Type.Object({
    urgency: Type.Optional(Type.Enum(['high', 'low'])),
    title: Type.Optional(Type.String()),
    dedupKey: Type.Optional(Type.String()),
    policyId: Type.Optional(Type.String()),
    suppress: Type.Optional(Type.Boolean()),
    drop: Type.Optional(Type.Boolean()),
  }),
  result: Type.Object({
    title: Type.String(),
    dedupKey: Type.Union([Type.String(), Type.Null()], { description: 'null: the event names none, so each trigger gets a new one' }),
    urgency: Type.Enum(['high', 'low']),
    policy: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()], { description: 'The policy it would page through; null only for a monitor without one' }),
    suppressed: Type.Boolean(),
    suppressedBy: Type.Union([Type.String(), Type.Null()], { description: 'The rule that suppressed it' }),
    dropped: Type.Boolean(),
  }),
});
