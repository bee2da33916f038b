/**
 * What the import reads from Opsgenie's REST API (https://docs.opsgenie.com/docs/api-overview),
 * as its documented responses shape it, with only the fields the import uses. Every list
 * answers `{ data: [...], took, requestId }`; the users list also pages (`paging.next`).
 */

/** A reference in a rotation, override, escalation rule or timeline period. */
export interface OgParticipant {
  type: 'user' | 'team' | 'escalation' | 'schedule' | 'none';
  id?: string;
  /** Users: their username (an email). */
  username?: string;
  name?: string;
}

/** User API: GET /v2/users. Role names are Owner, Admin, User, Stakeholder, Observer, or a custom role's. */
export interface OgUser {
  id: string;
  username: string;
  fullName: string;
  role: { id?: string; name: string };
  blocked?: boolean;
  timeZone: string;
}

/** Contact API: GET /v2/users/{id}/contacts. `mobile` is Opsgenie's app. */
export interface OgContact {
  id: string;
  method: 'email' | 'sms' | 'voice' | 'mobile' | string;
  to: string;
  status: { enabled: boolean; disabledReason?: string };
}

/** Notification Rule API: GET /v2/users/{id}/notification-rules/{ruleId}. */
export interface OgNotificationRule {
  id: string;
  name: string;
  actionType: 'create-alert' | 'acknowledged-alert' | 'closed-alert' | 'assigned-alert' | 'add-note' | 'schedule-start' | 'schedule-end' | 'incoming-call-routing' | string;
  enabled: boolean;
  criteria?: { type: 'match-all' | 'match-any-condition' | 'match-all-conditions'; conditions?: unknown[] };
  timeRestriction?: OgTimeRestriction;
  steps: { contact: { method: string; to: string }; sendAfter?: { timeAmount: number; timeUnit?: string }; enabled: boolean }[];
}

/** Team API: GET /v2/teams/{id}; the list has no members. */
export interface OgTeam {
  id: string;
  name: string;
  description?: string;
  members?: { user: { id: string; username: string }; role: string }[];
}

/** Hours 0–24 and minutes of the schedule's zone; days by English name. */
export interface OgRestriction {
  startDay?: OgDay;
  endDay?: OgDay;
  startHour: number;
  startMin: number;
  endHour: number;
  endMin: number;
}

export type OgDay = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** `time-of-day` has one `restriction` every day; `weekday-and-time-of-day` a list of weekly spans. */
export interface OgTimeRestriction {
  type: 'time-of-day' | 'weekday-and-time-of-day';
  restriction?: OgRestriction;
  restrictions?: OgRestriction[];
}

/** Schedule API with expand=rotation, or Schedule Rotation API. */
export interface OgRotation {
  id: string;
  name: string;
  startDate: string;
  endDate?: string;
  type: 'hourly' | 'daily' | 'weekly';
  length?: number;
  participants: OgParticipant[];
  timeRestriction?: OgTimeRestriction;
}

export interface OgSchedule {
  id: string;
  name: string;
  description?: string;
  timezone: string;
  enabled: boolean;
  ownerTeam?: { id: string; name: string };
  rotations: OgRotation[];
}

/** Schedule Override API: GET /v2/schedules/{id}/overrides. No rotations: the whole schedule. */
export interface OgOverride {
  alias: string;
  user: OgParticipant;
  startDate: string;
  endDate: string;
  rotations?: { id: string; name?: string }[];
}

/** Escalation API: GET /v2/escalations. A rule's delay counts from the alert's creation. */
export interface OgEscalationRule {
  condition: 'if-not-acked' | 'if-not-closed';
  notifyType: 'default' | 'next' | 'previous' | 'users' | 'admins' | 'random' | 'all';
  delay: { timeAmount: number; timeUnit?: 'minutes' | 'hours' | 'days' };
  recipient: OgParticipant;
}

export interface OgEscalation {
  id: string;
  name: string;
  description?: string;
  ownerTeam?: { id: string; name: string };
  rules: OgEscalationRule[];
  repeat?: { waitInterval: number; count: number; resetRecipientStates?: boolean; closeAlertAfterAll?: boolean };
}

/** Schedule API: GET /v2/schedules/{id}/timeline, `data.finalTimeline`. */
export interface OgTimelinePeriod {
  startDate: string;
  endDate: string;
  type: 'default' | 'override' | 'forwarding' | 'historical' | string;
  recipient: OgParticipant;
}

export interface OgTimeline {
  startDate: string;
  endDate: string;
  finalTimeline: { rotations: { id: string; name: string; order?: number; periods?: OgTimelinePeriod[] }[] };
}
