/**
 * The parts of GoAlert's GraphQL objects the import reads, as POST /api/graphql returns them
 * (GoAlert's graphql2/schema.graphql and graphql2/graph/*.graphqls): camelCase, ISO 8601
 * instants, clock times as 'HH:MM'. Where GoAlert deprecated a field for a newer one
 * (a contact method's `type` and `value`, a step's `targets`) the import reads the older,
 * which every GoAlert version since 0.25 still answers.
 */

export interface GaTarget {
  id: string;
  /** GoAlert's TargetType: 'user', 'rotation', 'schedule', and others such as 'slackChannel' or 'chanWebhook'. */
  type: string;
  name: string;
}

export type GaContactMethodType = 'SMS' | 'VOICE' | 'EMAIL' | 'WEBHOOK' | 'SLACK_DM';

export interface GaContactMethod {
  id: string;
  name: string;
  type: GaContactMethodType | null;
  value: string;
  disabled: boolean;
}

export interface GaNotificationRule {
  id: string;
  delayMinutes: number;
  contactMethodID: string;
}

export interface GaUser {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'user' | 'unknown';
  contactMethods: GaContactMethod[];
  notificationRules: GaNotificationRule[];
}

export type GaRotationType = 'hourly' | 'daily' | 'weekly' | 'monthly';

export interface GaRotation {
  id: string;
  name: string;
  description: string;
  /** When the first shift began; later handoffs keep its local clock time in `timeZone`. */
  start: string;
  timeZone: string;
  type: GaRotationType;
  shiftLength: number;
  /** Whose shift is in force now, an index into userIDs. */
  activeUserIndex: number;
  userIDs: string[];
}

export interface GaScheduleRule {
  /** 'HH:MM' in the schedule's zone; an end at or before the start runs into the next day. */
  start: string;
  end: string;
  /** Seven flags starting with Sunday: the days the rule's window starts on. */
  weekdayFilter: boolean[];
}

export interface GaScheduleTarget {
  target: GaTarget;
  rules: GaScheduleRule[];
}

export interface GaOnCallShift {
  userID: string;
  start: string;
  end: string;
  truncated: boolean;
}

export interface GaTemporarySchedule {
  start: string;
  end: string;
  shifts: GaOnCallShift[];
}

export interface GaSchedule {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  targets: GaScheduleTarget[];
  temporarySchedules: GaTemporarySchedule[];
}

/** addUserID alone adds, removeUserID alone removes, both replace (empty strings for none). */
export interface GaUserOverride {
  id: string;
  start: string;
  end: string;
  addUserID: string;
  removeUserID: string;
  target: GaTarget;
}

export interface GaEscalationPolicyStep {
  id: string;
  stepNumber: number;
  /** Minutes to wait after this step before the next (after the last, before a repeat). */
  delayMinutes: number;
  targets: GaTarget[];
}

export interface GaEscalationPolicy {
  id: string;
  name: string;
  description: string;
  /** How many times the whole policy runs again after its last step. */
  repeat: number;
  steps: GaEscalationPolicyStep[];
}

export type GaIntegrationKeyType = 'generic' | 'grafana' | 'site24x7' | 'prometheusAlertmanager' | 'email' | 'universal';

export interface GaIntegrationKey {
  id: string;
  type: GaIntegrationKeyType;
  name: string;
  /** The URL senders post to, with the key as its `token` parameter (email keys: an address). */
  href: string;
}

export interface GaService {
  id: string;
  name: string;
  description: string;
  escalationPolicyID: string;
  integrationKeys: GaIntegrationKey[];
}
