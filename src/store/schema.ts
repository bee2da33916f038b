// Row types as Kysely sees them. Instants are epoch milliseconds in BIGINT
// columns on both databases, so "due before now" comparisons are plain integers.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { MonitorUrgency, Urgency } from '../core/escalation/urgency.js';
import type { OverrideMode } from '../core/schedule/types.js';
import type { ComponentState, StatusPageAccess, UpdateStatus } from '../core/status-page/view.js';

export type Role = 'owner' | 'admin' | 'responder' | 'viewer';
export type TeamRole = 'manager' | 'member';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
  /** 1: send "you are on call from … to …" when a shift starts. */
  notify_handoffs: number;
  /** Local 'HH:MM' (in time_zone) for the daily on-call summary; null: none. */
  daily_summary_time: string | null;
  /** Minutes before a shift to also send "you are on call from … (in 24 h)"; null: not sent. */
  handoff_lead_minutes: number | null;
  /** JSON Restriction (in time_zone) low-urgency pages wait for; null: any time. */
  low_urgency_hours: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: TeamRole;
  created_at: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  /** 1: two-factor is required and this user has none yet: the session may only set it up. */
  must_enrol_two_factor: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the token; the token itself is shown once at creation. */
  token_hash: string;
  /** First characters, to recognise a token in the UI without revealing it. */
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** Null: never expires. */
  expires_at: number | null;
}

export interface SchedulesTable {
  id: string;
  team_id: string;
  name: string;
  description: string;
  time_zone: string;
  created_at: number;
  updated_at: number;
  /** Days ahead the daily coverage-gap scan looks (0: no alert); see migration 0022. */
  gap_alert_days: number;
  /** Public holidays for the fairness report (migration 0023): a date-holidays country, or an iCal feed, or neither. */
  holiday_country: string | null;
  holiday_region: string | null;
  holiday_ical_url: string | null;
}

/** The last good copy of a schedule's iCal holiday feed and how the latest fetch went. */
export interface HolidayFeedsTable {
  schedule_id: string;
  url: string;
  /** JSON [{ date: 'YYYY-MM-DD', name }]. */
  holidays: string;
  fetched_at: number | null;
  checked_at: number;
  error: string | null;
}

/** Changes (by trigger) with anything a schedule's resolution reads; see migration 0016. */
/** One row (id 1): changes whenever what ingest reads about a monitor changes (migration 0017). */
export interface IntegrationKeyVersionTable {
  id: number;
  version: string;
}

export interface ScheduleVersionsTable {
  schedule_id: string;
  version: string;
}

export interface ScheduleLayersTable {
  id: string;
  schedule_id: string;
  name: string;
  created_at: number;
}

export interface LayerVersionsTable {
  layer_id: string;
  effective_from: number;
  /** JSON of the core LayerVersion without effectiveFrom. */
  config: string;
  created_at: number;
}

export interface ScheduleStructuresTable {
  schedule_id: string;
  effective_from: number;
  /** JSON array of layer ids in position order (index 0 = Primary). */
  layer_ids: string;
  created_at: number;
}

export interface ScheduleOverridesTable {
  id: string;
  schedule_id: string;
  layer_id: string | null;
  user_id: string;
  start_at: number;
  end_at: number;
  created_at: number;
  created_by: string | null;
  /** Defaults to 'replace' in the database, like every override stored before shadows. */
  mode: Generated<OverrideMode>;
}

export interface TimeOffTable {
  id: string;
  user_id: string;
  start_at: number;
  end_at: number;
  note: Generated<string>;
  /** 'calendar' rows are owned by the import of the user's calendar, keyed by `external_uid`. */
  source: Generated<'manual' | 'calendar'>;
  external_uid: string | null;
  created_at: number;
}

export interface TimeOffCalendarsTable {
  user_id: string;
  url: string;
  created_at: number;
  synced_at: number | null;
  /** Why the last fetch failed; null after a successful one. */
  error: string | null;
}

export interface FixedShiftsTable {
  id: string;
  schedule_id: string;
  layer_id: string;
  user_id: string;
  start_at: number;
  end_at: number;
  created_at: number;
}

