/**
 * The parts of PagerDuty's REST API v2 objects the import reads, as the API returns them
 * (https://developer.pagerduty.com/api-reference/): snake_case, ISO 8601 instants.
 */

export interface Reference {
  id: string;
  type: string;
  summary?: string;
}

export type PdContactMethodType = 'email_contact_method' | 'phone_contact_method' | 'sms_contact_method' | 'push_notification_contact_method';

export interface PdContactMethod {
  id: string;
  type: PdContactMethodType;
  label: string;
  address: string;
  /** Phone and SMS: the number is `+<country_code><address>`. */
  country_code?: number;
  /** Phone and SMS: PagerDuty stopped sending to the number (e.g. it answered STOP). */
  blacklisted?: boolean;
}

export interface PdNotificationRule {
  id: string;
  type: 'assignment_notification_rule';
  start_delay_in_minutes: number;
  urgency: 'high' | 'low';
  /** A reference, or with include[]=contact_methods the whole method. */
  contact_method: Reference;
}

export type PdRole = 'admin' | 'limited_user' | 'observer' | 'owner' | 'read_only_user' | 'restricted_access' | 'read_only_limited_user' | 'user';

export interface PdUser {
  id: string;
  type: 'user';
  name: string;
  email: string;
  time_zone: string;
  role: PdRole;
  teams: Reference[];
  contact_methods: PdContactMethod[];
  notification_rules: PdNotificationRule[];
}

export interface PdTeam {
  id: string;
  type: 'team';
  name: string;
  description: string | null;
}

export interface PdRestriction {
  type: 'daily_restriction' | 'weekly_restriction';
  /** 'HH:MM:SS' in the schedule's time zone. */
  start_time_of_day: string;
  duration_seconds: number;
  /** ISO weekday (1 = Monday); weekly restrictions only. */
  start_day_of_week?: number | null;
}

export interface PdLayer {
  id: string;
  name: string;
  start: string;
  end: string | null;
  rotation_virtual_start: string;
  rotation_turn_length_seconds: number;
  users: { user: Reference }[];
  restrictions: PdRestriction[];
}

export interface PdSchedule {
  id: string;
  type: 'schedule';
  name: string;
  description: string | null;
  /** IANA zone name. */
  time_zone: string;
  /** The API lists the top layer (the one that wins) first, the reverse of the web UI. */
  schedule_layers: PdLayer[];
  teams: Reference[];
}

export interface PdOverride {
  id: string;
  start: string;
  end: string;
  user: Reference;
}

export interface PdEscalationRule {
  id: string;
  escalation_delay_in_minutes: number;
  targets: Reference[];
}

export interface PdEscalationPolicy {
  id: string;
  type: 'escalation_policy';
  name: string;
  description: string | null;
  num_loops: number;
  escalation_rules: PdEscalationRule[];
  teams: Reference[];
}

export interface PdIntegration {
  id: string;
  type: string;
  name: string;
  /** Events API integrations only. */
  integration_key?: string;
}

export interface PdService {
  id: string;
  type: 'service';
  name: string;
  description: string | null;
  status: string;
  escalation_policy: Reference;
  integrations: PdIntegration[];
  teams: Reference[];
  incident_urgency_rule?: { type: string; urgency?: 'high' | 'low' | 'severity_based' };
  acknowledgement_timeout?: number | null;
  auto_resolve_timeout?: number | null;
}

export interface PdOnCall {
  escalation_policy: Reference;
  escalation_level: number;
  schedule: Reference | null;
  user: Reference;
  /** null: on call for ever (a user targeted directly by the policy). */
  start: string | null;
  end: string | null;
}
