import { Type, type Static } from 'typebox';
import { suppressionOf, type IncidentEventRow, type IncidentRow } from '../../store/incidents.js';
import type { NotificationRow } from '../../store/notifications.js';
import type { PolicyRow } from '../../store/policies.js';
import { Discriminated, Id, Instant, toIso } from './common.js';
import { AlertDetailsView } from './incident-alert.js';
import { PagingProblemView } from './paging-problem.js';

const strict = { additionalProperties: false } as const;
const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 });

export const TargetSchema = Discriminated('type', [
  Type.Object({ type: Type.Literal('schedule'), scheduleId: Id }, strict),
  Type.Object({ type: Type.Literal('schedule_layer'), scheduleId: Id, layerId: Id }, strict),
  Type.Object({ type: Type.Literal('schedule_all_layers'), scheduleId: Id }, strict),
  Type.Object({ type: Type.Literal('user'), userId: Id }, strict),
  Type.Object({ type: Type.Literal('team'), teamId: Id }, strict),
  Type.Object({ type: Type.Literal('webhook'), url: Url }, strict),
  Type.Object({ type: Type.Literal('slack'), url: Url }, strict),
  Type.Object({ type: Type.Literal('teams'), url: Url }, { ...strict, description: "A Teams workflow webhook's URL (When a Teams webhook request is received): an Adaptive Card per page" }),
  Type.Object(
    { type: Type.Literal('slack_channel'), channelId: Type.String({ pattern: '^[CG][A-Z0-9]{6,20}$', description: "The channel's ID (C0123ABCD: in Slack, the channel's details, at the bottom)" }) },
    { ...strict, description: 'A Slack channel the Slack app posts each page to, with Acknowledge, Resolve, Escalate and Snooze buttons; kept up to date as the incident changes' },
  ),
  Type.Object(
    { type: Type.Literal('mattermost_channel'), channelId: Type.String({ pattern: '^[a-z0-9]{26}$', description: "The channel's ID (26 characters: in Mattermost, the channel's menu, View Info)" }) },
    { ...strict, description: 'A Mattermost channel the Mattermost bot posts each page to, with Acknowledge, Resolve, Escalate and Snooze buttons; kept up to date as the incident changes' },
  ),
]);