export interface CalendarFeedsTable {
  id: string;
  owner_id: string;
  /** null: the owner's personal feed across all schedules. */
  schedule_id: string | null;
  secret_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface EscalationPoliciesTable {
  id: string;
  team_id: string;
  name: string;
  description: string;
  repeat: number;
  ack_timeout_seconds: number | null;
  /** JSON PolicyStep[] */
  steps: string;
  created_at: number;
  updated_at: number;
}

export interface MonitorsTable {
  id: string;
  team_id: string;
  name: string;
  kind: string;
  /** null only for a team's "Manual pages" monitor: each manual page brings its own policy. */
  policy_id: string | null;
  /** JSON, shape by kind */
  config: string;
  paused: number;
  created_at: number;
  updated_at: number;
  /** sha256 of the key pushed monitors' senders authenticate with; null for others. */
  integration_key_hash: string | null;
  /** Heartbeat monitors: when the missing beat opens an incident; null while one is open. */
  heartbeat_due_at: number | null;
  /** Checked monitors: when the next check is due (its phase keeps them spread out). */
  next_check_at: number | null;
  check_interval_ms: number | null;
  /** JSON CheckState; null before the first check. */
  check_state: string | null;
  urgency: MonitorUrgency;
  /** JSON Grouping (core/alert-grouping) of a pushed monitor's alerts; null: ungrouped. */
  grouping: string | null;
  /** 1 for the team's "Manual pages" monitor (migration 0034): made by Vigil, not editable. */
  system: number;
}

/** A monitor depends on another (migration 0033): while that one is down, its new incidents page nobody. */
export interface MonitorDependenciesTable {
  monitor_id: string;
  depends_on_id: string;
}

export interface CheckResultsTable {
  monitor_id: string;
  at: number;
  ok: number;
  response_ms: number | null;
  message: string;
  maintenance: number;
}

export interface CheckRollupsTable {
  monitor_id: string;
  /** Start of the hour, epoch ms. */
  hour: number;
  checks: number;
  up: number;
  response_ms_sum: number;
  response_count: number;
  /** Checks inside maintenance windows (not in checks/up); migration 0039. */
  maintenance: Generated<number>;
}

export interface IncidentsTable {
  id: string;
  monitor_id: string;
  title: string;
  description: string;
  dedup_key: string | null;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** JSON PolicySnapshot taken at trigger */
  policy: string;
  step: number;
  pass: number;
  next_action_at: number | null;
  lease_until: number | null;
  /** The node holding the claim; its death releases the claim at once. */
  lease_owner: string | null;
  alert_count: number;
  /** Transitions applied so far; part of notification idempotency keys. */
  seq: number;
  triggered_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  updated_at: number;
  urgency: Urgency;
  /** JSON Suppression while the incident is recorded but pages nobody; null otherwise. */
  suppression: string | null;
  /** The incident of a monitor it depends on that was down when it opened. */
  parent_incident_id: string | null;
  /** The first `acknowledged` entry of the timeline (acknowledged_at is the latest); analytics' MTTA. */
  first_acknowledged_at: number | null;
  /** The group (core/alert-grouping) it was opened for; null: opened without grouping. */
  group_key: string | null;
}

export interface ChangeEventsTable {
  id: string;
  monitor_id: string;
  /** When the change happened (the sender's timestamp, else when it arrived). */
  at: number;
  summary: string;
  /** JSON AlertDetails */
  details: string;
  received_at: number;
}

/** One event rule (migration 0031); monitor_id null: the organisation's global list. */
export interface EventRulesTable {
  id: string;
  monitor_id: string | null;
  position: number;
  name: string;
  /** JSON {when, then, continue} (core/event-rules) */
  rule: string;
  created_at: number;
  updated_at: number;
}

export interface EventRulesVersionTable {
  id: number;
  version: string;
}

/** The dedup key a rule gave an alert, by the key its sender gave it. */
export interface EventRuleKeysTable {
  monitor_id: string;
  sent_key: string;
  dedup_key: string;
  at: number;
}

export interface IncidentEventsTable {
  id: string;
  incident_id: string;
  at: number;
  kind: string;
  actor_id: string | null;
  /** JSON details */
  data: string;
}

/** Every alert an incident received (migration 0025). */
export interface IncidentAlertsTable {
  id: string;
  incident_id: string;
  at: number;
  title: string;
  /** JSON AlertDetails (core/alert/details.ts), at most 32 KiB. */
  details: string;
  /** The key its sender gave a grouped alert; null for others (their incident's is theirs). */
  dedup_key: string | null;
  /** When its sender resolved it by that key, while the incident stayed open for others. */
  resolved_at: number | null;
}

export type ContactKind = 'email' | 'sms' | 'voice' | 'webhook' | 'slack' | 'ntfy' | 'telegram' | 'pushover' | 'slack_dm' | 'mattermost_dm';

/** What a page is sent over: a contact method's kind, or a channel only a policy step reaches (a Teams workflow). */
export type PageChannel = ContactKind | 'teams' | 'slack_channel' | 'mattermost_channel';

export interface ContactMethodsTable {
  id: string;
  user_id: string;
  kind: ContactKind;
  label: string;
  address: string;
  created_at: number;
  /** null until the owner entered the code sent to it; unverified methods are never paged. */
  verified_at: number | null;
  /** sha256 of the pending verification code. */
  verification_hash: string | null;
  verification_expires_at: number | null;
  verification_attempts: number;
  /** A credential sealed with the server secret (an ntfy access token); null for most methods. */
  secret: string | null;
}

export interface NotificationRulesTable {
  id: string;
  user_id: string;
  contact_method_id: string;
  delay_seconds: number;
  created_at: number;
  /** null: both urgencies. */
  urgency: Urgency | null;
}

/** 'delivered' comes from a provider's delivery receipt, after 'sent'. */
export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'cancelled';

export interface NotificationsTable {
  id: string;
  idempotency_key: string;
  incident_id: string | null;
  user_id: string | null;
  contact_method_id: string | null;
  channel: PageChannel;
  address: string;
  status: NotificationStatus;
  due_at: number;
  lease_until: number | null;
  /** The node holding the claim; its death releases the claim at once. */
  lease_owner: string | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  /** JSON {subject, text} for handoff and summary notices; null for pages. */
  notice: string | null;
  /** Copies of the incident's trigger time and monitor (both never change), so analytics reads a period's pages from one index. */
  incident_triggered_at: number | null;
  incident_monitor_id: string | null;
}

/** A page posted to a chat, kept showing its incident's state (migration 0037; engine/chat-sync.ts). */
export interface ChatMessagesTable {
  id: string;
  /** The channel kind that posted it, whose updater edits it. */
  provider: PageChannel;
  incident_id: string;
  address: string;
  /** What the provider identifies the message by (Slack: channel and ts). */
  message_ref: string;
  /** The person it was sent to (a direct message); null for a channel. */
  user_id: string | null;
  /** chatState (core/chat/chat-state.ts) of the incident as the message shows it. */
  shown_state: string;
  /** The incident's seq when shown_state was last compared; -1 before the first look. */
  shown_seq: number;
  /** When to look again; null once it shows its incident resolved, or cannot be edited any more. */
  next_sync_at: number | null;
  /** Failed updates since the last one that went through. */
  attempts: number;
  created_at: number;
  /** Pushover: when its receipt may be read next (migration 0038; service/pushover-receipts.ts); null: now. */
  receipt_poll_at: number | null;
}

export interface ReplyCodesTable {
  phone: string;
  code: number;
  user_id: string;
  incident_id: string;
  created_at: number;
}

export interface ProviderCallbacksTable {
  id: string;
  received_at: number;
}

export interface NodesTable {
  id: string;
  started_at: number;
  /** Wall-clock ms of the node's last heartbeat (never the test clock). */
  heartbeat_at: number;
}

/** One row (id 1), written only in test mode: the clock every test node shares. */
export interface TestClockTable {
  id: number;
  frozen_at: number | null;
  offset_ms: number;
  version: number;
}

/** A policy whose first step reaches nobody now; the row lasts as long as the problem. */
export interface PagingProblemsTable {
  policy_id: string;
  /** When the paging-health check first found it (the onset managers are told about). */
  since: number;
  checked_at: number;
  /** JSON PlanWarning[] of the first step. */
  warnings: string;
}

/** Someone on call asking for cover; see migration 0021. Expiry is derived, not stored. */
export interface CoverRequestsTable {
  id: string;
  schedule_id: string;
  /** null: the whole schedule (its primary). */
  layer_id: string | null;
  requester_id: string;
  start_at: number;
  end_at: number;
  note: string;
  status: 'open' | 'accepted' | 'withdrawn';
  accepted_by: string | null;
  override_id: string | null;
  created_at: number;
  decided_at: number | null;
}

/** Who was asked to take a cover request. */
export interface CoverRequestCandidatesTable {
  request_id: string;
  user_id: string;
}

/** A span of a schedule left uncovered on purpose: gaps inside it do not alert. */
export interface IntendedGapsTable {
  id: string;
  schedule_id: string;
  start_at: number;
  end_at: number;
  note: string;
  created_by: string | null;
  created_at: number;
}

/** When a schedule's coverage was last scanned for the gap alert (by any node). */
export interface GapScansTable {
  schedule_id: string;
  scanned_at: number;
  /** Unintended gaps ahead found then (or when intended gaps last changed). */
  open_gaps: number;
}

/** One change to configuration; see src/store/audit.ts. */
export interface AuditLogTable {
  id: string;
  at: number;
  actor_id: string | null;
  /** Kept beside the id: the log outlives the users it names. */
  actor_email: string | null;
  /** 'session', 'token', 'anonymous' (a request without either), 'cli' (the vigil command), or 'system' (the demo seed). */
  via: string;
  ip: string | null;
  user_agent: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  /** JSON snapshot with secrets redacted; null before a creation. */
  before: string | null;
  /** JSON snapshot with secrets redacted; null after a deletion. */
  after: string | null;
}

export interface DB {
  change_events: ChangeEventsTable;
  event_rules: EventRulesTable;
  event_rules_version: EventRulesVersionTable;
  event_rule_keys: EventRuleKeysTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  schedules: SchedulesTable;
  schedule_versions: ScheduleVersionsTable;
  integration_key_version: IntegrationKeyVersionTable;
  schedule_layers: ScheduleLayersTable;
  layer_versions: LayerVersionsTable;
  schedule_structures: ScheduleStructuresTable;
  schedule_overrides: ScheduleOverridesTable;
  fixed_shifts: FixedShiftsTable;
  time_off: TimeOffTable;
  time_off_calendars: TimeOffCalendarsTable;
  calendar_feeds: CalendarFeedsTable;
  escalation_policies: EscalationPoliciesTable;
  monitors: MonitorsTable;
  monitor_dependencies: MonitorDependenciesTable;
  check_results: CheckResultsTable;
  check_rollups: CheckRollupsTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  incident_alerts: IncidentAlertsTable;
  contact_methods: ContactMethodsTable;
  notification_rules: NotificationRulesTable;
  notifications: NotificationsTable;
  chat_messages: ChatMessagesTable;
  reply_codes: ReplyCodesTable;
  provider_callbacks: ProviderCallbacksTable;
  paging_problems: PagingProblemsTable;
  nodes: NodesTable;
  test_clock: TestClockTable;
  audit_log: AuditLogTable;
  intended_gaps: IntendedGapsTable;
  gap_scans: GapScansTable;
  holiday_feeds: HolidayFeedsTable;
  cover_requests: CoverRequestsTable;
  cover_request_candidates: CoverRequestCandidatesTable;
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  identity_settings: IdentitySettingsTable;
  user_identities: UserIdentitiesTable;
  status_pages: StatusPagesTable;
  status_page_logos: StatusPageLogosTable;
  status_sections: StatusSectionsTable;
  status_components: StatusComponentsTable;
  status_component_monitors: StatusComponentMonitorsTable;
  status_incidents: StatusIncidentsTable;
  status_incident_entries: StatusIncidentEntriesTable;
  status_incident_components: StatusIncidentComponentsTable;
  status_maintenances: StatusMaintenancesTable;
  status_maintenance_components: StatusMaintenanceComponentsTable;
  status_subscribers: StatusSubscribersTable;
  status_notice_events: StatusNoticeEventsTable;
  status_notices: StatusNoticesTable;
}

/** A team's status page (migration 0039); every row below hangs off one and is its team's. */
export interface StatusPagesTable {
  id: string;
  team_id: string;
  name: string;
  /** Served at /status/<slug>. */
  slug: string;
  description: string | null;
  time_zone: string;
  /** #rrggbb */
  accent_color: string;
  access: StatusPageAccess;
  /** scrypt hash (security/password) when access is 'password'. */
  password_hash: string | null;
  /** Lower-case host whose requests get this page at /. */
  custom_domain: string | null;
  created_at: number;
  updated_at: number;
  /** Bumped by every change the public could see: public caches compare it. */
  version: number;
}

export interface StatusPageLogosTable {
  page_id: string;
  content_type: string;
  /** Base64 of the image. */
  data: string;
  sha256: string;
  updated_at: number;
}

export interface StatusSectionsTable {
  id: string;
  page_id: string;
  position: number;
  name: string;
}

export interface StatusComponentsTable {
  id: string;
  page_id: string;
  section_id: string;
  position: number;
  name: string;
  description: string | null;
  /** Set by hand when the component has no monitors. */
  manual_state: ComponentState | null;
}

export interface StatusComponentMonitorsTable {
  component_id: string;
  monitor_id: string;
}

/** A public incident ("status update"): what the page tells about an outage. */
export interface StatusIncidentsTable {
  id: string;
  page_id: string;
  /** The Vigil incident it is about, if any; never shown publicly. */
  incident_id: string | null;
  title: string;
  created_at: number;
  updated_at: number;
  /** When its latest entry said resolved; null while open. */
  resolved_at: number | null;
}

export interface StatusIncidentEntriesTable {
  id: string;
  status_incident_id: string;
  status: UpdateStatus;
  body: string;
  at: number;
}

export interface StatusIncidentComponentsTable {
  status_incident_id: string;
  component_id: string;
}

export interface StatusMaintenancesTable {
  id: string;
  page_id: string;
  title: string;
  body: string;
  starts_at: number;
  ends_at: number;
  created_at: number;
  updated_at: number;
}

export interface StatusMaintenanceComponentsTable {
  maintenance_id: string;
  component_id: string;
}

export type StatusSubscriberKind = 'email' | 'webhook';

/** Someone following a status page (migration 0040); told of updates once confirmed. */
export interface StatusSubscribersTable {
  id: string;
  page_id: string;
  kind: StatusSubscriberKind;
  /** Lower-case email address, or the webhook's URL. */
  address: string;
  /** sha256 of the confirmation link's token; null once used. */
  confirm_token_hash: string | null;
  confirm_expires_at: number | null;
  confirmed_at: number | null;
  created_at: number;
}

/** One public event subscribers are told of, keyed by what it is about (entry:<id>, maintenance:<id>). */
export interface StatusNoticeEventsTable {
  id: string;
  page_id: string;
  /** JSON StatusNotice (core/status-page/notice.ts): public text only. */
  payload: string;
  created_at: number;
}

export type StatusNoticeState = 'queued' | 'sending' | 'sent' | 'failed';

/** The outbox: one row per event and confirmed subscriber, claimed under a lease. */
export interface StatusNoticesTable {
  event_id: string;
  subscriber_id: string;
  /** The subscriber's kind, so a node without SMTP leaves email rows alone. */
  kind: StatusSubscriberKind;
  state: StatusNoticeState;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  lease_owner: string | null;
  last_error: string | null;
  sent_at: number | null;
  created_at: number;
}

export interface UserTotpTable {
  user_id: string;
  /** AES-256-GCM of the base32 secret under a key derived from VIGIL_SECRET. */
  secret_encrypted: string;
  confirmed_at: number | null;
  /** The last TOTP time step accepted, so no code is accepted twice. */
  last_step: number | null;
  created_at: number;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  /** HMAC-SHA256 of the normalised code under VIGIL_SECRET. */
  code_hash: string;
  used_at: number | null;
}

export interface LoginChallengesTable {
  /** sha256 of the challenge token returned by a password login that needs a second factor. */
  id: string;
  user_id: string;
  attempts: number;
  expires_at: number;
}

export interface IdentitySettingsTable {
  /** Always 1: one row of organisation-wide settings. */
  id: number;
  require_two_factor: number;
  updated_at: number;
}

export interface UserIdentitiesTable {
  /** An OpenID Connect account: the issuer's URL and its stable subject id. */
  issuer: string;
  subject: string;
  user_id: string;
  created_at: number;
  last_login_at: number;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
