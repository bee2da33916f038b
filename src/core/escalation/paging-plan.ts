import { pagedByLayer, pagedBySchedule } from '../schedule/paged.js';
import { ruleApplies, type Urgency } from './urgency.js';
import type { Resolution } from '../schedule/types.js';
import type { Instant, PolicyStep, Recipient, Target } from './types.js';

const SECOND = 1000;

export type ChannelKind = 'email' | 'sms' | 'voice' | 'webhook' | 'slack' | 'ntfy' | 'telegram' | 'pushover' | 'teams' | 'slack_channel' | 'slack_dm' | 'mattermost_channel' | 'mattermost_dm';

export interface ContactMethodInfo {
  id: string;
  kind: ChannelKind;
  label: string;
  verified: boolean;
}

export interface RuleInfo {
  id: string;
  contactMethodId: string;
  delaySeconds: number;
  /** null or absent: both urgencies. */
  urgency?: Urgency | null;
}

export interface Person {
  id: string;
  name: string;
  methods: ContactMethodInfo[];
  rules: RuleInfo[];
}

/** What the planner may look up. The caller loads it beforehand, so planning stays pure. */
export interface PlanWorld {
  /** The schedule resolved at an instant; null when the schedule no longer exists. */
  schedule(scheduleId: string, at: Instant): Resolution | null;
  /** A team's members; null when the team no longer exists. */
  team(teamId: string): string[] | null;
  /** undefined when the user no longer exists. */
  person(userId: string): Person | undefined;
  /** Channels this installation can send on (email needs SMTP; SMS and voice need Twilio). */
  configured: ReadonlySet<ChannelKind>;
}

/** Stable codes: clients match on them, messages are for people. */
export type PlanWarningCode =
  | 'nobody_on_call'
  | 'team_empty'
  | 'target_missing'
  | 'step_skipped'
  | 'step_unreached'
  | 'no_verified_contact_method'
  | 'no_notification_rule'
  | 'channel_not_configured';

export interface PlanWarning {
  code: PlanWarningCode;
  step: number;
  /** Index of the target within the step, for warnings about one target. */
  target?: number;
  userId?: string;
  channel?: ChannelKind;
  message: string;
}

/** pages: it would go out; the others are rules the engine passes over. */
export type PlannedNotificationStatus = 'pages' | 'unverified' | 'channel_not_configured';

export interface PlannedNotification {
  ruleId: string;
  contactMethodId: string;
  kind: ChannelKind;
  label: string;
  delaySeconds: number;
  at: Instant;
  status: PlannedNotificationStatus;
}

export type PlannedRecipient =
  | { kind: 'user'; userId: string; name: string | null; notifications: PlannedNotification[]; reachable: boolean }
  | { kind: 'webhook' | 'slack' | 'teams'; url: string; at: Instant; reachable: boolean }
  | { kind: 'slack_channel' | 'mattermost_channel'; channelId: string; at: Instant; reachable: boolean };

export interface PlannedStep {
  index: number;
  waitSeconds: number;
  /** When the step fires if nobody acknowledges: the trigger plus the waits before it (a skipped step's successor fires at once). */
  at: Instant;
  targets: { target: Target; userIds: string[] }[];
  recipients: PlannedRecipient[];
  /** It resolves to nobody: the engine logs it and fires the next step at once. */
  skipped: boolean;
  /** Someone would actually be paged: a webhook or Slack target, or a person with a rule on a verified method over a configured channel. */
  reachable: boolean;
  /**
   * Seconds after `at` when the next step fires (or the policy repeats or ends): the wait,
   * or sooner when the step can reach nobody (see movesOnAfter).
   */
  nextAfterSeconds: number;
}

export interface PagingPlan {
  at: Instant;
  /** The first pass through the policy, in detail. */
  steps: PlannedStep[];
  /** When each repeat pass (1, 2…) starts, with the same people resolved at those instants. */
  repeats: { pass: number; at: Instant }[];
  /** When the policy has nothing left to do and the incident just stays triggered. */
  exhaustedAt: Instant;
  warnings: PlanWarning[];
}

export interface PlanPolicy {
  steps: PolicyStep[];
  repeat: number;
}

