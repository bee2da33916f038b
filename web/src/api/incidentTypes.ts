import type { CheckKind, CheckSettings, CheckSpecs, LastCheck, Maintenance } from './checkTypes';
import type { PagingProblem } from './pagingPlanTypes';

export type Target =
  | { type: 'schedule'; scheduleId: string }
  | { type: 'schedule_layer'; scheduleId: string; layerId: string }
  | { type: 'schedule_all_layers'; scheduleId: string }
  | { type: 'user'; userId: string }
  | { type: 'team'; teamId: string }
  | { type: 'webhook'; url: string }
  | { type: 'slack'; url: string };

export type TargetType = Target['type'];

export interface PolicyStep {
  /** Step k>1: seconds without acknowledgement before it fires; step 1: the pause before a repeat. */
  waitSeconds: number;
  targets: Target[];
}

export interface PolicyInput {
  name: string;
  description?: string;
  teamId: string;
  repeat: number;
  ackTimeoutSeconds: number | null;
  steps: PolicyStep[];
}

export interface Policy extends Required<PolicyInput> {
  id: string;
  /** Per webhook target URL: the key its X-Vigil-Signature (HMAC-SHA256 of the send time and body) is computed with. */
  /** Only for those who may edit the policy. */
  webhookSigningSecrets?: Record<string, string>;
  /** Set while the first step reaches nobody with a working contact method (checked every minute). */
  pagingProblem: PagingProblem | null;
  createdAt: string;
  updatedAt: string;
}

/** manual: alerts raised through the API; pushed kinds are sent by a sender with an integration key; checked kinds are probed by Vigil. */
export type MonitorKind = 'manual' | 'webhook' | 'pagerduty' | 'alertmanager' | 'grafana' | 'heartbeat' | CheckKind;

/** Pushed and manual monitors are down while they have an open incident; checked ones are pending until their first result. */
export type MonitorStatus = 'up' | 'down' | 'pending' | 'paused' | 'maintenance';

export interface Monitor extends CheckSpecs {
  id: string;
  teamId: string;
  name: string;
  kind: MonitorKind;
  policyId: string;
  paused: boolean;
  createdAt: string;
  status: MonitorStatus;
  /** Checked kinds only, like the rest. */
  check?: CheckSettings;
  maintenance?: Maintenance;
  lastCheck?: LastCheck;
  /** HTTPS only. */
  certificateExpiresAt?: string;
  nextCheckAt?: string;
}

/** What a checked monitor's form sends: its settings, its kind's spec and any maintenance, each replaced whole. */
export interface CheckedFields extends CheckSpecs {
  check?: CheckSettings;
  /** Empty lists remove the monitor's maintenance windows. */
  maintenance?: Maintenance;
}

export interface NewMonitor extends CheckedFields {
  name: string;
  teamId: string;
  policyId: string;
  kind?: MonitorKind;
  paused?: boolean;
  /** Required for kind heartbeat. */
  heartbeat?: { intervalSeconds: number; graceSeconds: number };
}

/** A pushed monitor's credentials: the API shows the key once and stores only its hash. */
export interface Integration {
  integrationKey: string;
  /** For pagerduty the Events API v2 endpoint (the key goes in routing_key); otherwise it carries the key. */
  integrationUrl: string;
}

/** What creating a monitor answers: pushed kinds include their integration, once. */
export type CreatedMonitor = Monitor & Partial<Integration>;

export type MonitorPatch = Partial<Pick<Monitor, 'name' | 'policyId' | 'paused'>> & CheckedFields;

export interface NewAlert {
  title: string;
  description?: string;
  dedupKey?: string;
}

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface Incident {
  id: string;
  monitorId: string;
  title: string;
  description: string;
  dedupKey: string | null;
  status: IncidentStatus;
  policy: { id: string; name: string };
  /** Index of the step that fired last (0 = step 1); -1 before the first. */
  step: number;
  /** 0 on the first pass through the policy, then 1, 2… on repeats. */
  pass: number;
  nextActionAt: string | null;
  alertCount: number;
  triggeredAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface IncidentEvent {
  id: string;
  at: string;
  kind: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface Notification {
  id: string;
  userId: string | null;
  channel: string;
  status: NotificationStatus;
  dueAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

export interface IncidentDetail extends Incident {
  timeline: IncidentEvent[];
  notifications: Notification[];
}

export type ContactKind = 'email' | 'sms' | 'voice' | 'webhook' | 'slack';

export interface ContactMethod {
  id: string;
  kind: ContactKind;
  label: string;
  address: string;
  createdAt: string;
  /** Only verified methods are paged; webhooks and Slack are verified on creation. */
  verified: boolean;
  /** Present right after creation or a resend: whether a verification code was just sent. */
  verification?: VerificationResult;
  /** Webhooks: the key X-Vigil-Signature (HMAC-SHA256 of each payload and its send time) is computed with. */
  signingSecret?: string;
}

export interface VerificationResult {
  sent: boolean;
  error?: string;
}

export interface NewContactMethod {
  kind: ContactKind;
  label?: string;
  address: string;
}

export interface NotificationRule {
  id: string;
  contactMethodId: string;
  delayMinutes: number;
  createdAt: string;
}
