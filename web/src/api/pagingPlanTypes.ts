import type { ResponseOf } from './schema';

/** Who would be paged, how and when, if an incident triggered at `at` and nobody acknowledged. */
export type PagingPlan = ResponseOf<'getMonitorsByIdPagingPlan'>;
export type PlannedStep = PagingPlan['steps'][number];
export type PlannedRecipient = PlannedStep['recipients'][number];
export type PlannedNotification = Extract<PlannedRecipient, { kind: 'user' }>['notifications'][number];
export type PlanWarning = PagingPlan['warnings'][number];
export type PlanWarningCode = PlanWarning['code'];
export type ChannelKind = PlannedNotification['kind'];

/** Set on a policy while its first step reaches nobody with a working contact method. */
export type PagingProblem = NonNullable<ResponseOf<'getEscalationPoliciesById'>['pagingProblem']>;
