import type { Target } from './incidentTypes';

export type ChannelKind = 'email' | 'sms' | 'voice' | 'webhook' | 'slack';

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
  /** 0 = step 1. */
  step: number;
  /** Index of the target within the step, for warnings about one target. */
  target?: number;
  userId?: string;
  channel?: ChannelKind;
  message: string;
}

export interface PlannedNotification {
  ruleId: string;
  contactMethodId: string;
  kind: ChannelKind;
  label: string;
  delaySeconds: number;
  at: string;
  /** pages: it would go out; otherwise why the engine passes over the rule. */
  status: 'pages' | 'unverified' | 'channel_not_configured';
}

export type PlannedRecipient =
  | { kind: 'user'; userId: string; name: string | null; notifications: PlannedNotification[]; reachable: boolean }
  | { kind: 'webhook' | 'slack'; url: string; at: string; reachable: boolean };

export interface PlannedStep {
  index: number;
  waitSeconds: number;
  at: string;
  targets: { target: Target; userIds: string[] }[];
  recipients: PlannedRecipient[];
  skipped: boolean;
  reachable: boolean;
  /** When the next step fires, after this one: the wait, or sooner when this step reaches nobody. */
  nextAfterSeconds: number;
}

/** Who would be paged, how and when, if an incident triggered at `at` and nobody acknowledged. */
export interface PagingPlan {
  policy: { id: string; name: string } | null;
  at: string;
  steps: PlannedStep[];
  repeats: { pass: number; at: string }[];
  exhaustedAt: string;
  warnings: PlanWarning[];
}

/** Set on a policy while its first step reaches nobody with a working contact method. */
export interface PagingProblem {
  since: string;
  checkedAt: string;
  warnings: PlanWarning[];
}