type TargetProblem = 'target_missing' | 'nobody_on_call' | 'team_empty';

/** The users a target stands for at an instant, as the engine's resolver reads it. */
export function usersOfTarget(target: Target, world: PlanWorld, at: Instant): { userIds: string[]; problem: TargetProblem | null } {
  const found = (userIds: string[], empty: TargetProblem) => ({ userIds, problem: userIds.length === 0 ? empty : null });
  switch (target.type) {
    case 'schedule': {
      const resolution = world.schedule(target.scheduleId, at);
      if (!resolution) return found([], 'target_missing');
      return found(pagedBySchedule(resolution), 'nobody_on_call');
    }
    case 'schedule_layer': {
      const resolution = world.schedule(target.scheduleId, at);
      const layer = resolution?.layers.find((l) => l.layerId === target.layerId);
      if (!layer) return found([], 'target_missing');
      return found(pagedByLayer(layer), 'nobody_on_call');
    }
    case 'schedule_all_layers': {
      const resolution = world.schedule(target.scheduleId, at);
      if (!resolution) return found([], 'target_missing');
      return found(resolution.layers.flatMap(pagedByLayer), 'nobody_on_call');
    }
    case 'team': {
      const members = world.team(target.teamId);
      return members === null ? found([], 'target_missing') : found(members, 'team_empty');
    }
    case 'user':
      return found(world.person(target.userId) ? [target.userId] : [], 'target_missing');
    case 'webhook':
    case 'slack':
    case 'teams':
    case 'slack_channel':
    case 'mattermost_channel':
      return { userIds: [], problem: null };
  }
}

/** A step's recipients, deduplicated in target order: what the state machine is handed. */
export function recipientsOf(targets: Target[], world: PlanWorld, at: Instant): Recipient[] {
  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  const add = (key: string, r: Recipient) => {
    if (seen.has(key)) return;
    seen.add(key);
    recipients.push(r);
  };
  for (const t of targets) {
    if (t.type === 'webhook' || t.type === 'slack' || t.type === 'teams') add(`${t.type}:${t.url}`, { kind: t.type, url: t.url });
    else if (t.type === 'slack_channel' || t.type === 'mattermost_channel') add(`${t.type}:${t.channelId}`, { kind: t.type, channelId: t.channelId });
    else for (const userId of usersOfTarget(t, world, at).userIds) add(`user:${userId}`, { kind: 'user', userId });
  }
  return recipients;
}

const targetMessages: Record<TargetProblem, string> = {
  target_missing: 'This target no longer exists',
  nobody_on_call: 'Nobody is on call here at that time',
  team_empty: 'This team has no members',
};

function planUser(userId: string, person: Person | undefined, stepIndex: number, at: Instant, world: PlanWorld, warnings: PlanWarning[]): PlannedRecipient {
  const name = person?.name ?? null;
  const who = name ?? 'This user';
  const methods = new Map((person?.methods ?? []).map((m) => [m.id, m]));
  const notifications: PlannedNotification[] = [];
  // The plan is for a high-urgency incident: the kind that must reach someone.
  for (const rule of [...(person?.rules ?? [])].filter((r) => ruleApplies(r.urgency ?? null, 'high')).sort((a, b) => a.delaySeconds - b.delaySeconds)) {
    const method = methods.get(rule.contactMethodId);
    if (!method) continue;
    const status: PlannedNotificationStatus = !method.verified ? 'unverified' : world.configured.has(method.kind) ? 'pages' : 'channel_not_configured';
    notifications.push({ ruleId: rule.id, contactMethodId: method.id, kind: method.kind, label: method.label, delaySeconds: rule.delaySeconds, at: at + rule.delaySeconds * SECOND, status });
  }
  const warn = (code: PlanWarningCode, message: string, channel?: ChannelKind) =>
    warnings.push({ code, step: stepIndex, userId, message, ...(channel && { channel }) });
  if (![...methods.values()].some((m) => m.verified)) {
    warn('no_verified_contact_method', `${who} has no verified contact method: nothing reaches them`);
  } else if (!notifications.some((n) => n.status !== 'unverified')) {
    warn('no_notification_rule', `${who} has no notification rule on a verified contact method: nothing reaches them`);
  } else {
    for (const kind of new Set(notifications.filter((n) => n.status === 'channel_not_configured').map((n) => n.kind))) {
      warn('channel_not_configured', `${who} has a notification rule by ${kind}, but this server has no ${kind} channel configured`, kind);
    }
  }
  return { kind: 'user', userId, name, notifications, reachable: notifications.some((n) => n.status === 'pages') };
}