export const PolicyInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    teamId: Id,
    repeat: Type.Integer({ minimum: 0, maximum: 20, default: 0, description: 'Times the policy runs again after its last step' }),
    ackTimeoutSeconds: Type.Optional(Type.Union([Type.Integer({ minimum: 60, maximum: 7 * 86400 }), Type.Null()])),
    steps: Type.Array(
      Type.Object(
        {
          waitSeconds: Type.Integer({
            minimum: 0,
            maximum: 7 * 86400,
            description: 'Seconds without acknowledgement before this step fires; for step 1, the pause before a repeat',
          }),
          targets: Type.Array(TargetSchema, { minItems: 1, maxItems: 20 }),
        },
        strict,
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  strict,
);

export const PolicyView = Type.Object({
  id: Id,
  teamId: Id,
  name: Type.String(),
  description: Type.String(),
  repeat: Type.Integer(),
  ackTimeoutSeconds: Type.Union([Type.Integer(), Type.Null()]),
  steps: Type.Array(Type.Object({ waitSeconds: Type.Integer(), targets: Type.Array(TargetSchema) })),
  webhookSigningSecrets: Type.Optional(
    Type.Record(Type.String(), Type.String(), { description: 'Per webhook target URL: the key X-Vigil-Signature is computed with. Only for those who may edit the policy' }),
  ),
  pagingProblem: Type.Union([PagingProblemView, Type.Null()], { description: 'Set while the first step reaches nobody with a working contact method (see /paging-health)' }),
  createdAt: Instant,
  updatedAt: Instant,
});

export const toPolicy = (row: PolicyRow) => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  description: row.description,
  repeat: row.repeat,
  ackTimeoutSeconds: row.ack_timeout_seconds,
  steps: JSON.parse(row.steps) as Static<typeof PolicyView>['steps'],
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

const Status = Type.Enum(['triggered', 'acknowledged', 'resolved']);
export const UrgencySchema = Type.Enum(['high', 'low'], { description: "high or low: each notification rule applies to one of them or both" });

export const IncidentView = Type.Object({
  id: Id,
  monitorId: Id,
  title: Type.String(),
  description: Type.String(),
  dedupKey: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  urgency: UrgencySchema,
  policy: Type.Object({ id: Id, name: Type.String() }),
  step: Type.Integer({ description: 'Index of the step that fired last (0 = step 1); -1 before the first' }),
  pass: Type.Integer({ description: '0 on the first pass through the policy, then 1, 2… on repeats' }),
  nextActionAt: Type.Union([Instant, Type.Null()]),
  alertCount: Type.Integer(),
  triggeredAt: Instant,
  acknowledgedAt: Type.Union([Instant, Type.Null()]),
  acknowledgedBy: Type.Union([Id, Type.Null()]),
  resolvedAt: Type.Union([Instant, Type.Null()]),
  resolvedBy: Type.Union([Id, Type.Null()]),
  suppression: Type.Union(
    [
      Type.Object({ by: Type.Literal('rule'), rule: Type.String({ description: 'The event rule that suppressed it' }) }),
      Type.Object({ by: Type.Literal('parent'), incidentId: Id, monitorId: Id }, { description: 'A monitor this one depends on was down: its incident' }),
      Type.Null(),
    ],
    { description: 'Set while the incident is recorded but pages nobody; cleared when it pages (escalated by hand, or released)' },
  ),
  parentIncidentId: Type.Union([Id, Type.Null()], { description: "The incident of a monitor this one depends on that was down when it opened" }),
});

const isoOrNull = (v: number | null) => (v === null ? null : toIso(v));

export const toIncident = (row: IncidentRow) => {
  const policy = JSON.parse(row.policy) as { id: string; name: string };
  return {
    id: row.id,
    monitorId: row.monitor_id,
    title: row.title,
    description: row.description,
    dedupKey: row.dedup_key,
    status: row.status,
    urgency: row.urgency,
    policy: { id: policy.id, name: policy.name },
    step: row.step,
    pass: row.pass,
    nextActionAt: isoOrNull(row.next_action_at),
    alertCount: row.alert_count,
    triggeredAt: toIso(row.triggered_at),
    acknowledgedAt: isoOrNull(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: isoOrNull(row.resolved_at),
    resolvedBy: row.resolved_by,
    suppression: suppressionOf(row),
    parentIncidentId: row.parent_incident_id,
  };
};

export const EventView = Type.Object({
  id: Id,
  at: Instant,
  kind: Type.String({ description: 'triggered, escalated, step_skipped, exhausted, notified, delivery_failed, acknowledged, ack_timeout, resolved, reassigned, comment, alert_absorbed, no_notification_rules, urgency_changed, snoozed, responders_added, status_update, merged, merged_into, suppressed, released, provider_action (done in a provider app, e.g. Pushover: data.provider, data.action)' }),
  actorId: Type.Union([Id, Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const toEvent = (row: IncidentEventRow) => ({
  id: row.id,
  at: toIso(row.at),
  kind: row.kind,
  actorId: row.actor_id,
  data: JSON.parse(row.data) as Record<string, unknown>,
});

export const NotificationView = Type.Object({
  id: Id,
  userId: Type.Union([Id, Type.Null()]),
  channel: Type.String(),
  status: Type.Enum(['queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled']),
  dueAt: Instant,
  sentAt: Type.Union([Instant, Type.Null()]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

export const toNotification = (row: NotificationRow) => ({
  id: row.id,
  userId: row.user_id,
  channel: row.channel,
  status: row.status,
  dueAt: toIso(row.due_at),
  sentAt: isoOrNull(row.sent_at),
  attempts: row.attempts,
  lastError: row.last_error,
});

export const ChangeView = Type.Object({ id: Id, at: Instant, summary: Type.String(), details: AlertDetailsView });

export const IncidentDetail = Type.Object({
  ...IncidentView.properties,
  timeline: Type.Array(EventView),
  changes: Type.Array(ChangeView, {
    description: "The monitor's change events (PagerDuty change events) from 4 hours before the incident triggered until it was resolved, newest first, at most 20",
  }),
  notifications: Type.Array(NotificationView),
  youMayAct: Type.Boolean({ description: 'Whether the caller may acknowledge, resolve, escalate, reassign and comment, by role, team and VIGIL_INCIDENT_ACTIONS' }),
});

export const AlertInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  strict,
);
