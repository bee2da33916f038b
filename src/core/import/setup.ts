import type { Instant, Restriction, Rotation } from '../schedule/types.js';
import type { ImportNote } from './report.js';

/**
 * A whole on-call setup read from another product, in Vigil's terms but still naming
 * everything by the source's ids: what every importer maps to, and what one writer creates.
 */
export interface ImportedSetup {
  teams: ImportedTeam[];
  users: MappedUser[];
  schedules: MappedSchedule[];
  policies: MappedPolicy[];
  monitors: MappedMonitor[];
}

export interface ImportedTeam {
  sourceId: string;
  name: string;
}

export type VigilRole = 'admin' | 'responder' | 'viewer';

export interface MappedContactMethod {
  sourceId: string;
  kind: 'email' | 'sms' | 'voice';
  address: string;
  label: string;
}

export interface MappedRule {
  /** The source contact method's id. */
  contactSourceId: string;
  delayMinutes: number;
  /** null: either urgency. */
  urgency: 'high' | 'low' | null;
}

export interface MappedUser {
  sourceId: string;
  email: string;
  name: string;
  role: VigilRole;
  timeZone: string;
  teamSourceIds: string[];
  contactMethods: MappedContactMethod[];
  rules: MappedRule[];
  notes: ImportNote[];
}

export interface MappedLayer {
  name: string;
  timeZone: string;
  rotation: Rotation;
  restriction: Restriction;
  /** Source user ids in rotation order. */
  members: string[];
}

export interface MappedOverride {
  /** Source user id. */
  userId: string;
  start: Instant;
  end: Instant;
}

export interface MappedSchedule {
  sourceId: string;
  name: string;
  description: string;
  timeZone: string;
  /** The team it belongs to in the source, if any. */
  teamSourceId: string | null;
  /** Top layer (the one that wins) first, as in Vigil. */
  layers: MappedLayer[];
  overrides: MappedOverride[];
  notes: ImportNote[];
}

export type MappedTarget = { type: 'user'; sourceId: string } | { type: 'schedule'; sourceId: string };

export interface MappedPolicy {
  sourceId: string;
  name: string;
  description: string;
  teamSourceId: string | null;
  repeat: number;
  steps: { waitSeconds: number; targets: MappedTarget[] }[];
  notes: ImportNote[];
}

export interface MappedMonitor {
  /** The service's id, and the integration's when a service has several. */
  sourceId: string;
  name: string;
  /**
   * A pushed kind whose payloads are what the source's senders send today (pagerduty: Events
   * API v2; alertmanager, grafana: their webhooks; generic: Vigil's generic webhook, kind 'webhook').
   */
  kind: 'pagerduty' | 'generic' | 'alertmanager' | 'grafana';
  policySourceId: string;
  teamSourceId: string | null;
  /** The key senders use today, kept so they change only the URL; null: Vigil issues a new one. */
  integrationKey: string | null;
  urgency: 'high' | 'low' | 'dynamic';
  notes: ImportNote[];
}