/**
 * How long after a step fires the engine moves on. A step that reaches nobody does not
 * hold the incident for its wait: with no recipient it is skipped; when nothing could be
 * sent (no rule on a verified method) the next step fires at once; when everything sent
 * is bound to fail (no such channel here) it fires as soon as the last page has failed.
 */
function movesOnAfter(recipients: PlannedRecipient[], waitSeconds: number): number {
  const pages = recipients.flatMap((r) =>
    r.kind === 'user'
      ? r.notifications.filter((n) => n.status !== 'unverified').map((n) => ({ after: n.delaySeconds, sent: n.status === 'pages' }))
      : [{ after: 0, sent: r.reachable }],
  );
  if (pages.length === 0) return 0;
  if (pages.some((p) => p.sent)) return waitSeconds;
  return Math.min(waitSeconds, Math.max(...pages.map((p) => p.after)));
}

function planStep(step: PolicyStep, index: number, at: Instant, nextWaitSeconds: number, world: PlanWorld, warnings: PlanWarning[]): PlannedStep {
  const targets = step.targets.map((target, j) => {
    const { userIds, problem } = usersOfTarget(target, world, at);
    if (problem) warnings.push({ code: problem, step: index, target: j, message: targetMessages[problem] });
    return { target, userIds };
  });
  const recipients = recipientsOf(step.targets, world, at).map((r): PlannedRecipient => {
    if (r.kind === 'user') return planUser(r.userId, world.person(r.userId), index, at, world, warnings);
    const reachable = world.configured.has(r.kind);
    if (!reachable) warnings.push({ code: 'channel_not_configured', step: index, channel: r.kind, message: `No ${r.kind} channel is configured on this server` });
    return 'channelId' in r ? { kind: r.kind, channelId: r.channelId, at, reachable } : { kind: r.kind, url: r.url, at, reachable };
  });
  const skipped = recipients.length === 0;
  const reachable = recipients.some((r) => r.reachable);
  if (skipped) warnings.push({ code: 'step_skipped', step: index, message: 'This step resolves to nobody and would be skipped at once' });
  else if (!reachable) warnings.push({ code: 'step_unreached', step: index, message: 'Nobody in this step can be paged: the incident would move on without waiting' });
  return { index, waitSeconds: step.waitSeconds, at, targets, recipients, skipped, reachable, nextAfterSeconds: movesOnAfter(recipients, nextWaitSeconds) };
}

/**
 * Who would be paged, how and when, if an incident on this policy triggered at `at` and
 * nobody acknowledged. Mirrors the engine's timing: a step fires its wait after the
 * previous one, sooner after a step that reaches nobody (movesOnAfter); after the last
 * step, step 1's wait precedes each repeat and then exhaustion.
 */
export function pagingPlan(policy: PlanPolicy, at: Instant, world: PlanWorld): PagingPlan {
  const total = policy.steps.length;
  const warnings: PlanWarning[] = [];
  const steps: PlannedStep[] = [];
  const repeats: { pass: number; at: Instant }[] = [];
  const waitBefore = (next: number) => policy.steps[next < total ? next : 0]?.waitSeconds ?? 0;
  let now = at;
  for (let pass = 0; total > 0; pass++) {
    if (pass > 0) {
      if (pass > policy.repeat) break;
      repeats.push({ pass, at: now });
    }
    for (const [index, step] of policy.steps.entries()) {
      // Later passes are planned only to time what follows; their warnings repeat the first's.
      const planned = planStep(step, index, now, waitBefore(index + 1), world, pass === 0 ? warnings : []);
      if (pass === 0) steps.push(planned);
      now += planned.nextAfterSeconds * SECOND;
    }
  }
  return { at, steps, repeats, exhaustedAt: now, warnings };
}
